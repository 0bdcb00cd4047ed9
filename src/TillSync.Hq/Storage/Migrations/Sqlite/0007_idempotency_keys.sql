-- Issue 20: Idempotency-Key on manager writes (docs/security.md, "Idempotent manager writes"). One row per key a caller
-- used, written in the same transaction as the write it guards, so a retry finds either nothing (the write never
-- committed) or the row with the first answer. The key itself is never stored: key_hash is its SHA-256, and the
-- answer is sealed (AES-GCM) under a key derived from it, so this table reveals no answer (an enrolled till's token)
-- to anyone who does not hold the Idempotency-Key. Rows older than the retention (7 days) are deleted as new keys are claimed.
CREATE TABLE idempotency_keys (
    caller_kind   TEXT    NOT NULL CHECK (caller_kind IN ('manager', 'till')),
    caller_id     INTEGER NOT NULL,
    key_hash      TEXT    NOT NULL,
    method        TEXT    NOT NULL,
    path          TEXT    NOT NULL,
    request_hash  TEXT    NOT NULL,
    -- The answer; null only inside the transaction that claimed the key (never visible to another).
    status_code   INTEGER,
    content_type  TEXT,
    location      TEXT,
    sealed_body   TEXT,
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (caller_kind, caller_id, key_hash)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
