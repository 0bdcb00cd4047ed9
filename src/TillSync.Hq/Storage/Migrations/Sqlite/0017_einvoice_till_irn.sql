-- Issue 17: the IRN the till computed and printed on a B2B bill or credit note (OrderDto.Irn, ReturnDto.Irn), kept
-- beside HQ's own (irn). The worker sends a document only when the two agree, and adopts a registration only under
-- that IRN (docs/einvoice.md, "The till's IRN"). Null for documents from tills before it.
ALTER TABLE einvoices ADD COLUMN till_irn TEXT;
