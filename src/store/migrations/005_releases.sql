-- Releases: a dated model, robot or product and the organisation(s) that made it. The date is the earliest cited
-- release or publication date; `makers` counts the organisations credited, so each can be credited 1/makers.
CREATE VIEW releases AS
WITH dates AS (
  SELECT entity_id, min(value) AS date FROM facts
  WHERE attr IN ('release_date', 'publication_date') AND regexp_matches(value, '^\d{4}')
  GROUP BY entity_id
),
makers AS (
  SELECT DISTINCT subject_id AS org, object_id AS thing FROM relations WHERE predicate = 'developed'
  UNION SELECT DISTINCT object_id AS org, subject_id AS thing FROM relations WHERE predicate = 'product_of'
),
counted AS (SELECT thing, count(DISTINCT org) AS n FROM makers GROUP BY thing)
SELECT m.thing, m.org, d.date, CAST(substr(d.date, 1, 4) AS INTEGER) AS year, c.n::INTEGER AS makers
FROM makers m JOIN dates d ON d.entity_id = m.thing JOIN counted c ON c.thing = m.thing;

-- The segment(s) a release belongs to: its own tags; else its Epoch domain; else its maker's segments.
CREATE VIEW release_segments AS
WITH own AS (SELECT DISTINCT entity_id AS thing, segment FROM entity_segments),
domain AS (
  SELECT DISTINCT entity_id AS thing,
    CASE value WHEN 'Language' THEN 'llm' WHEN 'Multimodal' THEN 'multimodal' WHEN 'Vision' THEN 'vision'
      WHEN 'Image generation' THEN 'vision' WHEN 'Video' THEN 'vision' WHEN 'Speech' THEN 'speech'
      WHEN 'Audio' THEN 'speech' WHEN 'Robotics' THEN 'other-robots' WHEN 'Driving' THEN 'autonomous-driving'
      WHEN 'Games' THEN 'games' END AS segment
  FROM facts WHERE attr = 'domain'
)
SELECT DISTINCT r.thing, r.org, r.date, r.year, r.makers, s.segment
FROM releases r
JOIN LATERAL (
  SELECT segment FROM own WHERE own.thing = r.thing
  UNION ALL SELECT segment FROM domain WHERE domain.thing = r.thing AND segment IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM own WHERE own.thing = r.thing)
  UNION ALL SELECT segment FROM entity_segments es WHERE es.entity_id = r.org
    AND NOT EXISTS (SELECT 1 FROM own WHERE own.thing = r.thing)
    AND NOT EXISTS (SELECT 1 FROM domain WHERE domain.thing = r.thing AND domain.segment IS NOT NULL)
) s ON TRUE;
