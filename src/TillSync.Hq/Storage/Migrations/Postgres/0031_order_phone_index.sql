-- Issue 22: the orders listing's search by the customer's phone uses an index on PostgreSQL too (SQLite has had one since
-- 0027). 0027 left it out because an index on body_json::jsonb made every insert cast the body to jsonb, and jsonb refuses
-- the \u0000 escape a rejected order's body may carry (a customer name with a NUL): HQ could not record the rejection.
-- This index is on the expression DatabaseEngine.JsonTextSql writes, which casts only a body without that escape (CASE
-- evaluates its branch only when the test holds), so such a body is recorded and is simply not found by phone.
CREATE INDEX ix_orders_customer_phone ON orders
    ((CASE WHEN strpos(body_json, '\u0000') = 0 THEN (body_json)::jsonb -> 'customer' ->> 'phone' END))
    WHERE (CASE WHEN strpos(body_json, '\u0000') = 0 THEN (body_json)::jsonb -> 'customer' ->> 'phone' END) IS NOT NULL;
