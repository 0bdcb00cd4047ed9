-- Issue 22: a manager signs in to the back office once per browser (docs/security.md, "Back-office sessions"). The
-- cookie carries 256 random bits; HQ keeps only their SHA-256, so a copy of this table opens no session. A session ends
-- when unused for the idle timeout or at its absolute expiry, whichever comes first, or at sign-out (row deleted).
CREATE TABLE manager_sessions (
    session_hash TEXT PRIMARY KEY,
    manager_id   BIGINT NOT NULL REFERENCES managers (manager_id),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX ix_manager_sessions_last_seen ON manager_sessions (last_seen_at);
