-- The place and release views are recomputed once per ingest into tables (see store/derived.ts): the API reads
-- them on every request, and recomputing the joins per request cost hundreds of milliseconds. No keys or indexes:
-- the tables are replaced whole, and DuckDB cannot delete and re-insert a primary key in one transaction.
ALTER VIEW entity_place RENAME TO entity_place_v;
ALTER VIEW release_segments RENAME TO release_segments_v;
CREATE TABLE entity_place AS SELECT * FROM entity_place_v;
CREATE TABLE release_segments AS SELECT * FROM release_segments_v;
