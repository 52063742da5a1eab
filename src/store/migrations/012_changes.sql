-- What each build and each ingest changed: one row per added, changed or removed entity, fact, release date,
-- relation, price or observation (the slot it is about, the old and new values, the source behind it), and per
-- metric that moved. `run` names the build or ingest run; `seq` orders the changes within it.
CREATE TABLE changes (
  run VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  recorded TIMESTAMP NOT NULL,
  kind VARCHAR NOT NULL,        -- entity | fact | release | relation | price | observation | metric
  op VARCHAR NOT NULL,          -- added | changed | removed
  entity_id VARCHAR,            -- the entity it is about (a fact's entity, a relation's subject, a price's vendor)
  what VARCHAR NOT NULL,        -- the slot: an attribute, "predicate object", a price's model, kind, date and currency …
  old_value VARCHAR,
  new_value VARCHAR,
  source_id VARCHAR,            -- the source of the new value (of the old one for a removal)
  dataset VARCHAR,
  note VARCHAR,                 -- for a metric: why it moved
  PRIMARY KEY (run, seq)
);
CREATE INDEX changes_entity ON changes (entity_id);
-- One row per build or ingest that recorded changes: what it was, when, against what.
CREATE TABLE change_runs (
  run VARCHAR PRIMARY KEY,
  recorded TIMESTAMP NOT NULL,
  kind VARCHAR NOT NULL,        -- build | ingest
  label VARCHAR NOT NULL,       -- the input ingested, or "bundled data/ against the database it replaced"
  changes INTEGER NOT NULL
);
