-- One entity per organisation, AI counts that count AI, disputes that are disputes, claims apart from facts.

-- A fact may say which scope it is about ("predecessor school", "secondary listing"): facts on the same attribute
-- with different scopes, periods (as_of) or units are a series or different things, not a dispute.
CREATE TABLE facts_v2 (
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
  scope VARCHAR,
  PRIMARY KEY (dataset, entity_id, attr, value, source_id)
);
INSERT INTO facts_v2 SELECT *, NULL FROM facts;
DROP INDEX facts_entity;
DROP TABLE facts;
ALTER TABLE facts_v2 RENAME TO facts;
CREATE INDEX facts_entity ON facts (entity_id);

-- A spoken or reported figure: who said it, where and when, and whether other sources bear it out.
CREATE TABLE claims (
  dataset VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  subject_id VARCHAR NOT NULL,
  attr VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  unit VARCHAR,
  counts VARCHAR NOT NULL,      -- what the figure counts, in the claim's own terms
  speaker VARCHAR NOT NULL,
  occasion_id VARCHAR,          -- the event it was said at, when it is an entity
  said_on VARCHAR,              -- YYYY, YYYY-MM or YYYY-MM-DD
  status VARCHAR NOT NULL,      -- corroborated | uncorroborated | contradicted
  note VARCHAR,
  source_id VARCHAR NOT NULL,   -- where the claim is reported
  PRIMARY KEY (dataset, id)
);
-- What bears on a claim: a source that corroborates or contradicts it, or gives context (another figure and what it
-- counts), optionally pointing at the fact it concerns.
CREATE TABLE claim_evidence (
  dataset VARCHAR NOT NULL,
  claim_id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  stance VARCHAR NOT NULL,      -- corroborates | contradicts | context
  note VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  entity_id VARCHAR,
  attr VARCHAR,
  value VARCHAR,
  PRIMARY KEY (dataset, claim_id, seq)
);
-- Ids an entity was known by before a merge: links to them keep working (the API answers 301 to the survivor).
CREATE TABLE entity_redirects (
  dataset VARCHAR NOT NULL,
  old_id VARCHAR NOT NULL,
  new_id VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  PRIMARY KEY (dataset, old_id)
);

-- One primary place per entity: a headquarters beats a mere location, the curated set beats the other inputs, a city
-- beats a province beats a country; ties by id. Province and country follow from that place, never from another
-- input's competing statement. Other offices are `has_office_in` relations and place nothing.
CREATE OR REPLACE VIEW entity_place_v AS
WITH loc AS (
  SELECT DISTINCT subject_id, object_id, predicate, dataset FROM relations
  WHERE predicate IN ('headquartered_in', 'located_in')
),
primary_place AS (
  SELECT subject_id, object_id FROM (
    SELECT subject_id, object_id, row_number() OVER (PARTITION BY subject_id ORDER BY
      (predicate = 'headquartered_in') DESC, (dataset = 'curated') DESC,
      CASE WHEN object_id LIKE 'city:%' THEN 0 WHEN object_id LIKE 'province:%' THEN 1 ELSE 2 END, object_id) AS rn
    FROM loc) WHERE rn = 1
),
-- A place's own parents (city → province → country), each the place's primary parent.
up AS (
  SELECT p.subject_id, p.object_id AS place FROM primary_place p
  UNION SELECT p.subject_id, p2.object_id FROM primary_place p JOIN primary_place p2 ON p2.subject_id = p.object_id
  UNION SELECT p.subject_id, p3.object_id FROM primary_place p JOIN primary_place p2 ON p2.subject_id = p.object_id
    JOIN primary_place p3 ON p3.subject_id = p2.object_id
)
SELECT e.id AS entity_id,
  CASE WHEN e.kind = 'city' THEN e.id ELSE min(u.place) FILTER (WHERE u.place LIKE 'city:%') END AS city,
  CASE WHEN e.kind = 'province' THEN e.id ELSE min(u.place) FILTER (WHERE u.place LIKE 'province:%') END AS province,
  CASE WHEN e.kind = 'country' THEN e.id ELSE min(u.place) FILTER (WHERE u.place LIKE 'country:%') END AS country
FROM entities e LEFT JOIN up u ON u.subject_id = e.id
GROUP BY e.id, e.kind;

-- Each organisation's AI relevance: a cited `ai_class` fact (the curated set's first), else a rule from its kind
-- (universities and research labs are research, government bodies government, investors investors), else for a
-- company that made a model or carries a segment, `maker` by rule. `basis` says which.
CREATE VIEW org_profile_v AS
WITH cited AS (
  SELECT entity_id, value AS ai_class, estimate, source_id, row_number() OVER (PARTITION BY entity_id
    ORDER BY (dataset = 'curated') DESC, estimate, source_id) AS rn
  FROM facts WHERE attr = 'ai_class'
),
active AS (
  SELECT entity_id AS id FROM entity_segments UNION SELECT subject_id FROM relations WHERE predicate = 'developed'
)
SELECT e.id AS entity_id, e.kind,
  CASE WHEN c.ai_class IS NOT NULL THEN c.ai_class
    WHEN e.kind IN ('university', 'lab') THEN 'research'
    WHEN e.kind = 'government' THEN 'government'
    WHEN e.kind = 'investor' THEN 'investor'
    WHEN e.kind = 'company' AND e.id IN (SELECT id FROM active) THEN 'maker' END AS ai_class,
  CASE WHEN c.ai_class IS NOT NULL THEN (CASE WHEN c.estimate THEN 'estimate' ELSE 'cited' END)
    WHEN e.kind IN ('university', 'lab', 'government', 'investor') THEN 'kind'
    WHEN e.kind = 'company' AND e.id IN (SELECT id FROM active) THEN 'made a model or carries a segment' END AS basis,
  c.source_id
FROM entities e LEFT JOIN cited c ON c.entity_id = e.id AND c.rn = 1
WHERE e.kind IN ('company', 'lab', 'university', 'government', 'investor', 'organization');
CREATE TABLE org_profile AS SELECT * FROM org_profile_v;
CREATE OR REPLACE TABLE entity_place AS SELECT * FROM entity_place_v;
