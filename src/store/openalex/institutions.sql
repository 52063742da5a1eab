-- The institutions the counted works name, as the works describe them (dehydrated: key, name, country, type, ROR),
-- one row each. The in-process sync reads them per partition; on a cluster, over the whole snapshot, for
-- `neijuan openalex-subjects --seen` to map before the counts are reduced. Each distinct description is keyed once
-- (an institution is named by thousands of works, all describing it alike).
--   works (in double braces)  works.sql over the files
SELECT upper(regexp_extract(i.id, '([A-Za-z][0-9]+)$', 1)) AS key, min(i.display_name) AS display_name,
  upper(min(i.country_code)) AS country_code, min(i.type) AS type, min(i.ror) AS ror
FROM (SELECT DISTINCT unnest(insts) AS i FROM {{works}} WHERE counted)
GROUP BY 1
ORDER BY 1
