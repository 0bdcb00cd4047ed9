-- Issue 21: prices inclusive of GST, and the MRP (docs/money.md, docs/decisions/0010-tax-inclusive-prices.md).
-- Every product stored before this migration was priced before tax, so DEFAULT 0 keeps that meaning: converting its
-- price would change what every shelf label says and what the next bill charges. A manager switches a product to
-- inclusive pricing by upserting it with taxInclusive and the shelf price. mrp_paise is null where no MRP is known.
ALTER TABLE products ADD COLUMN mrp_paise INTEGER CHECK (mrp_paise >= 0);
ALTER TABLE products ADD COLUMN tax_inclusive INTEGER NOT NULL DEFAULT 0 CHECK (tax_inclusive IN (0, 1));
-- A line's footing, as the till sent it (OrderLineDto.TaxInclusive): the lines of tills before it were exclusive.
ALTER TABLE order_lines ADD COLUMN tax_inclusive INTEGER NOT NULL DEFAULT 0 CHECK (tax_inclusive IN (0, 1));
ALTER TABLE order_lines ADD COLUMN mrp_paise INTEGER;
