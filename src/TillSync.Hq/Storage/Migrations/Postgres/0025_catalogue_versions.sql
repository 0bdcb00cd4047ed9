-- PostgreSQL twin of Sqlite/0025_catalogue_versions.sql: the catalogue by delta (issue 21 item 6; docs/sync.md,
-- docs/decisions/0017-catalogue-by-delta.md). Each product keeps the pricing version of the write that last changed what
-- a till sees of it; the catalogue already in place starts at version 1.
ALTER TABLE products ADD COLUMN catalogue_version BIGINT NOT NULL DEFAULT 1;
CREATE INDEX ix_products_catalogue_version ON products (catalogue_version);
CREATE INDEX ix_stock_movements_store_movement ON stock_movements (store_id, movement_id);
