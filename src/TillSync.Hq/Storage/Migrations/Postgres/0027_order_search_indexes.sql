-- PostgreSQL twin of Sqlite/0027_order_search_indexes.sql (issue 22). The bill number index is in the "C" collation, the
-- one OrderFilter compares a bill number's start in: a range in a language's collation is not a prefix. The phone index
-- is on the expression DatabaseEngine.JsonTextSql writes, and holds only bills with a phone.
CREATE INDEX ix_orders_bill_no ON orders (bill_no COLLATE "C");
CREATE INDEX ix_orders_customer_phone ON orders ((((body_json)::jsonb -> 'customer') ->> 'phone'))
    WHERE (((body_json)::jsonb -> 'customer') ->> 'phone') IS NOT NULL;
