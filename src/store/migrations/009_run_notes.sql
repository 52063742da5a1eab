-- A run's decisions beside its outcome: a shrink allowed with --allow-shrink (and by how much), a run found
-- abandoned (its process died before it finished) when the database was next opened for writing, a run carried over
-- by a rebuild. A table of its own: altering ingest_runs (whose id defaults to a sequence) leaves a write-ahead log
-- that DuckDB 1.5 cannot replay after a crash.
CREATE TABLE ingest_run_notes (
  run_id INTEGER PRIMARY KEY,
  note VARCHAR NOT NULL
);
