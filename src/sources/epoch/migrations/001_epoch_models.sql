-- The Epoch connector's own tables (was part of the core migration 001; IF NOT EXISTS keeps older databases as they are).
-- One row per model per Epoch vintage: the rows the notable-models indicator counts.
CREATE TABLE IF NOT EXISTS epoch_models (
  dataset VARCHAR NOT NULL,
  model_id VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  publication_date VARCHAR, -- YYYY-MM-DD
  organizations VARCHAR NOT NULL, -- JSON array of the organisation names as written
  countries VARCHAR NOT NULL,     -- JSON array of distinct ISO 3166-1 alpha-2 codes
  country_labels VARCHAR NOT NULL,-- JSON array of the raw country values
  notable BOOLEAN NOT NULL,
  accessibility VARCHAR,
  PRIMARY KEY (dataset, model_id)
);
CREATE TABLE IF NOT EXISTS epoch_model_countries (
  dataset VARCHAR NOT NULL,
  model_id VARCHAR NOT NULL,
  country VARCHAR NOT NULL,
  PRIMARY KEY (dataset, model_id, country)
);
