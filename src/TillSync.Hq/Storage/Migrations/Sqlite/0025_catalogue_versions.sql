-- Issue 21 item 6: the catalogue by delta (docs/sync.md, docs/decisions/0017-catalogue-by-delta.md). Each product keeps
-- the pricing version of the write that last changed what a till sees of it, so that HQ answers "what changed since
-- version V" from the products themselves; the catalogue already in place starts at version 1, which every till
-- holding a snapshot from before this migration has (it has no snapshot version and fetches the whole once).
ALTER TABLE products ADD COLUMN catalogue_version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX ix_products_catalogue_version ON products (catalogue_version);
-- Stock and loyalty changes are read from their movements after the till's cursor.
CREATE INDEX ix_stock_movements_store_movement ON stock_movements (store_id, movement_id);
