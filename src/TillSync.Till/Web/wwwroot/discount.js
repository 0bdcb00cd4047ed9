// Discounts, bill discounts and price overrides on the cashier page (docs/pricing.md), by keyboard: F1 opens the price
// dialog for the selected cart line — a discount as an amount (25 or 25.50) or a percentage (10%), and another price per
// unit (an override) — and Shift+F1 the bill discount, spread over the lines by the till. The page only turns what the
// cashier typed into paise; the till prices the cart and says when the cashier's limits do not cover it, and the page
// then asks a supervisor's or manager's PIN and a reason before the sale is recorded.

import { api } from './api.js';
import { esc, parseMoney, qtyNumber, rupees } from './format.js';

const $ = (testId, root = document) => root.querySelector(`[data-testid="${testId}"]`);
const APPROVER_ROLES = new Set(['supervisor', 'manager']);

let hooks = null;          // { cart(), selected(), changed(), message(kind, text) }
let billText = '';         // the bill discount as typed: '' none, '50' rupees, '5%' percent

export function initDiscounts(h) {
  hooks = h;
}

export function resetDiscounts() {
  billText = '';
}

// A typed discount in paise of grossPaise: '' is 0, '12.50' rupees, '10%' a percentage; { error } when it is neither
// or more than grossPaise.
function discountPaise(text, grossPaise) {
  const typed = String(text ?? '').trim();
  if (!typed) return { paise: 0 };
  let paise;
  if (typed.endsWith('%')) {
    const percent = Number(typed.slice(0, -1));
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(typed.slice(0, -1)) || percent > 100) return { error: 'A percentage is 0% to 100%, e.g. 10% or 12.5%.' };
    paise = Math.round(grossPaise * percent / 100);
  } else {
    paise = parseMoney(typed);
    if (paise === null) return { error: 'Enter an amount in rupees (e.g. 25 or 25.50) or a percentage (e.g. 10%).' };
  }
  return paise > grossPaise ? { error: `The discount cannot be more than ${rupees(grossPaise)}.` } : { paise };
}

function unitPricePaise(line) {
  return line.overridePaise ?? line.pricePaise;
}

function grossPaise(line) {
  return Math.round(line.qtyMilli * unitPricePaise(line) / 1000);
}

// A cart line as /api/quote and /api/sales take it.
export function cartLineBody(line) {
  const body = { sku: line.sku, qty: qtyNumber(line.qtyMilli) };
  const discount = discountPaise(line.discountText, grossPaise(line)).paise ?? 0;
  if (discount) body.discountPaise = discount;
  if (line.overridePaise !== undefined && line.overridePaise !== null) body.unitPricePaise = line.overridePaise;
  return body;
}

// The bill discount in paise, of the cart after its line discounts.
export function billDiscountPaise(cart) {
  const netPaise = cart.reduce((sum, line) => sum + grossPaise(line) - (discountPaise(line.discountText, grossPaise(line)).paise ?? 0), 0);
  return discountPaise(billText, netPaise).paise ?? 0;
}

// What the cart line shows under its name: its discount and override, if any.
export function lineMarkdownText(line) {
  const parts = [];
  const discount = discountPaise(line.discountText, grossPaise(line)).paise ?? 0;
  if (discount) parts.push(`discount −${rupees(discount)}${String(line.discountText).trim().endsWith('%') ? ` (${esc(line.discountText.trim())})` : ''}`);
  if (line.overridePaise !== undefined && line.overridePaise !== null) parts.push(`price ${rupees(line.overridePaise)} (was ${rupees(line.pricePaise)})`);
  return parts.join(' · ');
}

export function billDiscountText() {
  if (!billText) return '';
  return `bill discount ${billText.endsWith('%') ? esc(billText) : rupees(parseMoney(billText) ?? 0)}`;
}

// The price dialog: resolves with { discountText, overridePaise } or null when cancelled. Without a line it asks for
// the bill discount only.
function askPrice(title, line, grossOf) {
  const discount = $('price-discount');
  const override = $('price-override');
  const error = $('price-error');
  $('price-title').textContent = title;
  $('price-override-row').hidden = !line;
  discount.value = line ? (line.discountText ?? '') : billText;
  override.value = line && line.overridePaise !== undefined && line.overridePaise !== null ? String(line.overridePaise / 100) : '';
  override.placeholder = line ? `catalogue ${rupees(line.pricePaise)}` : '';
  error.hidden = true;
  return dialogResult('price', finish => {
    let overridePaise = null;
    if (line && override.value.trim()) {
      overridePaise = parseMoney(override.value);
      if (!overridePaise) {
        error.textContent = 'Enter the price per unit in rupees (e.g. 40 or 39.50), or leave it blank for the catalogue price.';
        error.hidden = false;
        override.select();
        return;
      }
    }
    const checked = discountPaise(discount.value, grossOf(overridePaise));
    if (checked.error) {
      error.textContent = checked.error;
      error.hidden = false;
      discount.select();
      return;
    }
    finish({ discountText: discount.value.trim(), overridePaise });
  }, () => {
    discount.focus();
    discount.select();
  });
}

// Opens the dialog `${name}-dialog` and resolves with what its form's submit passes to finish, or null when cancelled
// (its Cancel button or Esc). submit(finish) leaves the dialog open by not calling finish.
function dialogResult(name, submit, focus) {
  const dialog = $(`${name}-dialog`);
  return new Promise(resolve => {
    const finish = value => {
      $(`${name}-form`).onsubmit = null;
      $(`${name}-cancel`).onclick = null;
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(value);
    };
    $(`${name}-form`).onsubmit = event => {
      event.preventDefault();
      submit(finish);
    };
    $(`${name}-cancel`).onclick = () => finish(null);
    dialog.onclose = () => finish(null);
    dialog.showModal();
    focus();
  });
}

// F1: the selected line's discount and price.
export async function openLineDialog() {
  const cart = hooks.cart();
  const index = hooks.selected() >= 0 ? hooks.selected() : cart.length - 1;
  const line = cart[index];
  if (!line) {
    hooks.message('info', 'Scan an item first, then press F1 to discount it or change its price.');
    return;
  }
  const answer = await askPrice(`Discount or price: ${line.name}`, line,
    overridePaise => Math.round(line.qtyMilli * (overridePaise ?? line.pricePaise) / 1000));
  if (answer && cart[index] === line) {
    line.discountText = answer.discountText;
    line.overridePaise = answer.overridePaise;
    hooks.changed();
  }
}

// Shift+F1: the bill discount.
export async function openBillDialog() {
  const cart = hooks.cart();
  if (!cart.length) {
    hooks.message('info', 'Scan an item first, then press Shift+F1 for a discount on the whole bill.');
    return;
  }
  const netPaise = cart.reduce((sum, line) => sum + grossPaise(line) - (discountPaise(line.discountText, grossPaise(line)).paise ?? 0), 0);
  const answer = await askPrice('Discount on the whole bill', null, () => netPaise);
  if (answer) {
    billText = answer.discountText;
    hooks.changed();
  }
}

// A supervisor's or manager's approval for a cart beyond the cashier's limits: resolves with { approverId, pin, reason }
// or null when cancelled. The PIN is checked by the till when the sale is recorded, never here.
export async function askApproval(why) {
  const staff = (await api('GET', '/api/staff')).filter(s => APPROVER_ROLES.has(s.role) && !s.locked);
  if (!staff.length) {
    hooks.message('error', 'No supervisor or manager of this store is in the till\u2019s staff list: remove the discount or the changed price.');
    return null;
  }
  const select = $('approval-staff');
  const pin = $('approval-pin');
  const reason = $('approval-reason');
  const error = $('approval-error');
  $('approval-why').textContent = why;
  select.innerHTML = staff.map(s => `<option value="${s.staffId}">${esc(s.name)} (${esc(s.role)})</option>`).join('');
  pin.value = '';
  reason.value = '';
  error.hidden = true;
  return dialogResult('approval', finish => {
    if (!/^\d{4,6}$/.test(pin.value) || !reason.value.trim()) {
      error.textContent = !reason.value.trim() ? 'Give a reason (e.g. damaged pack, price match).' : 'A PIN is 4 to 6 digits.';
      error.hidden = false;
      (reason.value.trim() ? pin : reason).focus();
      return;
    }
    finish({ approverId: Number(select.value), pin: pin.value, reason: reason.value.trim() });
  }, () => pin.focus());
}
