-- Issue 17 item 7: a manager cancels a bill's e-way bill at the portal within 24 hours of its generation
-- (docs/einvoice.md, "E-way bills"): when the portal cancelled it (its cancelDate, IST), NIC's e-way bill reason code
-- (1 duplicate, 2 order cancelled, 3 data entry mistake, 4 others) and the manager's remark. ewb_no stays, so the bill
-- still shows which e-way bill it had.
ALTER TABLE einvoices ADD COLUMN ewb_cancelled_at TEXT;
ALTER TABLE einvoices ADD COLUMN ewb_cancel_reason TEXT;
ALTER TABLE einvoices ADD COLUMN ewb_cancel_remark TEXT;
