// The return and exchange flows of the cashier page (docs/returns.md, "At the till"). F6 opens the return dialog: the
// cashier scans the receipt's code (a scanner types TS1.… and Enter), types a bill number and Enter, or picks one of the
// recent bills with ↑ ↓ and Enter; then types the quantity coming back on each line (Enter moves on), its condition, the
// reason and the refund tender, and F9 completes it. The till prices every preview and records the return: all money
// comes from its /api/returns/* (Core's ReturnMath), never from this script. An exchange ends the dialog with the return's
// credit waiting on the sale screen: the cashier rings up the new items and F9 records both together.

import { api } from './api.js';
import { REASON_LABELS, REFUND_LABELS } from './creditnote.js';
import { esc, isFractional, qtyText, rupees, timeText, unitLabel } from './format.js';

const SEARCH_DEBOUNCE_MS = 150;
const QUOTE_DEBOUNCE_MS = 120;
const CODE_PREFIX = 'TS1.';
const $ = testId => document.querySelector(`[data-testid="${testId}"]`);

const flow = {
  bills: [],          // recent bills offered in the dialog
  billIndex: -1,
  billsLoading: Promise.resolve(),
  findKeys: Promise.resolve(), // the find box's ↑ ↓ Enter, acted on one after another in the order typed
  original: null,     // the /api/returns/lookup answer
  reference: null,    // how it was found: { code } | { saleId } | { billNo }
  quote: null,        // the last /api/returns/quote answer for the form as it stands
  quoteSeq: 0,
  busy: false,
  exchange: null,     // { request, creditPaise, billNo }: a return waiting for its new sale
};
let hooks = { show: () => {}, changed: () => {}, message: () => {}, focusCode: () => {} };

/** Wires the dialog. show(documents) prints credit notes and receipts; changed() redraws the sale's tender. */
export function initReturns(h) {
  hooks = h;
  const reason = $('return-reason');
  for (const [value, label] of Object.entries(REASON_LABELS)) reason.insertAdjacentHTML('beforeend', `<option value="${value}">${esc(label)}</option>`);
  const find = $('return-find');
  find.addEventListener('input', () => {
    clearTimeout(find.timer);
    const text = find.value.trim();
    if (!text.startsWith(CODE_PREFIX)) find.timer = setTimeout(() => loadBills(text), SEARCH_DEBOUNCE_MS);
  });
  find.addEventListener('keydown', onFindKey);
  $('return-lines').addEventListener('input', () => requestQuote());
  $('return-lines').addEventListener('change', () => requestQuote());
  $('return-lines').addEventListener('keydown', onLinesKey);
  for (const id of ['return-reason', 'return-refund-method', 'return-reference', 'return-note']) {
    $(id).addEventListener('change', () => { renderRefundFields(); requestQuote(); });
  }
  $('return-bills').addEventListener('click', event => {
    const row = event.target.closest('[data-testid="return-bill-row"]');
    if (row) lookUp({ saleId: row.dataset.clientOrderId });
  });
  $('return-complete').addEventListener('click', complete);
  $('return-close').addEventListener('click', () => $('return-dialog').close());
  $('return-dialog').addEventListener('keydown', event => {
    if (event.key === 'F9') {
      event.preventDefault();
      complete();
    }
  });
  $('return-dialog').addEventListener('close', () => hooks.focusCode());
  $('exchange-cancel').addEventListener('click', () => {
    cancelExchange();
    hooks.message('info', 'Exchange cancelled: nothing was recorded.');
  });
}

/** F6: a new return. */
export async function openReturn() {
  if (flow.exchange) {
    hooks.message('info', 'An exchange is waiting for its new sale: complete it with F9, or cancel it first.');
    return;
  }
  Object.assign(flow, { original: null, reference: null, quote: null, bills: [], billIndex: -1 });
  $('return-find').value = '';
  $('return-note').value = '';
  $('return-reference').value = '';
  $('return-reason').value = 'defective';
  say(null);
  $('return-sale').hidden = true;
  $('return-original').innerHTML = '';
  $('return-lines').querySelector('tbody').innerHTML = '';
  $('return-bills').querySelector('tbody').innerHTML = ''; // the last dialog's bills are not this one's
  renderQuote(null);
  const dialog = $('return-dialog');
  if (!dialog.open) dialog.showModal();
  $('return-find').focus();
  await loadBills('');
}

/** The exchange's credit towards the sale being rung up, in paise (0 without an exchange). */
export function exchangeCreditPaise() {
  return flow.exchange?.creditPaise ?? 0;
}

/** The pending exchange's return, to record with the sale (POST /api/exchanges), or null. */
export function exchangeReturn() {
  return flow.exchange?.request ?? null;
}

/** Forgets a pending exchange (the sale was recorded with it, or the cashier cancelled). */
export function cancelExchange() {
  flow.exchange = null;
  $('exchange-banner').hidden = true;
  hooks.changed();
}

function loadBills(text) {
  flow.billsLoading = (async () => {
    try {
      flow.bills = (await api('GET', `/api/sales?limit=20${text ? `&q=${encodeURIComponent(text)}` : ''}`)) ?? [];
    } catch (error) {
      flow.bills = [];
      say(error.message);
    }
    flow.billIndex = -1;
    renderBills();
  })();
  return flow.billsLoading;
}

function renderBills() {
  $('return-bills').hidden = Boolean(flow.original);
  $('return-bills').querySelector('tbody').innerHTML = flow.bills.map((b, i) => `
    <tr data-testid="return-bill-row" data-client-order-id="${esc(b.clientOrderId)}" data-bill-no="${esc(b.billNo)}" class="${i === flow.billIndex ? 'selected' : ''}">
      <td class="bill">${esc(b.billNo)}</td><td>${esc(timeText(b.createdAt))}</td><td class="num">${rupees(b.totalPaise)}</td>
    </tr>`).join('') || '<tr><td colspan="3" class="muted">No bill of this till matches; scan the receipt\'s code for another till\'s bill.</td></tr>';
}

function onFindKey(event) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Enter') return;
  event.preventDefault();
  // ↓ waits for the list; an Enter typed right after it must wait for that ↓, not act on the list without it.
  const key = event.key;
  flow.findKeys = flow.findKeys.then(() => actOnFindKey(key)).catch(error => say(error.message)); // a failed key never stops the next
}

async function actOnFindKey(key) {
  await flow.billsLoading; // keys pressed as the dialog opens act on the list once it is there
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    if (!flow.bills.length) return;
    const count = flow.bills.length;
    flow.billIndex = flow.billIndex < 0 ? (key === 'ArrowDown' ? 0 : count - 1) : (flow.billIndex + (key === 'ArrowDown' ? 1 : -1) + count) % count;
    renderBills();
    return;
  }

  const text = $('return-find').value.trim();
  if (flow.billIndex >= 0) await lookUp({ saleId: flow.bills[flow.billIndex].clientOrderId });
  else if (text.startsWith(CODE_PREFIX)) await lookUp({ code: text });
  else if (text) await lookUp({ billNo: text });
  else say('Scan the code on the receipt, or type the bill number.');
}

async function lookUp(reference) {
  say(null);
  try {
    flow.original = await api('POST', '/api/returns/lookup', reference);
    flow.reference = reference;
  } catch (error) {
    flow.original = null;
    say(error.message);
    $('return-find').select();
    return;
  }
  renderSale();
  $('return-lines').querySelector('input:not([disabled])')?.focus();
}

function renderSale() {
  const o = flow.original;
  $('return-sale').hidden = false;
  renderBills();
  const source = { local: 'sold at this till', receipt_code: 'from the receipt code', hq: 'from HQ' }[o.source] ?? o.source;
  $('return-original').innerHTML = `
    <span>Bill <strong data-testid="return-bill-no">${esc(o.billNo)}</strong></span>
    <span>${esc(timeText(o.createdAt))}</span><span>Total ${rupees(o.totalPaise)}</span>
    <span class="muted" data-testid="return-source" data-source="${esc(o.source)}">${esc(source)}</span>
    ${o.customer?.phone ? `<span>Customer ${esc(o.customer.phone)}</span>` : ''}`;
  $('return-lines').querySelector('tbody').innerHTML = o.lines.map(l => `
    <tr data-testid="return-line" data-line-no="${l.lineNo}" data-sku="${esc(l.sku)}">
      <td class="num">${l.lineNo}</td>
      <td><strong>${esc(l.name)}</strong><br><span class="muted small">${esc(l.sku)}</span></td>
      <td class="num">${esc(qtyText(Math.round(Number(l.qty) * 1000), l.unit))} ${esc(unitLabel(l.unit))}</td>
      <td class="num" data-testid="return-line-returned">${esc(qtyText(Math.round(Number(l.returnedQty) * 1000), l.unit))}</td>
      <td class="num"><input data-testid="return-qty" inputmode="decimal" autocomplete="off" placeholder="0" aria-label="Quantity of line ${l.lineNo} coming back"
        ${Number(l.returnableQty) > 0 ? '' : 'disabled'} data-fractional="${isFractional(l.unit)}"></td>
      <td><select data-testid="return-condition" aria-label="Condition of line ${l.lineNo}"><option value="restock">Back to stock</option><option value="damaged">Damaged</option></select></td>
      <td class="num" data-testid="return-line-refund">–</td>
    </tr>`).join('');
  const methods = ['cash', ...['card', 'upi'].filter(m => o.payments.some(p => p.method === m)), 'store_credit', 'exchange'];
  $('return-refund-method').innerHTML = methods.map(m => `<option value="${m}">${esc(m === 'card' || m === 'upi' ? `${REFUND_LABELS[m]} (original)` : REFUND_LABELS[m])}</option>`).join('');
  renderRefundFields();
  renderQuote();
}

function renderRefundFields() {
  const method = $('return-refund-method').value;
  $('return-reference-label').hidden = !(method === 'card' || method === 'upi');
  $('return-complete').innerHTML = method === 'exchange' ? 'Exchange: ring up the new items <kbd>F9</kbd>' : 'Complete return <kbd>F9</kbd>';
}

function onLinesKey(event) {
  if (event.key !== 'Enter' || event.target.dataset.testid !== 'return-qty') return;
  event.preventDefault();
  const inputs = [...$('return-lines').querySelectorAll('input:not([disabled])')];
  const next = inputs[inputs.indexOf(event.target) + 1];
  (next ?? $('return-reason')).focus();
}

// The form as a return request, or a sentence saying what is missing.
function request() {
  const lines = [];
  for (const row of $('return-lines').querySelectorAll('[data-testid="return-line"]')) {
    const text = row.querySelector('[data-testid="return-qty"]').value.trim();
    if (!text) continue;
    const qty = Number(text);
    if (!/^\d{1,5}(\.\d{1,3})?$/.test(text) || qty <= 0) return { problem: `Line ${row.dataset.lineNo}: “${text}” is not a quantity.` };
    lines.push({ lineNo: Number(row.dataset.lineNo), qty, condition: row.querySelector('[data-testid="return-condition"]').value });
  }
  if (!lines.length) return { problem: 'Type the quantity coming back on at least one line.' };
  const method = $('return-refund-method').value;
  const refund = { method };
  if (method === 'card' || method === 'upi') refund.reference = $('return-reference').value.trim();
  const body = { original: flow.reference, lines, reason: $('return-reason').value, refund };
  const note = $('return-note').value.trim();
  if (note) body.note = note;
  return { body };
}

function requestQuote() {
  clearTimeout(requestQuote.timer);
  const seq = ++flow.quoteSeq;
  requestQuote.timer = setTimeout(async () => {
    const { body, problem } = request();
    if (!body) {
      flow.quote = null;
      renderQuote(problem);
      return;
    }
    // The preview prices the lines; the tender is checked when the return is recorded.
    const previewBody = { ...body, refund: { method: body.refund.method === 'exchange' ? 'exchange' : 'cash' } };
    try {
      const quote = await api('POST', '/api/returns/quote', previewBody);
      if (seq !== flow.quoteSeq) return;
      flow.quote = quote;
      renderQuote(null);
    } catch (error) {
      if (seq !== flow.quoteSeq) return;
      flow.quote = null;
      renderQuote(error.message);
    }
  }, QUOTE_DEBOUNCE_MS);
}

function renderQuote(problem) {
  const q = flow.quote;
  for (const cell of $('return-lines').querySelectorAll('[data-testid="return-line-refund"]')) {
    const line = q?.lines.find(l => String(l.originalLineNo) === cell.closest('tr').dataset.lineNo);
    cell.textContent = line ? rupees(line.totalPaise) : '–';
  }
  $('return-total').textContent = rupees(q?.totals.totalPaise ?? 0);
  $('return-total').dataset.paise = String(q?.totals.totalPaise ?? 0);
  const loyalty = q?.loyalty;
  $('return-summary').textContent = problem ?? (q
    ? `Refund ${q.refunds.map(r => `${REFUND_LABELS[r.method] ?? r.method} ${rupees(r.amountPaise)}`).join(' + ')}`
      + (loyalty ? ` · ${loyalty.burnRefundedPoints} points given back, ${loyalty.earnReversedPoints} taken back` : '')
    : '');
  $('return-summary').dataset.state = problem ? 'error' : q ? 'ready' : 'empty';
}

async function complete() {
  if (flow.busy || !flow.original) return;
  const { body, problem } = request();
  if (!body) {
    say(problem);
    return;
  }
  if (body.refund.method === 'exchange') {
    startExchange(body);
    return;
  }
  flow.busy = true;
  try {
    const creditNote = await api('POST', '/api/returns', body);
    $('return-dialog').close();
    hooks.message('success', `Return ${creditNote.creditNoteNo} recorded on this till · refund ${rupees(creditNote.refund.totals.totalPaise)}.`);
    hooks.show({ creditNote }, false);
  } catch (error) {
    say(`Return not recorded: ${error.message}`);
  } finally {
    flow.busy = false;
  }
}

async function startExchange(body) {
  let quote;
  try {
    quote = await api('POST', '/api/returns/quote', body);
  } catch (error) {
    say(error.message);
    return;
  }
  const loyaltyPaise = quote.refunds.filter(r => r.method === 'loyalty').reduce((sum, r) => sum + r.amountPaise, 0);
  flow.exchange = { request: body, creditPaise: quote.totals.totalPaise - loyaltyPaise, billNo: flow.original.billNo };
  $('return-dialog').close();
  const banner = $('exchange-banner');
  banner.querySelector('[data-testid="exchange-text"]').textContent =
    `Exchange against bill ${flow.exchange.billNo}: credit ${rupees(flow.exchange.creditPaise)}. Ring up the new items; F9 pays the difference (or gives it back in cash).`;
  banner.dataset.creditPaise = String(flow.exchange.creditPaise);
  banner.hidden = false;
  hooks.changed();
  hooks.focusCode();
}

function say(text) {
  const box = $('return-message');
  box.hidden = !text;
  box.textContent = text ?? '';
}
