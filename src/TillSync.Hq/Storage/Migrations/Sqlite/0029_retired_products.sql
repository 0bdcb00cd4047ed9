-- Issue 21: a manager retires a product (docs/back-office.md, "Catalogue"; docs/sync.md). A retired product stays in the
-- catalogue — earlier sales and their returns name it — but tills stop selling it once their snapshot or delta says so.
-- retired_at is when HQ committed the retirement (null: on sale); bringing it back clears it. Like any change a till sees,
-- it raises the product's catalogue_version, so the next delta carries it.
ALTER TABLE products ADD COLUMN retired_at TEXT;
