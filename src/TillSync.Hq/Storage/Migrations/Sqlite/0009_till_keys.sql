-- Issue 15: each till's public key for the signed code on its receipts (docs/returns.md). A till registers the key it
-- made on its first start (PUT /api/v1/till/key); the first key stands, and the snapshot hands every till of the store
-- the keys of its tills, so that a till can check a receipt printed at another one while HQ is unreachable.
CREATE TABLE till_keys (
    till_id        INTEGER PRIMARY KEY REFERENCES tills (till_id),
    algorithm      TEXT   NOT NULL CHECK (algorithm = 'ES256'),
    public_key     TEXT   NOT NULL,
    registered_at  TEXT   NOT NULL
);
