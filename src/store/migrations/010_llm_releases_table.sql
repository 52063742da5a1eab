-- llm_releases is read by every segment query of the LLM segment (through segment_releases); computing it from the
-- facts each time cost about 10 ms a query. Like the other derived tables, it is now recomputed once per ingest
-- (store/derived.ts) from its view.
ALTER VIEW llm_releases RENAME TO llm_releases_v;
CREATE TABLE llm_releases AS SELECT * FROM llm_releases_v;
