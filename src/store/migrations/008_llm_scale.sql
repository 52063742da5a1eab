-- Which releases of the LLM segment are large language models. Epoch files every language model under "Language",
-- from n-gram and LSTM models on; counting those as LLMs would make the authors of a 2015 LSTM paper "LLM makers".
-- The neural-LLM era starts in the first year a release of the segment used at least 1e22 FLOP of training compute
-- (an n-gram model of 2007 had billions of parameters but was no LLM, so parameters alone cannot start it). A
-- language-model release counts as an LLM when it used at least 1e22 FLOP, or has at least 1 billion parameters and
-- came out in that era, or a curated source tags the release itself as llm, or its size is unknown and it came out
-- in that era.
CREATE VIEW llm_releases AS
WITH size AS (
  SELECT entity_id AS thing,
    max(TRY_CAST(value AS DOUBLE)) FILTER (WHERE attr = 'parameters') AS parameters,
    max(TRY_CAST(value AS DOUBLE)) FILTER (WHERE attr = 'training_compute' AND unit = 'FLOP') AS compute
  FROM facts WHERE attr IN ('parameters', 'training_compute') GROUP BY entity_id
),
r AS (
  SELECT DISTINCT rs.thing, rs.year, s.parameters, s.compute,
    EXISTS (SELECT 1 FROM entity_segments es WHERE es.entity_id = rs.thing AND es.segment = 'llm') AS tagged
  FROM release_segments rs LEFT JOIN size s ON s.thing = rs.thing WHERE rs.segment = 'llm'
),
era AS (SELECT min(year) AS year FROM r WHERE compute >= 1e22)
SELECT thing,
  CASE WHEN compute >= 1e22 OR parameters >= 1e9 THEN 'large' WHEN tagged THEN 'tagged' ELSE 'size unknown' END AS why
FROM r
WHERE compute >= 1e22 OR tagged
  OR (year >= (SELECT year FROM era) AND (parameters >= 1e9 OR (parameters IS NULL AND compute IS NULL)));

-- The releases the segment analytics count: every release of its segment, but in the LLM segment only the LLMs.
CREATE VIEW segment_releases AS
SELECT rs.* FROM release_segments rs
WHERE rs.segment <> 'llm' OR rs.thing IN (SELECT thing FROM llm_releases);
