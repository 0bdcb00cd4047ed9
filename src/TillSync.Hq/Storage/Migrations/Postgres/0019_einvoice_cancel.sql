-- Issue 17: a manager cancels a registered e-invoice at the portal within 24 hours of its acknowledgement
-- (docs/einvoice.md, "Cancelling a bill"): the status 'cancelled', when the portal cancelled it (its CancelDate, IST)
-- and NIC's reason code (1 duplicate, 2 data entry mistake, 3 order cancelled, 4 other) with the manager's remark.
ALTER TABLE einvoices DROP CONSTRAINT einvoices_status_check;
ALTER TABLE einvoices ADD CONSTRAINT einvoices_status_check CHECK (status IN ('pending', 'registered', 'failed', 'waiting', 'cancelled'));
ALTER TABLE einvoices ADD COLUMN cancelled_at TEXT;
ALTER TABLE einvoices ADD COLUMN cancel_reason TEXT;
ALTER TABLE einvoices ADD COLUMN cancel_remark TEXT;
