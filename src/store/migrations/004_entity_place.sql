-- Where each entity is: its city (headquarters or location), its province (directly or through the city) and its
-- country (directly, through the city, or through the province). Several cited values: the first by id is shown here,
-- all of them stay in `relations`.
CREATE VIEW entity_place AS
WITH loc AS (
  SELECT DISTINCT subject_id, object_id FROM relations WHERE predicate IN ('headquartered_in', 'located_in')
),
up AS (
  SELECT l.subject_id, l.object_id AS place FROM loc l
  UNION SELECT l.subject_id, l2.object_id FROM loc l JOIN loc l2 ON l2.subject_id = l.object_id
  UNION SELECT l.subject_id, l3.object_id FROM loc l JOIN loc l2 ON l2.subject_id = l.object_id
    JOIN loc l3 ON l3.subject_id = l2.object_id
)
SELECT e.id AS entity_id,
  CASE WHEN e.kind = 'city' THEN e.id ELSE min(u.place) FILTER (WHERE u.place LIKE 'city:%') END AS city,
  CASE WHEN e.kind = 'province' THEN e.id ELSE min(u.place) FILTER (WHERE u.place LIKE 'province:%') END AS province,
  CASE WHEN e.kind = 'country' THEN e.id ELSE min(u.place) FILTER (WHERE u.place LIKE 'country:%') END AS country
FROM entities e LEFT JOIN up u ON u.subject_id = e.id
GROUP BY e.id, e.kind;
