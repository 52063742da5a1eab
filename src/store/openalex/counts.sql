-- The scale-out reduce: works per subject × publication year × primary topic over a whole snapshot, in one
-- statement, with the snapshot's updates and merges applied as the in-process sync applies them. Whole counting: a
-- work counts once for each distinct subject (an institution's entity, its city, a country) however many of its
-- authors share it. Rows with topic_id NULL are the totals over all topics.
--
-- Relations it reads (placeholders filled by store/openalex/reduce.ts; docs/SCALE.md shows them on other engines):
--   works (in double braces)     works.sql over every works file of the snapshot (one row per work line, with its file name)
--   merged (in double braces)    work_key of every work the merged_ids files delete
--   subjects (in double braces)  institution_key → subject_id, exported by `neijuan openalex-subjects`
WITH ranked AS (
  -- The latest copy of each work: partitions are named updated_date=YYYY-MM-DD, so the greatest file name wins.
  SELECT work_key, year, topic_id, institution_keys, countries, counted,
    row_number() OVER (PARTITION BY work_key ORDER BY filename DESC) AS copy
  FROM {{works}}
),
counted AS (
  SELECT work_key, year, topic_id, institution_keys, countries FROM ranked
  WHERE copy = 1 AND counted AND year IS NOT NULL AND work_key NOT IN (SELECT work_key FROM {{merged}})
),
by_institution AS (
  SELECT work_key, year, topic_id, unnest(institution_keys) AS institution_key FROM counted
),
by_country AS (
  SELECT work_key, year, topic_id, unnest(countries) AS country FROM counted
),
pairs AS (
  SELECT i.work_key, i.year, i.topic_id, s.subject_id
  FROM by_institution i JOIN {{subjects}} s ON s.institution_key = i.institution_key
  UNION
  SELECT work_key, year, topic_id, 'country:' || lower(country) FROM by_country
)
SELECT subject_id, year::INTEGER AS year, topic_id, count(DISTINCT work_key) AS works
FROM pairs
GROUP BY GROUPING SETS ((subject_id, year, topic_id), (subject_id, year))
HAVING grouping(topic_id) = 1 OR topic_id IS NOT NULL
