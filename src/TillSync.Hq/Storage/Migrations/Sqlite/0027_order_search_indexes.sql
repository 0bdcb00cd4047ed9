-- Issue 22: the orders listing's searches by bill number (or its start) and by the customer's phone use an index, not a
-- scan of every bill (docs/back-office.md, "Orders"). OrderFilter asks for a bill number's start as a range
-- (bill_no >= start AND bill_no < start with its last character raised), which the plain index serves under SQLite's
-- binary collation; the phone index is on the very expression the filter reads (DatabaseEngine.JsonTextSql), and only
-- bills with a phone are in it.
CREATE INDEX ix_orders_bill_no ON orders (bill_no);
CREATE INDEX ix_orders_customer_phone ON orders (json_extract(body_json, '$.customer.phone'))
    WHERE json_extract(body_json, '$.customer.phone') IS NOT NULL;
