-- The CAC filings connector's own table (was part of the core migration 013; IF NOT EXISTS keeps older databases as they are).
-- CAC generative-AI filings as records: one row per filed service or registered app, citing the list it appeared in;
-- the provider resolved onto an organisation where a name matches (else NULL, listed as unresolved).
CREATE TABLE IF NOT EXISTS genai_filings (
  dataset VARCHAR NOT NULL,
  filing_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  list_id VARCHAR NOT NULL,
  list_date VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  province_label VARCHAR NOT NULL,
  province_id VARCHAR,
  service VARCHAR NOT NULL,
  provider VARCHAR NOT NULL,
  provider_id VARCHAR,
  name_city_id VARCHAR, -- the city the provider's legal name registers it in, when it names one
  filed_on VARCHAR,
  id_date VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (dataset, filing_id)
);
