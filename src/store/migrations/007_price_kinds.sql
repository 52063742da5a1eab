-- Every price row says what kind of price it is (list, promotional, off-peak, cache-hit input, batch, free tier) and,
-- where a vendor prices by context or input length, which tier. A like-for-like index matches rows on
-- vendor + model + tier + kind, so both join the key. Existing rows were all list prices without a tier.
CREATE TABLE prices_v2 (
  dataset VARCHAR NOT NULL,
  vendor_id VARCHAR NOT NULL,
  model VARCHAR NOT NULL,
  date VARCHAR NOT NULL,
  currency VARCHAR NOT NULL,
  input DOUBLE NOT NULL,
  output DOUBLE NOT NULL,
  note VARCHAR,
  source_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  tier VARCHAR NOT NULL, -- '' when the vendor gives one price for every context length
  PRIMARY KEY (dataset, vendor_id, model, tier, kind, date, currency, source_id)
);
INSERT INTO prices_v2 SELECT dataset, vendor_id, model, date, currency, input, output, note, source_id, 'list', ''
FROM prices;
DROP TABLE prices;
ALTER TABLE prices_v2 RENAME TO prices;
