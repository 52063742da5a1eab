-- Funding rounds (issue: where, with whose money): one row per round as reported, the amount in its own currency or
-- NULL when undisclosed; its investors one row each, the leads marked.
CREATE TABLE funding_rounds (
  dataset VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  org_id VARCHAR NOT NULL,
  date VARCHAR NOT NULL,
  round VARCHAR NOT NULL,
  stage VARCHAR NOT NULL,
  amount DOUBLE,
  currency VARCHAR,
  qualifier VARCHAR,
  valuation DOUBLE,
  valuation_currency VARCHAR,
  note VARCHAR,
  source_id VARCHAR NOT NULL,
  PRIMARY KEY (dataset, id)
);
CREATE TABLE round_investors (
  dataset VARCHAR NOT NULL,
  round_id VARCHAR NOT NULL,
  investor_id VARCHAR NOT NULL,
  lead BOOLEAN NOT NULL,
  PRIMARY KEY (dataset, round_id, investor_id)
);
-- The humanoid supply chain: a supplier, a robot maker, the component, and how a source links them.
CREATE TABLE supply_links (
  dataset VARCHAR NOT NULL,
  supplier_id VARCHAR NOT NULL,
  customer_id VARCHAR NOT NULL,
  component VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  as_of VARCHAR,
  note VARCHAR,
  source_id VARCHAR NOT NULL,
  PRIMARY KEY (dataset, supplier_id, customer_id, component, kind, source_id)
);
CREATE INDEX funding_rounds_org ON funding_rounds (org_id);
CREATE INDEX round_investors_investor ON round_investors (investor_id);
