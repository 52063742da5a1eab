-- What a read-only server reads instead of computing: the search index (key 'search-index') and the dashboard's
-- default API responses (key: path and query string), written by `neijuan build` and after each ingest, each valid
-- for the data state its stamp names (store/queries/serving.ts). A stale row is never served: the server compares
-- stamps at start and computes what is stale.
CREATE TABLE serving_store (
  key VARCHAR PRIMARY KEY,
  stamp VARCHAR NOT NULL,
  content_type VARCHAR NOT NULL,
  body VARCHAR NOT NULL
);
