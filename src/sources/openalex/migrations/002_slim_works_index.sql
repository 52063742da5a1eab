-- The works index keeps only what an exact replacement needs: the subjects a work was counted under, with its year
-- and topic (and the partition it came from). Its institution keys and country codes were never read back: the
-- subjects already hold what they resolved to. It has no primary key: DuckDB rewrote the whole key index (a million
-- keys at a million works) at every unit's commit. A work still has one row: each unit deletes the rows of the works
-- it stages before inserting them, and stages each work once (store/queries/openalex.ts applyStaged).
DROP TABLE IF EXISTS openalex_works_next;
CREATE TABLE IF NOT EXISTS openalex_works_next (
  dataset VARCHAR NOT NULL,
  work_id VARCHAR NOT NULL,            -- short key, W2741809807
  year INTEGER,                        -- publication_year; NULL works are indexed but not counted
  subject_ids VARCHAR[] NOT NULL,      -- the entity ids the work was counted under (institutions, countries, cities)
  topic VARCHAR,                       -- primary topic key (T10102), NULL when the work has none
  partition VARCHAR NOT NULL           -- updated_date partition it came from ('' when not from a snapshot)
);
INSERT INTO openalex_works_next SELECT dataset, work_id, year, subject_ids, topic, partition FROM openalex_works;
DROP TABLE openalex_works;
ALTER TABLE openalex_works_next RENAME TO openalex_works;
