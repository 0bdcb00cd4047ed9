-- The fleet view: what each till last reported about its queue (sent with every sync and heartbeat).
ALTER TABLE tills ADD COLUMN reported_queue_depth INTEGER;
ALTER TABLE tills ADD COLUMN reported_oldest_unsynced_at TEXT;
