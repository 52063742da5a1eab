-- The OpenAlex connector's own tables (was the core migration 003; IF NOT EXISTS keeps older databases as they are).
-- OpenAlex. Works never become entities: they are counted into `observations` (metric `openalex.works` and
-- `openalex.works.topic.<T id>`, subject an institution, country or city entity, period the publication year).
-- The tables below are what lets a snapshot sync change those counts exactly: each counted work keeps the subjects
-- it was counted under, so an updated work takes back its old contribution and a merged-away work removes exactly
-- its own.

-- One row per counted work (whole counting: once per distinct institution, country and city entity).
CREATE TABLE IF NOT EXISTS openalex_works (
  dataset VARCHAR NOT NULL,
  work_id VARCHAR NOT NULL,            -- short key, W2741809807
  year INTEGER,                        -- publication_year; NULL works are indexed but not counted
  institution_ids VARCHAR[] NOT NULL,  -- distinct short institution keys (I27837315)
  countries VARCHAR[] NOT NULL,        -- distinct ISO 3166-1 codes of those institutions
  subject_ids VARCHAR[] NOT NULL,      -- the entity ids the work was counted under (institutions, countries, cities)
  topic VARCHAR,                       -- primary topic key (T10102), NULL when the work has none
  partition VARCHAR NOT NULL,          -- updated_date partition it came from ('' when not from a snapshot)
  PRIMARY KEY (dataset, work_id)
);

-- What an ingest knows of each OpenAlex institution, and the entity it counts under. The entity is fixed the first
-- time a work names the institution (resolved by name onto an existing entity, or created as org:openalex-<id>).
CREATE TABLE IF NOT EXISTS openalex_institutions (
  dataset VARCHAR NOT NULL,
  institution_id VARCHAR NOT NULL,     -- I27837315
  display_name VARCHAR NOT NULL,
  name_zh VARCHAR,                     -- international.display_name zh-hans / zh-cn, from full records
  alternatives VARCHAR NOT NULL,       -- JSON array of display_name_alternatives
  country_code VARCHAR,
  type VARCHAR,
  ror VARCHAR,
  city VARCHAR,                        -- geo.city as written, from full records
  entity_id VARCHAR,                   -- NULL until a counted work names the institution
  city_id VARCHAR,                     -- the existing city entity geo.city resolved onto, if any
  method VARCHAR,                      -- created | exact | variant | stripped (+country when disambiguated)
  PRIMARY KEY (dataset, institution_id)
);

-- Topic names for the metric ids openalex.works.topic.<topic_id>.
CREATE TABLE IF NOT EXISTS openalex_topics (
  dataset VARCHAR NOT NULL,
  topic_id VARCHAR NOT NULL,           -- T10102
  display_name VARCHAR NOT NULL,
  subfield VARCHAR,
  field VARCHAR,
  domain VARCHAR,
  PRIMARY KEY (dataset, topic_id)
);

-- The snapshot sync log: every unit (an updated_date partition of works or institutions, or a merged_ids file)
-- committed for a snapshot root, in the same transaction as its rows. The next run reads only units newer than the
-- last one recorded here, so a killed run resumes at the first unit it had not committed.
CREATE TABLE IF NOT EXISTS openalex_sync (
  dataset VARCHAR NOT NULL,
  root VARCHAR NOT NULL,               -- absolute path of the snapshot copy
  entity VARCHAR NOT NULL,             -- works | institutions | merged_ids/works
  unit VARCHAR NOT NULL,               -- YYYY-MM-DD (partition date, or merged_ids file date)
  files INTEGER NOT NULL,
  records INTEGER NOT NULL,            -- lines read
  counted INTEGER NOT NULL,            -- works indexed (works), institutions described, or works removed
  PRIMARY KEY (dataset, root, entity, unit)
);
