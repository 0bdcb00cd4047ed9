-- Issue 25: the tills' documents form signed hash chains (ADR 0016, docs/security.md). HQ checks each chained document
-- on arrival and keeps its entry here, so that the next document's link is checked against it and a manager can verify a
-- till's chain end to end (GET /api/v1/tills/{id}/chain): body_sha256 is the SHA-256 of the document's bytes as the till
-- sent them (its chain hash covers it); the chain columns are null for documents a till made before its chain began.
ALTER TABLE till_documents ADD COLUMN body_sha256 TEXT;
ALTER TABLE till_documents ADD COLUMN chain_prev_hash TEXT;
ALTER TABLE till_documents ADD COLUMN chain_hash TEXT;
ALTER TABLE till_documents ADD COLUMN chain_signature TEXT;

-- HQ's own P-256 key that signs its statements to each till of the highest entry it holds (sync answers, snapshots). Made
-- by the first HQ process that needs it and shared by every process on this database; the public half reaches the tills
-- in the snapshot.
CREATE TABLE hq_keys (
    purpose      TEXT PRIMARY KEY CHECK (purpose = 'statement'),
    algorithm    TEXT NOT NULL CHECK (algorithm = 'ES256'),
    private_key  TEXT NOT NULL,
    public_key   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
