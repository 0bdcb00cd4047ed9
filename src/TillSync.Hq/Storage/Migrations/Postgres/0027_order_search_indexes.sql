-- PostgreSQL twin of Sqlite/0027_order_search_indexes.sql (issue 22). The bill number index is in the "C" collation, the
-- one OrderFilter compares a bill number's start in: a range in a language's collation is not a prefix. There is no phone
-- index here: an index on body_json::jsonb would make every insert cast the body to jsonb, and jsonb refuses the \u0000
-- escape that a rejected order's body may carry (a customer name with a NUL): HQ could then not record the rejection.
-- The phone search on PostgreSQL reads the bills newest first, bounded by the page (docs/back-office.md).
CREATE INDEX ix_orders_bill_no ON orders (bill_no COLLATE "C");
