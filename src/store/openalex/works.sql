-- The reduce of OpenAlex works: what each work of the snapshot contributes to the counts, with only the fields it
-- needs read from the JSON (explicit columns: DuckDB skips the rest of every object, abstracts and references
-- included). One row per work line: its key, publication year, primary topic (for the older shape without one, the
-- best-scored of its topics), its distinct institutions (key and dehydrated description) and their distinct
-- country codes when it passes the filter, whether it does, whether its primary topic was taken from its topics (the older shape),
-- and whether any field is out of shape (then the sync names the file, line and field with the full validator; see
-- ingest/openalex-snapshot.ts).
--
-- Placeholders, filled by store/openalex/reduce.ts (and documented for other engines in docs/SCALE.md):
--   source (in double braces)  the works files as a relation with filename, id, publication_year, authorships,
--                              primary_topic, topics, concepts: in DuckDB, read_json with those columns declared
--   filter (in double braces)  a boolean expression over the columns below (the work filter: subfield, topic, concept or all)
WITH raw AS (
  SELECT filename, id, publication_year, authorships, primary_topic, topics, concepts FROM {{source}}
),
shaped AS (
  SELECT filename,
    upper(replace(id, 'https://openalex.org/', '')) AS work_key,
    publication_year AS year,
    -- The older shape names no primary topic: the best-scored of its topics is (the first of equals).
    coalesce(primary_topic, topics[list_position(list_transform(topics, t -> coalesce(t.score, 0)),
      list_max(list_transform(topics, t -> coalesce(t.score, 0))))]) AS topic_raw,
    flatten(list_transform(coalesce(authorships, []), a -> coalesce(a.institutions, []))) AS insts,
    topics, concepts, authorships, primary_topic IS NULL AS no_primary_topic
  FROM raw
),
keyed AS (
  SELECT filename, work_key, year, topic_raw, insts, no_primary_topic AND topic_raw IS NOT NULL AS topic_from_topics,
    list_transform(insts, i -> upper(replace(i.id, 'https://openalex.org/', ''))) AS inst_keys,
    list_transform(coalesce(topics, []), t -> upper(replace(t.id, 'https://openalex.org/', ''))) AS topic_keys,
    list_transform(coalesce(concepts, []), c -> upper(replace(c.id, 'https://openalex.org/', ''))) AS concept_keys,
    -- Out of shape: what the validator (sources/openalex/schema.ts workSchema) would refuse. Keys are checked by
    -- their letter and a number after it (no regular expression: this runs for every institution of every work).
    (TRY_CAST(substr(work_key, 2) AS UBIGINT) IS NULL OR left(work_key, 1) <> 'W'
      OR (year IS NOT NULL AND (year < 1000 OR year > 2200))
      OR authorships IS NULL
      OR list_bool_or(list_transform(authorships, a -> a.institutions IS NULL))
      OR list_bool_or(list_transform(insts, i -> i.id IS NULL OR length(i.country_code) <> 2)))
      AS shape_a,
    (topic_raw IS NOT NULL AND (topic_raw.id IS NULL OR topic_raw.display_name IS NULL))
      OR list_bool_or(list_transform(coalesce(topics, []), t -> t.id IS NULL OR t.display_name IS NULL))
      OR list_bool_or(list_transform(coalesce(concepts, []), c -> c.id IS NULL)) AS shape_b
  FROM shaped
),
reduced AS (
  SELECT filename, work_key, year,
    upper(replace(topic_raw.id, 'https://openalex.org/', '')) AS topic_id,
    topic_raw.display_name AS topic_name,
    replace(topic_raw.subfield.id, 'https://openalex.org/subfields/', '') AS subfield,
    replace(topic_raw.field.id, 'https://openalex.org/fields/', '') AS field,
    replace(topic_raw.domain.id, 'https://openalex.org/domains/', '') AS domain,
    insts, inst_keys, topic_keys, concept_keys, topic_from_topics,
    shape_a OR shape_b
      OR list_bool_or(list_transform(inst_keys, k -> left(k, 1) <> 'I' OR TRY_CAST(substr(k, 2) AS UBIGINT) IS NULL))
      OR list_bool_or(list_transform(topic_keys, k -> left(k, 1) <> 'T' OR TRY_CAST(substr(k, 2) AS UBIGINT) IS NULL))
      OR list_bool_or(list_transform(concept_keys, k -> left(k, 1) <> 'C' OR TRY_CAST(substr(k, 2) AS UBIGINT) IS NULL))
      OR (topic_raw.id IS NOT NULL AND (left(upper(replace(topic_raw.id, 'https://openalex.org/', '')), 1) <> 'T'
        OR TRY_CAST(substr(upper(replace(topic_raw.id, 'https://openalex.org/', '')), 2) AS UBIGINT) IS NULL))
      AS out_of_shape
  FROM keyed
)
-- A work's institutions and countries matter only when it counts (any other is checked for shape, then only removes
-- an earlier copy that counted), so they are worked out for counted works alone.
SELECT filename, work_key, year, topic_id, topic_name, subfield, field, domain,
  CASE WHEN ({{filter}}) THEN list_distinct(inst_keys) END AS institution_keys,
  CASE WHEN ({{filter}}) THEN list_sort(list_distinct(list_filter(list_transform(insts, i -> upper(i.country_code)),
    c -> c IS NOT NULL))) END AS countries,
  CASE WHEN ({{filter}}) THEN insts END AS insts,
  ({{filter}}) AS counted, out_of_shape, topic_from_topics
FROM reduced
