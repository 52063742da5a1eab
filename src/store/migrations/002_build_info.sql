-- What a database was built from, so `neijuan build --if-stale` can skip a build that would change nothing.
CREATE TABLE build_info (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
