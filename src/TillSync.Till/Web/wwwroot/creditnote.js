// The 80 mm credit note as HTML, beside the receipt (receipt.js): what a return refunded, line by line, with the tax
// reversed by rate and how the money went back. Every figure is the till's, as recorded with the return.
import { dateTimeText, esc, plainAmount, qtyText, rateText, rupees, stateName, unitLabel } from './format.js';

export const REFUND_LABELS = {
  cash: 'Cash', card: 'Card', upi: 'UPI', loyalty: 'Loyalty points', store_credit: 'Store credit', exchange: 'Exchange',
};

export const REASON_LABELS = {
  defective: 'Defective', wrong_item: 'Wrong item', expired: 'Expired', changed_mind: 'Changed mind', billing_error: 'Billing error', other: 'Other',
};

export function creditNoteHtml(n, reprint) {
  const store = n.store ?? {};
  const refund = n.refund ?? {};
  const inter = refund.supplyKind === 'inter';
  const t = refund.totals ?? {};
  const customer = n.customer;
  const original = n.original ?? {};
  const address = [store.address1, store.address2, [store.location, store.pin].filter(Boolean).join(' ')].filter(Boolean);
  const out = [];
  if (reprint) out.push('<div class="reprint" data-testid="credit-note-reprint">REPRINT</div>');
  out.push(`<div class="c store-name">${esc(store.tradeName || store.legalName || '')}</div>`);
  for (const a of address) out.push(`<div class="c">${esc(a)}</div>`);
  out.push(`<div class="c">GSTIN: ${esc(store.gstin ?? '')}</div>`);
  out.push('<hr><div class="c b big">CREDIT NOTE</div><hr>');
  out.push(`<div class="kv"><span>Credit Note No</span><span class="b" data-testid="credit-note-no">${esc(n.creditNoteNo)}</span></div>`);
  out.push(`<div class="kv"><span>Date</span><span>${esc(dateTimeText(n.createdAt))}</span></div>`);
  out.push(`<div class="kv"><span>Till</span><span>${esc(n.tillName ?? '')}</span></div>`);
  out.push(`<div class="kv"><span>Against bill</span><span data-testid="credit-note-original">${esc(original.billNo ?? '')}</span></div>`);
  out.push(`<div class="kv"><span>Bill date</span><span>${esc(dateTimeText(original.createdAt))}</span></div>`);
  if (customer && (customer.gstin || customer.name || customer.phone)) {
    out.push('<hr>');
    if (customer.gstin) out.push(`<div class="b">Buyer: ${esc(customer.name ?? '')}</div><div>GSTIN: ${esc(customer.gstin)}</div>`);
    else if (customer.name) out.push(`<div>Customer: ${esc(customer.name)}</div>`);
    if (customer.phone) out.push(`<div>Phone: ${esc(customer.phone)}</div>`);
    const pos = customer.placeOfSupply || store.stateCode;
    if (pos) out.push(`<div>Place of supply: ${esc(pos)} ${esc(stateName(pos))}</div>`);
  }
  out.push('<hr><table><thead><tr><th>Item returned</th><th class="r">Amount</th></tr></thead><tbody>');
  for (const l of refund.lines ?? []) {
    out.push(`<tr data-testid="credit-note-line" data-sku="${esc(l.sku)}"><td class="line-name" colspan="2">${esc(l.name)}${l.condition === 'damaged' ? ' (damaged)' : ''}</td></tr>`);
    out.push(`<tr class="line-detail"><td>${esc(qtyText(Math.round(Number(l.qty) * 1000), l.unit))} ${esc(unitLabel(l.unit))} × ${plainAmount(l.unitPricePaise)}<br>HSN ${esc(l.hsn)} · GST ${rateText(l.gstRateBp)} · line ${esc(l.originalLineNo)}</td><td class="r">${plainAmount(l.taxablePaise)}</td></tr>`);
  }
  out.push('</tbody></table><hr>');
  out.push(`<table><thead><tr><th>GST</th><th class="r">Taxable</th>${inter ? '<th class="r">IGST</th>' : '<th class="r">CGST</th><th class="r">SGST</th>'}</tr></thead><tbody>`);
  for (const s of refund.gstSummary ?? []) {
    out.push(`<tr><td>${rateText(s.gstRateBp)}</td><td class="r">${plainAmount(s.taxablePaise)}</td>${inter ? `<td class="r">${plainAmount(s.igstPaise)}</td>` : `<td class="r">${plainAmount(s.cgstPaise)}</td><td class="r">${plainAmount(s.sgstPaise)}</td>`}</tr>`);
  }
  out.push('</tbody></table><hr>');
  out.push(`<div class="kv"><span>Taxable value</span><span>${plainAmount(t.taxablePaise ?? 0)}</span></div>`);
  if (inter) out.push(`<div class="kv"><span>IGST</span><span>${plainAmount(t.igstPaise ?? 0)}</span></div>`);
  else out.push(`<div class="kv"><span>CGST</span><span>${plainAmount(t.cgstPaise ?? 0)}</span></div><div class="kv"><span>SGST</span><span>${plainAmount(t.sgstPaise ?? 0)}</span></div>`);
  out.push(`<div class="kv"><span>Round-off</span><span>${plainAmount(t.roundOffPaise ?? 0)}</span></div>`);
  out.push(`<div class="kv big"><span>REFUND</span><span data-testid="credit-note-total">${rupees(t.totalPaise ?? 0)}</span></div><hr>`);
  for (const r of refund.refunds ?? []) {
    const reference = r.reference && r.method !== 'exchange' ? ` (${esc(r.reference)})` : '';
    out.push(`<div class="kv" data-testid="credit-note-refund" data-method="${esc(r.method)}"><span>${esc(REFUND_LABELS[r.method] ?? r.method)}${reference}</span><span>${plainAmount(r.amountPaise)}</span></div>`);
  }
  if ((refund.refunds ?? []).some(r => r.method === 'store_credit')) {
    // The credit note is the voucher: its number is the code a later sale spends it by (docs/returns.md).
    out.push(`<div class="b" data-testid="credit-note-voucher" data-code="${esc(n.creditNoteNo)}">Store credit voucher: ${esc(n.creditNoteNo)}</div>`);
    out.push('<div class="small">Quote this number to pay with the credit.</div>');
  }
  const loyalty = refund.loyalty;
  if (loyalty && (loyalty.burnRefundedPoints || loyalty.earnReversedPoints)) {
    out.push(`<div class="small" data-testid="credit-note-loyalty">Points given back ${esc(loyalty.burnRefundedPoints)} · points taken back ${esc(loyalty.earnReversedPoints)}</div>`);
  }
  const registered = n.registration;
  if (registered?.status === 'cancelled') {
    // A manager cancelled the credit note's e-invoice at HQ (within the portal's 24 hours): it no longer counts for GST.
    out.push(`<hr><div class="irn" data-testid="credit-note-irn">IRN: <span data-testid="credit-note-irn-value">${esc(registered.irn)}</span></div>`);
    out.push('<div class="c b" data-testid="credit-note-einvoice-cancelled">E-INVOICE CANCELLED: this credit note no longer counts for GST.</div>');
  } else if (registered?.irn) {
    out.push(`<hr><div class="irn" data-testid="credit-note-irn">IRN: <span data-testid="credit-note-irn-value">${esc(registered.irn)}</span></div>`);
    out.push(`<div>Ack No: <span data-testid="credit-note-ack-no">${esc(registered.ackNo ?? '')}</span></div>`);
    out.push(`<div>Ack Date: <span data-testid="credit-note-ack-dt">${esc(registered.ackDt ?? '')}</span></div>`);
    out.push(`<div class="c"><img class="irn-qr" data-testid="credit-note-irn-qr" alt="Signed e-invoice QR code" src="/api/returns/${encodeURIComponent(n.documentId)}/qr.svg"></div>`);
  } else if (n.irn) {
    // A B2B credit note's IRN, computed by the till when it recorded the return; HQ registers it after the invoice.
    out.push(`<hr><div class="irn" data-testid="credit-note-irn">IRN: <span data-testid="credit-note-irn-value">${esc(n.irn)}</span></div>`);
    out.push('<div class="irn-pending" data-testid="credit-note-irn-pending">IRN pending registration</div>');
  }
  out.push(`<hr><div>Reason: ${esc(REASON_LABELS[n.reason] ?? n.reason)}${n.note ? ` — ${esc(n.note)}` : ''}</div>`);
  out.push(`<div class="c foot">Ref ${esc(n.documentId)} · #${esc(n.tillSeq)}</div>`);
  return out.join('');
}
