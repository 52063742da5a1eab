-- Core tables. Every row carries `dataset`: the connector input that wrote it, so re-ingesting one input
-- replaces exactly its own rows and nothing else.
CREATE TABLE sources (
  dataset VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  title VARCHAR NOT NULL,
  url VARCHAR NOT NULL,
  publisher VARCHAR NOT NULL,
  published VARCHAR,
  retrieved VARCHAR NOT NULL,
  licence VARCHAR NOT NULL,
  PRIMARY KEY (dataset, id)
);
CREATE TABLE entities (
  id VARCHAR PRIMARY KEY,
  dataset VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  name_en VARCHAR,
  name_zh VARCHAR,
  name_pinyin VARCHAR,
  description VARCHAR
);
CREATE TABLE entity_names (
  dataset VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  norm VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  PRIMARY KEY (dataset, entity_id, name, kind)
);
CREATE TABLE entity_segments (
  dataset VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  segment VARCHAR NOT NULL,
  PRIMARY KEY (dataset, entity_id, segment)
);
CREATE TABLE entity_sources (
  dataset VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  PRIMARY KEY (dataset, entity_id, source_id)
);
CREATE TABLE facts (
  dataset VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  attr VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  value_num DOUBLE,
  unit VARCHAR,
  as_of VARCHAR,
  note VARCHAR,
  estimate BOOLEAN NOT NULL,
  source_id VARCHAR NOT NULL,
  PRIMARY KEY (dataset, entity_id, attr, value, source_id)
);
CREATE TABLE relations (
  dataset VARCHAR NOT NULL,
  subject_id VARCHAR NOT NULL,
  predicate VARCHAR NOT NULL,
  object_id VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  PRIMARY KEY (dataset, subject_id, predicate, object_id, source_id)
);
CREATE TABLE observations (
  dataset VARCHAR NOT NULL,
  metric VARCHAR NOT NULL,
  subject_id VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  unit VARCHAR NOT NULL,
  note VARCHAR,
  source_id VARCHAR NOT NULL,
  PRIMARY KEY (dataset, metric, subject_id, period, source_id)
);
CREATE TABLE prices (
  dataset VARCHAR NOT NULL,
  vendor_id VARCHAR NOT NULL,
  model VARCHAR NOT NULL,
  date VARCHAR NOT NULL,
  currency VARCHAR NOT NULL,
  input DOUBLE NOT NULL,
  output DOUBLE NOT NULL,
  note VARCHAR,
  source_id VARCHAR NOT NULL,
  PRIMARY KEY (dataset, vendor_id, model, date, currency, source_id)
);
CREATE TABLE data_issues (
  dataset VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  field VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  message VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (dataset, entity_id, field, line)
);
-- Which names an input resolved onto an existing entity, and how: the merges `neijuan resolve --report` lists.
CREATE TABLE resolutions (
  dataset VARCHAR NOT NULL,
  raw_name VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  method VARCHAR NOT NULL,
  PRIMARY KEY (dataset, raw_name)
);
CREATE SEQUENCE ingest_run_id START 1;
CREATE TABLE ingest_runs (
  id INTEGER PRIMARY KEY DEFAULT nextval('ingest_run_id'),
  connector VARCHAR NOT NULL,
  dataset VARCHAR NOT NULL,
  input VARCHAR NOT NULL,
  input_sha256 VARCHAR,
  started TIMESTAMP NOT NULL,
  finished TIMESTAMP,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_inserted INTEGER NOT NULL DEFAULT 0,
  rows_updated INTEGER NOT NULL DEFAULT 0,
  rows_deleted INTEGER NOT NULL DEFAULT 0,
  status VARCHAR NOT NULL,
  error VARCHAR
);
CREATE INDEX entity_names_norm ON entity_names (norm);
CREATE INDEX facts_entity ON facts (entity_id);
CREATE INDEX relations_subject ON relations (subject_id);
CREATE INDEX relations_object ON relations (object_id);
