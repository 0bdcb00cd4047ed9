-- PostgreSQL twin: the phone index PostgreSQL lacked after 0027. SQLite has had ix_orders_customer_phone since 0027, so
-- there is nothing to do here; the statement keeps the two engines' numbering in step.
SELECT 1;
