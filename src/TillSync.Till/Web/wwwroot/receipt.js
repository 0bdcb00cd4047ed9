// The 80 mm receipt as HTML: the same markup shows on screen and prints (app.css, @media print). Every figure is
// the till's, as recorded with the sale; nothing is recomputed here.
import { TENDER_METHODS, dateTimeText, esc, maskedPhone, plainAmount, qtyText, rateText, rupees, stateName, unitLabel } from './format.js';

export function receiptHtml(r, reprint) {
  const store = r.store ?? {};
  const inter = r.supplyKind === 'inter';
  const lines = r.lines ?? [];
  const summary = r.gstSummary ?? [];
  const t = r.totals ?? {};
  const address = [store.address1, store.address2, [store.location, store.pin].filter(Boolean).join(' ')].filter(Boolean);
  const customer = r.customer;
  const irn = r.irn ?? { status: 'not_applicable' };
  const methodLabel = m => TENDER_METHODS.find(([v]) => v === m)?.[1] ?? m;
  const out = [];
  if (reprint) out.push('<div class="reprint" data-testid="receipt-reprint">REPRINT</div>');
  out.push(`<div class="c store-name">${esc(store.tradeName || store.legalName || '')}</div>`);
  if (store.tradeName && store.legalName && store.tradeName !== store.legalName) out.push(`<div class="c">${esc(store.legalName)}</div>`);
  for (const a of address) out.push(`<div class="c">${esc(a)}</div>`);
  out.push(`<div class="c">GSTIN: ${esc(store.gstin ?? '')}</div>`);
  out.push('<hr><div class="c b big">TAX INVOICE</div><hr>');
  out.push(`<div class="kv"><span>Bill No</span><span class="b" data-testid="receipt-bill-no">${esc(r.billNo)}</span></div>`);
  out.push(`<div class="kv"><span>Date</span><span>${esc(dateTimeText(r.createdAt))}</span></div>`);
  out.push(`<div class="kv"><span>Till</span><span>${esc(r.tillName ?? '')}</span></div>`);
  if (customer && (customer.gstin || customer.name || customer.phone)) {
    out.push('<hr>');
    if (customer.gstin) {
      out.push(`<div class="b">Buyer: ${esc(customer.name ?? '')}</div>`);
      out.push(`<div data-testid="receipt-buyer-gstin">GSTIN: ${esc(customer.gstin)}</div>`);
      const buyerAddress = [customer.address1, [customer.location, customer.pin].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      if (buyerAddress) out.push(`<div data-testid="receipt-buyer-address">${esc(buyerAddress)}</div>`);
    } else if (customer.name) {
      out.push(`<div>Customer: ${esc(customer.name)}</div>`);
    }
    // A receipt leaves the shop: it shows enough of the phone for the customer to know it is theirs, not the number.
    if (customer.phone) out.push(`<div data-testid="receipt-phone">Phone: ${esc(maskedPhone(customer.phone))}</div>`);
    const pos = customer.placeOfSupply || store.stateCode;
    if (pos) out.push(`<div>Place of supply: ${esc(pos)} ${esc(stateName(pos))}</div>`);
  }
  out.push('<hr><table><thead><tr><th>Item</th><th class="r">Amount</th></tr></thead><tbody>');
  // A line priced inclusive of GST shows what the customer pays for it, with the MRP on the pack; a line priced before
  // tax (a B2B catalogue, or a bill from before inclusive prices) shows its taxable value, marked * when the bill mixes both.
  const inclusiveCount = lines.filter(l => l.taxInclusive).length;
  const mixed = inclusiveCount > 0 && inclusiveCount < lines.length;
  for (const l of lines) {
    out.push(`<tr><td class="line-name" colspan="2">${esc(l.name)}${mixed && !l.taxInclusive ? ' *' : ''}</td></tr>`);
    const discount = l.discountPaise ? ` −${plainAmount(l.discountPaise)}` : '';
    const mrp = l.mrpPaise != null ? `<span data-testid="receipt-line-mrp">MRP ${plainAmount(l.mrpPaise)}</span> · ` : '';
    out.push(`<tr class="line-detail"><td>${esc(qtyText(Math.round(Number(l.qty) * 1000), l.unit))} ${esc(unitLabel(l.unit))} × ${plainAmount(l.unitPricePaise)}${discount}<br>${mrp}HSN ${esc(l.hsn)} · GST ${rateText(l.gstRateBp)}</td><td class="r" data-testid="receipt-line-amount">${plainAmount(l.taxInclusive ? l.totalPaise : l.taxablePaise)}</td></tr>`);
    // The promotion that priced the line and what it saved (docs/pricing.md, "Promotions").
    if (l.promotion) out.push(`<tr class="line-detail" data-testid="receipt-line-promotion"><td>${esc(l.promotion.name)}</td><td class="r">saves ${plainAmount(l.promotion.savingPaise)}</td></tr>`);
  }
  out.push('</tbody></table><hr>');
  if (r.billPromotion) out.push(`<div class="kv" data-testid="receipt-bill-promotion"><span>${esc(r.billPromotion.name)} (in the lines' discounts)</span><span>−${plainAmount(r.billPromotion.savingPaise)}</span></div><hr>`);
  const savingsPaise = lines.reduce((sum, l) => sum + (l.savingsPaise ?? 0), 0);
  if (savingsPaise > 0) out.push(`<div class="kv b"><span>You saved against MRP</span><span data-testid="receipt-savings">${plainAmount(savingsPaise)}</span></div><hr>`);
  out.push(`<table data-testid="receipt-gst-summary"><thead><tr><th>GST</th><th class="r">Taxable</th>${inter ? '<th class="r">IGST</th>' : '<th class="r">CGST</th><th class="r">SGST</th>'}</tr></thead><tbody>`);
  for (const s of summary) {
    out.push(`<tr><td>${rateText(s.gstRateBp)}</td><td class="r">${plainAmount(s.taxablePaise)}</td>${inter ? `<td class="r">${plainAmount(s.igstPaise)}</td>` : `<td class="r">${plainAmount(s.cgstPaise)}</td><td class="r">${plainAmount(s.sgstPaise)}</td>`}</tr>`);
  }
  out.push('</tbody></table><hr>');
  out.push(`<div class="kv"><span>Taxable value</span><span>${plainAmount(t.taxablePaise ?? 0)}</span></div>`);
  if (inter) {
    out.push(`<div class="kv"><span>IGST</span><span>${plainAmount(t.igstPaise ?? 0)}</span></div>`);
  } else {
    out.push(`<div class="kv"><span>CGST</span><span>${plainAmount(t.cgstPaise ?? 0)}</span></div>`);
    out.push(`<div class="kv"><span>SGST</span><span>${plainAmount(t.sgstPaise ?? 0)}</span></div>`);
  }
  out.push(`<div class="kv"><span>Round-off</span><span>${plainAmount(t.roundOffPaise ?? 0)}</span></div>`);
  out.push(`<div class="kv big"><span>TOTAL</span><span data-testid="receipt-total">${rupees(t.totalPaise ?? 0)}</span></div><hr>`);
  for (const p of r.payments ?? []) {
    out.push(`<div class="kv" data-testid="receipt-payment" data-method="${esc(p.method)}"><span>${esc(methodLabel(p.method))}${p.reference ? ` ${esc(p.reference)}` : ''}</span><span>${plainAmount(p.amountPaise)}</span></div>`);
  }
  if (r.changePaise) {
    out.push(`<div class="kv"><span>Tendered</span><span>${plainAmount(r.tenderedPaise ?? 0)}</span></div>`);
    out.push(`<div class="kv b"><span>Change</span><span data-testid="receipt-change">${plainAmount(r.changePaise)}</span></div>`);
  }
  const points = r.loyalty;
  if (points) {
    out.push(`<hr><div class="kv" data-testid="receipt-points-earned"><span>Points earned</span><span>${esc(points.earnedPoints)}</span></div>`);
    if (points.redeemedPoints) out.push(`<div class="kv" data-testid="receipt-points-redeemed"><span>Points redeemed</span><span>${esc(points.redeemedPoints)}</span></div>`);
    if (points.balancePoints != null) {
      out.push(`<div class="kv b" data-testid="receipt-points-balance"><span>Points balance</span><span>${esc(points.balancePoints)}</span></div>`);
      out.push(`<div class="small">Balance as this till knew it${points.balanceAsOf ? ` on ${esc(dateTimeText(points.balanceAsOf))}` : ''}; purchases at other counters may not show yet.</div>`);
    }
  }
  if (r.b2b || customer?.gstin) {
    out.push('<hr>');
    if (irn.status === 'cancelled') {
      // A manager cancelled the e-invoice at HQ (within 24 hours of registration): the bill is no tax invoice any more.
      out.push(`<div class="irn" data-testid="receipt-irn">IRN: <span data-testid="receipt-irn-value">${esc(irn.irn)}</span></div>`);
      out.push('<div class="c b" data-testid="receipt-einvoice-cancelled">E-INVOICE CANCELLED: this bill is no tax invoice.</div>');
    } else if (irn.status === 'registered' && irn.irn) {
      out.push(`<div class="irn" data-testid="receipt-irn">IRN: <span data-testid="receipt-irn-value">${esc(irn.irn)}</span></div>`);
      out.push(`<div>Ack No: <span data-testid="receipt-ack-no">${esc(irn.ackNo ?? '')}</span></div>`);
      out.push(`<div>Ack Date: <span data-testid="receipt-ack-dt">${esc(irn.ackDt ?? '')}</span></div>`);
      // The till draws the signed QR itself (GET /api/receipts/{id}/qr.svg); as an <img> the SVG can never run script.
      out.push(`<div class="c"><img class="irn-qr" data-testid="receipt-irn-qr" alt="Signed e-invoice QR code" src="/api/receipts/${encodeURIComponent(r.clientOrderId)}/qr.svg"></div>`);
    } else {
      // The till computes a B2B bill's IRN when it records the sale (docs/einvoice.md): printed now, registered by HQ later.
      if (irn.irn) out.push(`<div class="irn" data-testid="receipt-irn">IRN: <span data-testid="receipt-irn-value">${esc(irn.irn)}</span></div>`);
      out.push(`<div class="irn-pending" data-testid="receipt-irn-pending">${irn.irn ? 'IRN pending registration' : 'IRN pending'}</div>`);
      if (irn.status === 'needs_attention') {
        out.push('<div class="c small" data-testid="receipt-einvoice-attention">E-invoice needs attention at HQ: a manager must fix it before the IRN is issued.</div>');
      } else {
        out.push('<div class="c small">Provisional: the e-invoice is registered by HQ; ask for a reprint to get the IRN.</div>');
      }
    }
  }
  out.push('<hr>');
  if (r.receiptCode) {
    // The till's signed code (TS1.…): any till of the store reads it for a return, offline; the till draws it itself.
    out.push(`<div class="c" data-testid="receipt-code" data-receipt-code="${esc(r.receiptCode)}">`
      + `<img class="return-qr" data-testid="receipt-code-qr" alt="Receipt code for returns" src="/api/receipts/${encodeURIComponent(r.clientOrderId)}/code.svg">`
      + '<div class="small">Returns at any of our counters: keep this receipt.</div></div>');
  } else {
    out.push('<div class="c small" data-testid="receipt-no-code">Returns: at this counter, or at any counter while it reaches HQ, with this bill number.</div>');
  }
  const footing = inclusiveCount === lines.length ? 'Prices include GST; tax breakup as shown.'
    : inclusiveCount === 0 ? 'Prices exclusive of GST; tax as shown.' : 'Prices include GST but those marked *, before GST; tax as shown.';
  out.push(`<div class="c foot" data-testid="receipt-footing">Thank you. ${footing}<br>Ref ${esc(r.clientOrderId)} · #${esc(r.tillSeq)}</div>`);
  return out.join('');
}
