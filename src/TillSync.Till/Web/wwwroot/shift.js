// The drawer's shift at the till (docs/shifts.md): open with the float counted by denomination, cash in and out with a
// reason, the X report at any time, and the close with a blind count — the cashier counts cash and enters the card and
// UPI slip totals before seeing what was expected — whose answer is the Z report, printable at 80 mm or A4. Each dialog
// mints one request id when it opens and sends it on every retry, so a lost answer never records a second document.
import { api } from './api.js';
import { dateTimeText, esc, parseMoney, rupees } from './format.js';
import { loadParkedInto, parkedHtml } from './park.js';

// ₹500 down to ₹1, notes and coins of one value counted together (the till checks the same list).
const DENOMINATIONS = [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100];
const REASONS = { pickup_to_safe: 'Pickup to the safe (out)', petty_cash: 'Petty cash (out)', from_safe: 'Change from the safe (in)' };
const TENDERS = { cash: 'Cash', card: 'Card', upi: 'UPI' };

const $ = testId => document.querySelector(`[data-testid="${testId}"]`);

const shift = { current: null, requestId: null, done: () => {} };

export function initShift({ done }) {
  shift.done = done;
  countTable('open-count');
  countTable('close-count');
  $('shift-button').addEventListener('click', openMenu);
  $('shift-open-form').addEventListener('submit', event => submit(event, openShift));
  $('shift-cash-form').addEventListener('submit', event => submit(event, moveCash));
  $('shift-close-form').addEventListener('submit', event => submit(event, closeShift));
  $('shift-menu-cash').addEventListener('click', () => show('shift-cash-dialog', 'cash-amount'));
  $('shift-menu-x').addEventListener('click', xReport);
  $('shift-menu-close').addEventListener('click', () => {
    show('shift-close-dialog', 'close-count-50000');
    loadParkedInto('close-parked-list');
  });
  $('print-report-80').addEventListener('click', () => print(false));
  $('print-report-a4').addEventListener('click', () => print(true));
  $('close-report').addEventListener('click', () => $('shift-report-dialog').close());
  for (const id of ['shift-menu', 'shift-open-dialog', 'shift-cash-dialog', 'shift-close-dialog', 'shift-report-dialog']) {
    $(id).addEventListener('close', () => shift.done());
  }
  document.addEventListener('keydown', event => {
    if (event.key === 'F3' && !document.querySelector('dialog[open]')) {
      event.preventDefault();
      openMenu();
    }
  });
  // A sale or return refused for want of a shift (409 from the till) opens the dialog that opens one.
  window.addEventListener('tillsync:shift-required', () => { if (!$('shift-open-dialog').open) show('shift-open-dialog', 'open-count-50000'); });
}

// After a login: the shift's state, and the open dialog when none is open.
export async function checkShift() {
  shift.current = await api('GET', '/api/shift');
  renderShift(shift.current);
  if (!shift.current.shift && !document.querySelector('dialog[open]')) show('shift-open-dialog', 'open-count-50000');
}

// The status bar's part, from GET /api/status (shiftOpen, shiftWarning).
export function renderShiftStatus(status) {
  $('shift-state').textContent = status.shiftOpen ? 'open' : 'none';
  $('shift-state').dataset.open = String(Boolean(status.shiftOpen));
  const warning = $('shift-warning');
  warning.textContent = status.shiftWarning ?? '';
  warning.hidden = !status.shiftWarning;
}

function renderShift(view) {
  renderShiftStatus({ shiftOpen: Boolean(view.shift), shiftWarning: view.warning });
}

function openMenu() {
  if (shift.current && !shift.current.shift) show('shift-open-dialog', 'open-count-50000');
  else show('shift-menu', 'shift-menu-cash');
}

function show(dialogId, focusId) {
  for (const open of document.querySelectorAll('dialog[open]')) if (open.dataset.testid?.startsWith('shift-')) open.close();
  const dialog = $(dialogId);
  shift.requestId = crypto.randomUUID();
  const form = dialog.querySelector('form');
  form?.reset();
  form?.querySelectorAll('.qty-error').forEach(e => { e.hidden = true; });
  updateTotals();
  dialog.showModal();
  $(focusId)?.focus();
}

function countTable(prefix) {
  $(prefix).innerHTML = DENOMINATIONS.map(d => `
    <label class="count-row"><span>${rupees(d)} ×</span>
      <input data-testid="${prefix}-${d}" data-paise="${d}" inputmode="numeric" autocomplete="off" placeholder="0"></label>`).join('');
  $(prefix).addEventListener('input', updateTotals);
}

function counts(prefix) {
  const rows = [...$(prefix).querySelectorAll('input')].map(i => ({ denominationPaise: Number(i.dataset.paise), text: i.value.trim() }));
  const bad = rows.find(r => r.text !== '' && !/^\d{1,7}$/.test(r.text));
  if (bad) throw new Error(`The count of ${rupees(bad.denominationPaise)} must be a whole number.`);
  return rows.filter(r => r.text !== '' && Number(r.text) > 0).map(r => ({ denominationPaise: r.denominationPaise, count: Number(r.text) }));
}

function updateTotals() {
  for (const prefix of ['open-count', 'close-count']) {
    let total = 0;
    for (const input of $(prefix).querySelectorAll('input')) {
      if (/^\d{1,7}$/.test(input.value.trim())) total += Number(input.dataset.paise) * Number(input.value.trim());
    }
    $(`${prefix}-total`).textContent = rupees(total);
  }
}

function money(testId, what) {
  const text = $(testId).value.trim();
  const paise = text === '' ? 0 : parseMoney(text);
  if (paise === null) throw new Error(`${what} is not an amount in rupees.`);
  return paise;
}

async function submit(event, action) {
  event.preventDefault();
  const form = event.target;
  const error = form.querySelector('.qty-error');
  const button = form.querySelector('button[type="submit"]');
  if (button.disabled) return;
  button.disabled = true;
  try {
    await action();
    error.hidden = true;
  } catch (failure) {
    error.textContent = failure.message;
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
}

async function openShift() {
  shift.current = await api('POST', '/api/shift/open', { requestId: shift.requestId, floatCounted: counts('open-count') });
  renderShift(shift.current);
  $('shift-open-dialog').close();
}

async function moveCash() {
  const note = $('cash-note').value.trim();
  await api('POST', '/api/shift/cash', {
    requestId: shift.requestId, reason: $('cash-reason').value, amountPaise: money('cash-amount', 'The amount'), note: note || null,
  });
  $('shift-cash-dialog').close();
}

async function xReport() {
  $('shift-menu').close();
  showReport(await api('GET', '/api/shift/report'));
}

async function closeShift() {
  const z = await api('POST', '/api/shift/close', {
    requestId: shift.requestId, cashCounted: counts('close-count'),
    cardSlipsPaise: money('close-card', 'The card slips total'), upiSlipsPaise: money('close-upi', 'The UPI slips total'),
  });
  $('shift-close-dialog').close();
  shift.current = { shift: null };
  renderShift(shift.current);
  showReport(z);
}

function showReport(report) {
  $('shift-report').innerHTML = reportHtml(report);
  $('shift-report').dataset.kind = report.close ? 'z' : 'x';
  $('shift-report-dialog').showModal();
  $('close-report').focus();
}

function print(a4) {
  document.body.classList.toggle('print-a4', a4);
  window.print();
}

const kv = (label, value, testId = '') => `<div class="kv"${testId ? ` data-testid="${testId}"` : ''}><span>${esc(label)}</span><span>${value}</span></div>`;

export function reportHtml(r) {
  const close = r.close;
  const tenders = close
    ? `<table><thead><tr><th>Tender</th><th class="r">Expected</th><th class="r">Counted</th><th class="r">Variance</th></tr></thead><tbody>${
      close.tenders.map(t => `<tr data-testid="z-tender" data-tender="${esc(t.tender)}" data-variance="${t.variancePaise}"><td>${TENDERS[t.tender] ?? esc(t.tender)}</td>
        <td class="r">${rupees(t.expectedPaise)}</td><td class="r">${rupees(t.countedPaise)}</td><td class="r b">${rupees(t.variancePaise)}</td></tr>`).join('')}</tbody></table>`
    : kv('Expected cash in the drawer', rupees(r.expectedCashPaise), 'x-expected-cash');
  const list = (rows, empty) => rows.length ? rows.join('') : `<div class="muted">${empty}</div>`;
  return `
    <div class="c big">${close ? `Z report ${close.zNumber}` : 'X report (figures so far)'}</div>
    <div class="c">${esc(r.tillName)}</div>
    ${kv('Opened', `${dateTimeText(r.openedAt)} · ${esc(r.openedBy)}`)}
    ${close ? kv('Closed', `${dateTimeText(close.closedAt)} · ${esc(close.closedBy)}`) : kv('As of', dateTimeText(r.asOf))}
    <hr>
    ${kv('Float', rupees(r.expected.floatPaise), 'report-float')}
    ${kv('Cash sales', rupees(r.expected.cashSalesPaise), 'report-cash-sales')}
    ${kv('Cash refunds', rupees(r.expected.cashRefundsPaise), 'report-cash-refunds')}
    ${kv('Cash in', rupees(r.expected.cashInPaise), 'report-cash-in')}
    ${kv('Cash out', rupees(r.expected.cashOutPaise), 'report-cash-out')}
    ${kv('Card', rupees(r.expected.cardPaise), 'report-card')}
    ${kv('UPI', rupees(r.expected.upiPaise), 'report-upi')}
    <hr>
    ${tenders}
    <hr>
    ${kv(`Sales (${r.saleCount})`, rupees(r.salesPaise), 'report-sales')}
    ${list(r.salesByTender.map(t => kv(`  ${TENDERS[t.method] ?? t.method}`, rupees(t.amountPaise))), '')}
    ${kv(`Refunds (${r.returnCount})`, rupees(r.refundsPaise), 'report-refunds')}
    ${list(r.refundsByTender.map(t => kv(`  ${TENDERS[t.method] ?? t.method}`, rupees(t.amountPaise))), '')}
    ${kv('Discounts', rupees(r.discountsPaise), 'report-discounts')}
    <div class="muted" data-testid="report-voids">${esc(r.voids)}</div>
    <hr><div class="b">Cash movements</div>
    ${list(r.cashMovements.map(m => kv(`${dateTimeText(m.at)} ${REASONS[m.reason] ?? m.reason}${m.note ? ` — ${esc(m.note)}` : ''}`,
      `${m.direction === 'out' ? '−' : '+'}${rupees(m.amountPaise)}`)), 'None.')}
    <hr><div class="b">Sales by hour</div>
    ${list(r.salesByHour.map(h => kv(`${String(h.hour).padStart(2, '0')}:00 (${h.sales})`, rupees(h.totalPaise))), 'None.')}
    <hr><div class="b">By cashier</div>
    ${list(r.salesByCashier.map(c => kv(`${esc(c.name)}: ${c.sales} sales, ${c.returns} returns`, `${rupees(c.salesPaise)} / −${rupees(c.refundsPaise)}`)), 'None.')}
    ${r.unreadableDocuments ? `<div class="b">${r.unreadableDocuments} document(s) of this shift could not be read: their money is not above.</div>` : ''}
    ${close && r.parkedCarts ? `<hr><div class="b">Carts still parked</div><div data-testid="report-parked">${parkedHtml(r.parkedCarts)}</div>` : ''}
    ${close ? `<hr><div class="b">Cash counted</div>${list(close.cashCounted.map(c => kv(`${rupees(c.denominationPaise)} × ${c.count}`,
      rupees(c.denominationPaise * c.count))), 'None.')}` : ''}`;
}
