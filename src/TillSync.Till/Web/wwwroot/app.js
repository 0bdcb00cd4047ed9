// The cashier page of a TillSync till. Plain JS, no framework, nothing loaded from the internet: the till serves
// this file and the page keeps selling with the link to HQ down. Tax is never computed here: every figure comes
// from the till's /api/quote and /api/sales, which use TillSync.Core, so the page can never disagree with HQ.

import { api } from './api.js';
import { initLoyalty, loyaltyBurnPaise, loyaltyForSale, renderLoyalty, resetLoyalty } from './loyalty.js';
import { creditNoteHtml } from './creditnote.js';
import { askApproval, billDiscountPaise, billDiscountText, cartLineBody, initDiscounts, lineMarkdownText, openBillDialog, openLineDialog, resetDiscounts } from './discount.js';
import { receiptHtml } from './receipt.js';
import { cancelExchange, exchangeCreditPaise, exchangeReturn, initReturns, openReturn } from './returns.js';
import { initPark, parkOrList } from './park.js';
import { checkShift, initShift, renderShiftStatus } from './shift.js';
import { initStaff } from './staff.js';
import { renderStatus, renderStatusDown } from './status.js';
import {
  QTY_MAX_MILLI, STATES, TENDER_METHODS, esc, isFractional, parseMoney, parseQtyMilli, plainAmount, qtyNumber, qtyText, rateText,
  rupees, timeText, unitLabel,
} from './format.js';

const STATUS_POLL_MS = 1500;
const SEARCH_DEBOUNCE_MS = 120;
const SEARCH_LIMIT = 20;
const QUOTE_DEBOUNCE_MS = 60;
const CUSTOMER_DEBOUNCE_MS = 300;

const $ = (testId, root = document) => root.querySelector(`[data-testid="${testId}"]`);

const state = {
  cart: [],              // [{ sku, name, unit, hsn, pricePaise, gstRateBp, qtyMilli, discountText?, overridePaise? }]
  selected: -1,          // selected cart line
  quote: null,           // the last /api/quote answer matching the cart, or null
  quoteSeq: 0,
  quoteError: null,
  quotePromise: null,
  results: [],
  resultIndex: -1,
  searchSeq: 0,
  tenders: [],           // [{ method, text }]
  status: null,
  statusFailures: 0,
  busy: false,
  salesRows: [],
  salesIndex: -1,
  clearArmedUntil: 0,
  entryChain: Promise.resolve(),
};

// ---------------------------------------------------------------- messages

let messageTimer = 0;

function showMessage(kind, text) {
  const box = $('message');
  clearTimeout(messageTimer);
  box.className = `message ${kind}`;
  box.dataset.kind = kind;
  box.textContent = text;
  box.hidden = false;
  if (kind !== 'error') messageTimer = setTimeout(clearMessage, 6000);
}

function clearMessage() {
  const box = $('message');
  box.hidden = true;
  box.textContent = '';
  box.dataset.kind = '';
}

function showError(error) {
  showMessage('error', error instanceof Error ? error.message : String(error));
}

// ---------------------------------------------------------------- code entry and search

const codeInput = () => $('code-input');

function focusCode() {
  const input = codeInput();
  if (document.activeElement !== input) input.focus();
}

// After background work (a lookup, a quote) the focus returns to the code box only if the cashier has not moved
// on to another field meanwhile (F4 for the customer, F9 for tender).
function focusCodeIfIdle() {
  const active = document.activeElement;
  if (!active || active === document.body || active === codeInput()) focusCode();
}

// "3*RICE-5KG" sells three; "0.750*SUGAR-LOOSE" sells 750 g. Only "*" separates, since SKUs may contain x.
function splitQtyPrefix(text) {
  const match = /^(\d{1,5}(?:\.\d{1,3})?)\s*\*\s*(.+)$/.exec(text);
  return match ? { qtyText: match[1], code: match[2].trim() } : { qtyText: null, code: text };
}

function onCodeInput() {
  const { code } = splitQtyPrefix(codeInput().value.trim());
  clearTimeout(onCodeInput.timer);
  // New text cancels any highlighted result, so Enter after a scan looks the scanned code up, never an old pick.
  if (state.resultIndex >= 0) {
    state.resultIndex = -1;
    for (const li of $('search-results').querySelectorAll('[aria-selected="true"]')) li.setAttribute('aria-selected', 'false');
  }
  if (code.length < 2) {
    hideResults();
    return;
  }
  onCodeInput.timer = setTimeout(() => search(code, false), SEARCH_DEBOUNCE_MS);
}

async function search(code, highlightFirst) {
  const seq = ++state.searchSeq;
  try {
    const products = await api('GET', `/api/products?q=${encodeURIComponent(code)}&limit=${SEARCH_LIMIT}`);
    if (seq !== state.searchSeq) return null;
    showResults(products ?? [], highlightFirst ? 0 : -1, code);
    return products ?? [];
  } catch (error) {
    if (seq === state.searchSeq) showError(error);
    return null;
  }
}

function showResults(products, index, code) {
  state.results = products;
  state.resultIndex = products.length ? index : -1;
  const list = $('search-results');
  if (!products.length) {
    list.innerHTML = `<li class="r-none" data-testid="search-none">No product matches “${esc(code)}”.</li>`;
  } else {
    list.innerHTML = products.map((p, i) => `
      <li role="option" data-testid="search-result" data-sku="${esc(p.sku)}" data-index="${i}" aria-selected="${i === state.resultIndex}">
        <span><span class="r-name">${esc(p.name)}</span><br><span class="r-sku">${esc(p.sku)}${p.barcode ? ` · ${esc(p.barcode)}` : ''} · HSN ${esc(p.hsn)} · GST ${rateText(p.gstRateBp)}</span></span>
        <span class="r-stock">${stockText(p)}</span>
        <span class="r-price">${rupees(p.pricePaise)}${isFractional(p.unit) ? `/${esc(unitLabel(p.unit))}` : ''}</span>
      </li>`).join('');
  }
  list.hidden = false;
  scrollResultIntoView();
}

function stockText(product) {
  if (product.onHand === null || product.onHand === undefined) return '';
  const onHand = Number(product.onHand);
  const stale = state.status && !state.status.online ? ' (may be stale)' : '';
  if (onHand <= 0) return `<span class="out-of-stock">out of stock${stale}</span>`;
  return `${esc(String(product.onHand))} ${esc(unitLabel(product.unit))} in stock${stale}`;
}

function hideResults() {
  state.searchSeq++;
  state.results = [];
  state.resultIndex = -1;
  const list = $('search-results');
  list.hidden = true;
  list.innerHTML = '';
}

function moveResult(delta) {
  if (!state.results.length) return;
  const count = state.results.length;
  state.resultIndex = state.resultIndex < 0 ? (delta > 0 ? 0 : count - 1) : (state.resultIndex + delta + count) % count;
  for (const li of $('search-results').querySelectorAll('[data-testid="search-result"]')) {
    li.setAttribute('aria-selected', String(Number(li.dataset.index) === state.resultIndex));
  }
  scrollResultIntoView();
}

function scrollResultIntoView() {
  $('search-results').querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
}

// Enter takes the box's text at once and clears it, so a scanner may send the next code while this one is still
// being looked up; codes are handled one after another, in the order they were scanned.
function onCodeEnter() {
  const raw = codeInput().value.trim();
  const chosen = state.resultIndex >= 0 ? state.results[state.resultIndex] : null;
  clearTimeout(onCodeInput.timer);
  hideResults();
  if (!raw && !chosen) {
    if (state.cart.length) showMessage('info', 'Press F9 to take payment.');
    return;
  }
  codeInput().value = '';
  state.entryChain = state.entryChain.then(() => handleCode(raw, chosen)).catch(showError);
}

async function handleCode(raw, chosen) {
  const { qtyText: prefixQty, code } = splitQtyPrefix(raw);
  if (chosen) {
    await addProduct(chosen, prefixQty);
    return;
  }
  let product = null;
  try {
    product = await api('GET', `/api/products/${encodeURIComponent(code)}`);
  } catch (error) {
    if (error.status !== 404) {
      restoreCode(raw);
      showError(error);
      return;
    }
  }
  if (product) {
    await addProduct(product, prefixQty);
    return;
  }
  // Not a SKU or barcode: treat it as a name search. One match is added; several are offered.
  const restored = restoreCode(raw);
  const matches = restored ? await search(code, true) : null;
  if (matches === null) {
    if (!restored) showMessage('error', `No product has the code “${code}”.`);
    return;
  }
  if (matches.length === 1) {
    codeInput().value = '';
    hideResults();
    await addProduct(matches[0], prefixQty);
  } else if (matches.length === 0) {
    showMessage('error', `No product has the code or name “${code}”. Check the barcode, or type part of the name.`);
  } else {
    showMessage('info', `${matches.length} products match “${code}”: choose with ↑ ↓ and press Enter.`);
  }
}

// Puts text back in the code box for correction, unless the cashier has already typed something new there.
function restoreCode(raw) {
  const input = codeInput();
  if (input.value !== '') return false;
  input.value = raw;
  input.select();
  return true;
}

// ---------------------------------------------------------------- cart

async function addProduct(product, prefixQty) {
  let milli = 1000;
  if (prefixQty !== null && prefixQty !== undefined) {
    const parsed = parseQtyMilli(prefixQty, product.unit);
    if (parsed.error) {
      showMessage('error', `${product.name}: ${parsed.error}`);
      return;
    }
    milli = parsed.milli;
  } else if (isFractional(product.unit)) {
    // Loose goods: ask for the weight before the line goes in.
    const entered = await askQuantity(`${product.name}`, product.unit, '', `Weigh the item and enter the weight in ${unitLabel(product.unit)} (up to 3 decimals).`);
    if (entered === null) return;
    milli = entered;
  }
  const index = state.cart.findIndex(l => l.sku === product.sku);
  if (index >= 0) {
    const line = state.cart[index];
    if (line.qtyMilli + milli > QTY_MAX_MILLI) {
      showMessage('error', `${product.name}: that quantity is too large.`);
      return;
    }
    line.qtyMilli += milli;
    state.selected = index;
  } else {
    state.cart.push({
      sku: product.sku, name: product.name, unit: product.unit, hsn: product.hsn,
      pricePaise: product.pricePaise, gstRateBp: product.gstRateBp, qtyMilli: milli,
    });
    state.selected = state.cart.length - 1;
  }
  clearMessage();
  cartChanged();
  focusCodeIfIdle();
}

// A resumed parked cart's lines, each looked up again so that it is priced from the till's current catalogue.
async function loadParkedLines(lines) {
  for (const line of lines) {
    try {
      const product = await api('GET', `/api/products/${encodeURIComponent(line.sku)}`);
      state.cart.push({
        sku: product.sku, name: product.name, unit: product.unit, hsn: product.hsn,
        pricePaise: product.pricePaise, gstRateBp: product.gstRateBp, qtyMilli: Math.round(line.qty * 1000),
      });
    } catch (error) {
      showMessage('error', `${line.sku} of the parked cart: ${error.message}`);
    }
  }
  state.selected = state.cart.length - 1;
  cartChanged();
  focusCode();
}

function removeLine(index) {
  if (index < 0 || index >= state.cart.length) return;
  const [line] = state.cart.splice(index, 1);
  state.selected = Math.min(index, state.cart.length - 1);
  showMessage('info', `Removed ${line.name}.`);
  cartChanged();
  focusCode();
}

async function editLineQty(index) {
  const line = state.cart[index];
  if (!line) {
    showMessage('info', 'Select a cart line first (↑ ↓ with the code box empty), then press F2.');
    return;
  }
  state.selected = index;
  renderCart();
  const milli = await askQuantity(line.name, line.unit, qtyText(line.qtyMilli, line.unit),
    isFractional(line.unit) ? `Up to 3 decimals, in ${unitLabel(line.unit)}.` : 'Whole pieces.');
  if (milli !== null && state.cart[index] === line) {
    line.qtyMilli = milli;
    cartChanged();
  }
  focusCode();
}

function moveSelection(delta) {
  if (!state.cart.length) return;
  const count = state.cart.length;
  state.selected = state.selected < 0 ? (delta > 0 ? 0 : count - 1) : Math.max(0, Math.min(count - 1, state.selected + delta));
  renderCart();
  $('cart-lines').querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
}

function clearSale() {
  state.cart = [];
  state.selected = -1;
  state.tenders = [];
  state.quote = null;
  state.quoteError = null;
  for (const id of CUSTOMER_TEXT_FIELDS) $(id).value = '';
  $('customer-pos').value = '';
  resetDiscounts();
  resetLoyalty();
  cancelExchange();
  cartChanged();
  renderTenders();
}

function cartChanged() {
  renderCart();
  requestQuote(QUOTE_DEBOUNCE_MS);
}

function renderCart() {
  const body = $('cart-lines');
  const quoteLines = state.quote?.lines ?? [];
  const intra = (state.quote?.supplyKind ?? 'intra') !== 'inter';
  body.innerHTML = state.cart.map((line, i) => {
    const q = quoteLines[i] && quoteLines[i].sku === line.sku ? quoteLines[i] : null;
    const tax = q ? (intra ? q.cgstPaise + q.sgstPaise : q.igstPaise) : null;
    const unit = unitLabel(line.unit);
    return `
      <tr data-testid="cart-line" data-sku="${esc(line.sku)}" data-index="${i}" class="${i === state.selected ? 'selected' : ''}">
        <td class="num">${i + 1}</td>
        <td><div class="item-name" data-testid="line-name">${esc(line.name)}</div>
            <div class="item-meta">${esc(line.sku)} · HSN ${esc(line.hsn)}</div>
            ${lineMarkdownText(line) ? `<div class="item-meta" data-testid="line-markdown">${lineMarkdownText(line)}</div>` : ''}
            ${q?.promotion ? `<div class="item-meta promotion" data-testid="line-promotion">${esc(q.promotion.name)} · saves ${plainAmount(q.promotion.savingPaise)}</div>` : ''}</td>
        <td class="num"><span class="qty" data-testid="line-qty">${qtyText(line.qtyMilli, line.unit)}</span> <span class="muted">${esc(unit)}</span></td>
        <td class="num">${rupees(q ? q.unitPricePaise : line.pricePaise)}</td>
        <td class="num">${rateText(q ? q.gstRateBp : line.gstRateBp)}</td>
        <td class="num">${q ? rupees(q.taxablePaise) : '…'}</td>
        <td class="num" title="${q ? (intra ? `CGST ${plainAmount(q.cgstPaise)} + SGST ${plainAmount(q.sgstPaise)}` : `IGST ${plainAmount(q.igstPaise)}`) : ''}">${q ? rupees(tax) : '…'}</td>
        <td class="num amount" data-testid="line-total">${q ? rupees(q.totalPaise) : '…'}</td>
        <td class="actions">
          <button type="button" class="btn-icon" tabindex="-1" data-action="qty" title="Change quantity (F2)">✎</button>
          <button type="button" class="btn-icon" tabindex="-1" data-action="remove" data-testid="line-remove" title="Remove (Delete)">✕</button>
        </td>
      </tr>`;
  }).join('');
  $('cart-empty').hidden = state.cart.length > 0;
}

// ---------------------------------------------------------------- customer

const CUSTOMER_TEXT_FIELDS = ['customer-phone', 'customer-gstin', 'customer-name', 'customer-address1', 'customer-location', 'customer-pin'];
const PIN_PATTERN = /^[1-9][0-9]{5}$/;

// The buyer's address goes to HQ for the e-invoice (BuyerDtls); a PIN is sent only once it is a PIN.
function customerFromForm() {
  const phone = $('customer-phone').value.trim();
  const gstin = $('customer-gstin').value.trim().toUpperCase();
  const name = $('customer-name').value.trim();
  const placeOfSupply = $('customer-pos').value;
  const address1 = $('customer-address1').value.trim();
  const location = $('customer-location').value.trim();
  const pin = $('customer-pin').value.trim();
  const customer = {};
  if (phone) customer.phone = phone;
  if (gstin) customer.gstin = gstin;
  if (name) customer.name = name;
  if (placeOfSupply) customer.placeOfSupply = placeOfSupply;
  if (address1) customer.address1 = address1;
  if (location) customer.location = location;
  if (PIN_PATTERN.test(pin)) customer.pin = Number(pin);
  return Object.keys(customer).length ? customer : null;
}

function customerProblem() {
  const gstin = $('customer-gstin').value.trim();
  if (gstin && gstin.length !== 15) return `A GSTIN has 15 characters; this one has ${gstin.length}.`;
  if (gstin && !$('customer-name').value.trim()) return 'A B2B bill needs the buyer’s name: fill in Name.';
  const pin = $('customer-pin').value.trim();
  if (pin && !PIN_PATTERN.test(pin)) return `“${pin}” is not a PIN code: a PIN has 6 digits and does not start with 0.`;
  const location = $('customer-location').value.trim();
  if (location && location.length < 3) return 'The buyer’s city needs at least 3 letters.';
  return null;
}

function buyerAddressMissing(customer) {
  return Boolean(customer?.gstin) && !(customer.address1 && customer.location && customer.pin);
}

// ---------------------------------------------------------------- quote (all tax comes from the server)

function requestQuote(delayMs) {
  clearTimeout(requestQuote.timer);
  const seq = ++state.quoteSeq;
  state.quote = state.cart.length ? state.quote : null;
  renderQuoteState(true);
  state.quotePromise = new Promise(resolve => {
    requestQuote.timer = setTimeout(() => resolve(runQuote(seq)), delayMs);
  });
  return state.quotePromise;
}

async function runQuote(seq) {
  if (!state.cart.length) {
    state.quote = null;
    state.quoteError = null;
    renderTotals();
    renderCart();
    return true;
  }
  const customer = customerFromForm();
  // A GSTIN still being typed is left out of the quote, so the cashier sees totals while typing.
  if (customer?.gstin && customer.gstin.length !== 15) delete customer.gstin;
  const body = cartBody();
  if (customer) body.customer = customer;
  try {
    const quote = await api('POST', '/api/quote', body);
    if (seq !== state.quoteSeq) return false;
    state.quote = quote;
    state.quoteError = null;
  } catch (error) {
    if (seq !== state.quoteSeq) return false;
    state.quote = null;
    state.quoteError = error.message;
    showError(new Error(`Cannot price this sale: ${error.message}`));
  }
  renderCart();
  renderTotals();
  return state.quoteError === null;
}

// Shop prices include GST; a B2B catalogue's are before tax (docs/money.md). The cashier sees which the total follows.
function footingText(lines) {
  const inclusive = lines.filter(l => l.taxInclusive).length;
  if (inclusive === lines.length) return 'prices include GST';
  return inclusive === 0 ? 'prices exclusive of GST' : 'some prices exclusive of GST';
}

function renderQuoteState(pending) {
  const el = $('quote-state');
  el.classList.remove('stale');
  if (pending && state.cart.length) {
    el.textContent = 'Updating totals…';
    el.dataset.state = 'pending';
  } else if (state.quoteError) {
    el.textContent = `Totals not available: ${state.quoteError}`;
    el.classList.add('stale');
    el.dataset.state = 'error';
  } else {
    const bill = billDiscountText();
    el.textContent = state.cart.length ? `${state.cart.length} line${state.cart.length === 1 ? '' : 's'} · ${footingText(state.quote?.lines ?? [])}${bill ? ` · ${bill}` : ''}` : '';
    // A bill-value promotion the cart qualifies for: already in the lines' discounts and the totals (docs/pricing.md).
    const promotion = state.quote?.billPromotion;
    if (promotion && state.cart.length) el.textContent += ` · ${promotion.name}: −${plainAmount(promotion.savingPaise)}`;
    el.dataset.state = 'ready';
    // Beyond the cashier's limits: the page asks a supervisor's PIN when the sale is paid.
    if (state.quote?.approvalNeeded) el.textContent += ` · ${state.quote.approvalNeeded.replace(/\.$/, '')}: a supervisor approves at payment`;
  }
  renderStockWarning(pending);
  updatePayButton();
}

// More on the bill than the till knows is in stock (the snapshot's on-hand less this till's own sales since): a warning,
// never a refusal — the goods are in the customer's hands, and HQ flags any shortfall for a manager.
function renderStockWarning(pending) {
  const el = $('stock-warning');
  const warnings = pending || state.quoteError ? [] : state.quote?.stockWarnings ?? [];
  el.hidden = warnings.length === 0;
  el.textContent = warnings.length === 0 ? '' : `${warnings.map(w => `${w.name}: ${Number(w.qty)} ${unitLabel(w.unit)} on the bill, `
    + `${Number(w.onHand)} in stock as this till knows it`).join('; ')}. You can still sell; HQ flags a shortfall for the manager.`;
}

function renderTotals() {
  renderLoyalty();
  const t = state.quote?.totals;
  const inter = state.quote?.supplyKind === 'inter';
  $('total-taxable').textContent = rupees(t?.taxablePaise ?? 0);
  $('total-cgst').textContent = rupees(t?.cgstPaise ?? 0);
  $('total-sgst').textContent = rupees(t?.sgstPaise ?? 0);
  $('total-igst').textContent = rupees(t?.igstPaise ?? 0);
  $('total-roundoff').textContent = rupees(t?.roundOffPaise ?? 0);
  $('total').textContent = rupees(t?.totalPaise ?? 0);
  $('total').dataset.paise = String(t?.totalPaise ?? 0);
  for (const el of document.querySelectorAll('[data-tax="intra"]')) el.hidden = inter;
  for (const el of document.querySelectorAll('[data-tax="inter"]')) el.hidden = !inter;

  const summary = $('gst-summary');
  const rows = state.quote?.gstSummary ?? [];
  $('gst-panel').hidden = rows.length === 0;
  summary.querySelector('tbody').innerHTML = rows.map(r => `
    <tr data-testid="gst-row" data-rate-bp="${r.gstRateBp}">
      <td>${rateText(r.gstRateBp)}</td><td class="num">${rupees(r.taxablePaise)}</td>
      ${inter ? `<td class="num">${rupees(r.igstPaise)}</td>` : `<td class="num">${rupees(r.cgstPaise)}</td><td class="num">${rupees(r.sgstPaise)}</td>`}
      <td class="num">${rupees(r.cgstPaise + r.sgstPaise + r.igstPaise)}</td>
    </tr>`).join('');

  const kind = $('supply-kind');
  if (!state.quote) {
    kind.textContent = '';
  } else {
    const customer = customerFromForm();
    const b2b = Boolean(customer?.gstin);
    const missing = buyerAddressMissing(customer) ? ' · the e-invoice needs the buyer’s address, city and PIN' : '';
    kind.textContent = `${inter ? 'Inter-state supply: IGST' : 'Intra-state supply: CGST + SGST'}${b2b ? ` · B2B bill: HQ registers the IRN (receipt says “IRN pending” until then)${missing}` : ''}`;
  }
  renderQuoteState(false);
  renderTenderSummary();
}

// ---------------------------------------------------------------- tender

function duePaise() {
  // A loyalty burn and an exchange's credit are tenders the till adds itself; the cashier's tenders cover the rest (an
  // exchange credit larger than the bill leaves nothing due: the till gives the difference back in cash).
  return Math.max(0, (state.quote?.totals?.totalPaise ?? 0) - loyaltyBurnPaise() - exchangeCreditPaise());
}

function tenderFigures() {
  const due = duePaise();
  let tendered = 0;
  let cash = 0;
  let nonCash = 0;
  let invalid = false;
  for (const row of state.tenders) {
    const paise = row.text.trim() === '' ? 0 : parseMoney(row.text);
    if (paise === null) {
      invalid = true;
      continue;
    }
    tendered += paise;
    if (row.method === 'cash') cash += paise; else nonCash += paise;
  }
  const change = Math.max(0, tendered - due);
  return { due, tendered, cash, nonCash, invalid, change, short: Math.max(0, due - tendered) };
}

function tenderProblem(f) {
  if (f.invalid) return 'One tender amount is not a number of rupees (e.g. 500 or 499.50).';
  if (f.nonCash > f.due) return `Card, UPI and store credit cannot exceed the amount due (${rupees(f.due)}); only cash gives change.`;
  if (f.change > f.cash) return 'Only cash can be over-tendered: lower the card, UPI or store credit amount.';
  if (f.short > 0) return `Still due: ${rupees(f.short)}.`;
  return null;
}

function nextMethod() {
  const used = new Set(state.tenders.map(t => t.method));
  return ['cash', 'card', 'upi'].find(m => !used.has(m)) ?? 'card';
}

function addTenderRow(method, fillRemaining = true) {
  if (!state.cart.length) {
    showMessage('info', 'Scan an item first; tender comes after the cart.');
    focusCode();
    return;
  }
  const f = tenderFigures();
  state.tenders.push({ method: method ?? nextMethod(), text: fillRemaining && f.short > 0 ? plainAmount(f.short).replace(/,/g, '') : '' });
  renderTenders();
  focusTenderAmount(state.tenders.length - 1);
}

function focusTenderAmount(index) {
  const input = $('tender-rows').querySelectorAll('[data-testid="tender-amount"]')[index];
  if (input) {
    input.focus();
    input.select();
  }
}

function renderTenders() {
  const rows = $('tender-rows');
  rows.innerHTML = !state.tenders.length
    ? '<p class="muted small tender-hint">Press <kbd>F9</kbd> to take the total, or <kbd>Ins</kbd> to split it across cash, card and UPI.</p>'
    : state.tenders.map((t, i) => `
    <div class="tender-row" data-testid="tender-row" data-index="${i}">
      <select data-testid="tender-method" aria-label="Tender method ${i + 1}">
        ${TENDER_METHODS.map(([value, label]) => `<option value="${value}"${value === t.method ? ' selected' : ''}>${label}</option>`).join('')}
      </select>
      <input data-testid="tender-amount" inputmode="decimal" autocomplete="off" aria-label="Amount ${i + 1} in rupees" value="${esc(t.text)}" placeholder="0.00">
      <button type="button" class="btn-icon" data-testid="tender-remove" tabindex="-1" title="Remove this tender">✕</button>
      ${t.method === 'store_credit' ? `<input class="tender-voucher" data-testid="tender-voucher" autocomplete="off" aria-label="Voucher ${i + 1}: the credit note number" value="${esc(t.voucher ?? '')}" placeholder="Voucher (credit note no.)">` : ''}
    </div>`).join('');
  renderTenderSummary();
}

function renderTenderSummary() {
  const f = tenderFigures();
  $('tendered').textContent = rupees(f.tendered);
  $('balance-due').textContent = rupees(f.short);
  $('balance-row').hidden = f.short === 0;
  $('change-due').textContent = rupees(f.change <= f.cash ? f.change : 0);
  updatePayButton();
}

function updatePayButton() {
  const button = $('pay-button');
  const ready = state.cart.length > 0 && state.quote && !state.busy;
  button.disabled = !ready;
  const f = tenderFigures();
  button.innerHTML = state.busy ? 'Recording sale…'
    : state.tenders.length && !tenderProblem(f) ? `Complete sale · ${rupees(f.due)} <kbd>F9</kbd>`
      : `Pay ${state.quote ? rupees(f.due) : ''} <kbd>F9</kbd>`;
}

// F9: fill what is still due into a tender row; once the tender covers the total, record the sale.
async function pay() {
  if (state.busy) return;
  await state.entryChain;
  if (!state.cart.length) {
    showMessage('error', 'The cart is empty: scan an item first.');
    focusCode();
    return;
  }
  const problem = customerProblem();
  if (problem) {
    showMessage('error', problem);
    return;
  }
  // Wait for the latest quote: the cart may have changed while an earlier one was in flight.
  for (let pending = state.quotePromise; pending; ) {
    await pending;
    if (pending === state.quotePromise) break;
    pending = state.quotePromise;
  }
  if (!state.quote) await requestQuote(0); // one more try: the last quote may have failed while the till was busy
  if (!state.quote) {
    showMessage('error', `Cannot take payment until the sale is priced${state.quoteError ? `: ${state.quoteError}` : '.'}`);
    return;
  }
  const f = tenderFigures();
  if (!state.tenders.length) {
    addTenderRow('cash');
    return;
  }
  if (f.invalid || f.nonCash > f.due || f.change > f.cash) {
    showMessage('error', tenderProblem(f));
    return;
  }
  if (f.short > 0) {
    const empty = state.tenders.findIndex(t => t.text.trim() === '');
    if (empty >= 0) {
      state.tenders[empty].text = plainAmount(f.short).replace(/,/g, '');
      renderTenders();
      focusTenderAmount(empty);
    } else {
      addTenderRow();
    }
    showMessage('info', `${rupees(f.short)} still due: press F9 again to complete, or change the amount.`);
    return;
  }
  await recordSale();
}

// The cart as /api/quote and /api/sales take it: the lines with their discounts and overrides, and the bill discount.
function cartBody() {
  const body = { lines: state.cart.map(cartLineBody) };
  const bill = billDiscountPaise(state.cart);
  if (bill) body.billDiscountPaise = bill;
  return body;
}

async function recordSale() {
  const payments = state.tenders
    .map(t => ({ method: t.method, amountPaise: parseMoney(t.text) ?? 0, ...(t.method === 'store_credit' ? { voucher: (t.voucher ?? '').trim() } : {}) }))
    .filter(p => p.amountPaise > 0);
  const body = { ...cartBody(), payments };
  const customer = customerFromForm();
  if (customer) body.customer = customer;
  const loyalty = loyaltyForSale();
  if (loyalty) body.loyalty = loyalty;
  if (state.quote?.approvalNeeded) {
    // Beyond the cashier's limits: a supervisor's or manager's PIN, checked by the till offline (docs/pricing.md).
    const approval = await askApproval(state.quote.approvalNeeded);
    if (!approval) {
      showMessage('info', 'Not recorded: the sale needs a supervisor\u2019s approval, or take the discount or the changed price off (F1).');
      focusCode();
      return;
    }
    body.approval = approval;
  }
  state.busy = true;
  updatePayButton();
  try {
    const exchange = exchangeReturn();
    const { creditNote, receipt } = exchange
      ? await api('POST', '/api/exchanges', { return: exchange, sale: body })
      : { creditNote: null, receipt: await api('POST', '/api/sales', body) };
    clearSale();
    const cashBack = creditNote?.refund.refunds.find(r => r.method === 'cash')?.amountPaise ?? 0;
    showMessage('success', `${creditNote ? `Exchange: return ${creditNote.creditNoteNo} and sale` : 'Sale'} ${receipt.billNo} recorded on this till`
      + `${receipt.changePaise ? ` · change ${rupees(receipt.changePaise)}` : ''}${cashBack ? ` · give back ${rupees(cashBack)} in cash` : ''}.`);
    showDocuments({ creditNote, receipt }, false);
    pollStatus();
  } catch (error) {
    showMessage('error', `Sale not recorded: ${error.message}`);
  } finally {
    state.busy = false;
    updatePayButton();
  }
}

// Shows (to print) a sale's receipt, a return's credit note, or both (an exchange).
function showDocuments({ creditNote, receipt }, isReprint) {
  const note = $('credit-note');
  note.innerHTML = creditNote ? creditNoteHtml(creditNote, isReprint) : '';
  note.hidden = !creditNote;
  const article = $('receipt');
  article.innerHTML = receipt ? receiptHtml(receipt, isReprint) : '';
  article.hidden = !receipt;
  article.dataset.billNo = receipt?.billNo ?? '';
  article.dataset.reprint = String(isReprint);
  const dialog = $('receipt-dialog');
  if (!dialog.open) dialog.showModal();
  $('close-receipt').focus();
}

function closeReceipt() {
  const dialog = $('receipt-dialog');
  if (dialog.open) dialog.close();
  focusCode();
}

// ---------------------------------------------------------------- recent sales and reprint

async function openSales() {
  const dialog = $('sales-dialog');
  if (!dialog.open) dialog.showModal();
  await loadSales();
}

async function loadSales() {
  const body = $('sales-list').querySelector('tbody');
  try {
    const documents = await api('GET', '/api/documents?limit=50');
    // Bills and credit notes only: a shift's open, cash movements and close print no bill (the shift's dialogs show them).
    state.salesRows = (documents ?? []).filter(d => d.kind === 'sale' || d.kind === 'return');
    state.salesIndex = state.salesRows.length ? 0 : -1;
    // Sales and returns in one list: a return's row is its credit note (negative: money went back).
    body.innerHTML = state.salesRows.map((d, i) => `
      <tr data-testid="${d.kind === 'return' ? 'return-row' : 'sale-row'}" data-client-order-id="${esc(d.documentId)}" data-kind="${esc(d.kind)}"
          data-bill-no="${esc(d.number)}" data-index="${i}">
        <td class="bill">${esc(d.number)}${d.kind === 'return' ? ' <span class="muted small">credit note</span>' : ''}</td>
        <td>${esc(timeText(d.createdAt))}</td>
        <td class="num">${rupees(d.kind === 'return' ? -d.totalPaise : d.totalPaise)}</td>
        <td><span class="sync-badge sync-${esc(d.damaged ? 'damaged' : d.syncState)}" data-testid="sale-sync-state">${esc(d.damaged ? 'damaged' : d.syncState)}</span></td>
        <td><button type="button" class="btn btn-small" data-testid="reprint" tabindex="-1">Reprint</button></td>
      </tr>`).join('');
    $('sales-empty').hidden = state.salesRows.length > 0;
    markSalesSelection();
  } catch (error) {
    body.innerHTML = '';
    $('sales-empty').hidden = false;
    $('sales-empty').textContent = `Cannot list sales: ${error.message}`;
  }
}

function markSalesSelection() {
  for (const tr of $('sales-list').querySelectorAll('[data-testid="sale-row"], [data-testid="return-row"]')) {
    tr.classList.toggle('selected', Number(tr.dataset.index) === state.salesIndex);
  }
  $('sales-list').querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
}

async function reprint(documentId, kind) {
  try {
    const documents = kind === 'return'
      ? { creditNote: await api('GET', `/api/returns/${encodeURIComponent(documentId)}/credit-note`) }
      : { receipt: await api('GET', `/api/sales/${encodeURIComponent(documentId)}/receipt`) };
    $('sales-dialog').close();
    showDocuments(documents, true);
  } catch (error) {
    $('sales-dialog').close();
    showMessage('error', `Cannot reprint: ${error.message}`);
  }
}

// ---------------------------------------------------------------- needs attention

async function openAttention() {
  const dialog = $('attention-dialog');
  if (!dialog.open) dialog.showModal();
  await loadAttention();
}

async function loadAttention() {
  const body = $('attention-list').querySelector('tbody');
  const empty = $('attention-empty');
  try {
    const items = (await api('GET', '/api/attention')) ?? [];
    body.innerHTML = items.map(a => `
      <tr data-testid="attention-row" data-client-order-id="${esc(a.documentId)}" data-kind="${esc(a.kind)}" data-status="${esc(a.status)}">
        <td class="bill">${esc(a.number)}<br><span class="muted small">${a.kind === 'return' ? 'credit note ' : ''}#${esc(a.tillSeq)}</span></td>
        <td><span class="sync-badge sync-${esc(a.status)}">${esc(a.status)}</span></td>
        <td data-testid="attention-reason">${esc(a.reason ?? '')}</td>
        <td data-testid="attention-detail">${esc(a.detail ?? '')}</td>
        <td>${esc(timeText(a.at))}</td>
      </tr>`).join('');
    empty.textContent = 'Nothing needs attention.';
    empty.hidden = items.length > 0;
  } catch (error) {
    body.innerHTML = '';
    empty.textContent = `Cannot load the list: ${error.message}`;
    empty.hidden = false;
  }
}

// ---------------------------------------------------------------- status bar

async function pollStatus() {
  clearTimeout(pollStatus.timer);
  try {
    const status = await api('GET', '/api/status');
    state.status = status;
    // The till service is back after failing: price the cart again if that failed meanwhile.
    if (state.statusFailures > 0 && state.quoteError && state.cart.length) requestQuote(0);
    state.statusFailures = 0;
    renderShiftStatus(status);
    if (renderStatus(status) && $('attention-dialog').open) loadAttention();
  } catch (error) {
    state.statusFailures++;
    renderStatusDown(error);
  } finally {
    pollStatus.timer = setTimeout(pollStatus, STATUS_POLL_MS);
  }
}

// tillsync demo only: cut this till's link to HQ, or restore it (the till then sends its queue at once).
async function toggleDemoLink() {
  const cut = $('demo-link').dataset.state !== 'cut';
  try {
    await api('PUT', '/api/demo/link', { cut });
    showMessage('info', cut ? 'Link to HQ cut: keep selling, the bills wait in the queue.' : 'Link to HQ restored: the queue drains now.');
  } catch (error) {
    showMessage('error', `The demo's link switch failed: ${error.message}`);
  }
  clearTimeout(pollStatus.timer);
  pollStatus();
  focusCode();
}

async function syncNow() {
  try {
    await api('POST', '/api/sync-now');
    showMessage('info', 'Sync requested: the status bar shows the outcome.');
    setTimeout(pollStatus, 400);
  } catch (error) {
    showMessage('error', `Sync now failed: ${error.message}`);
  }
}

// ---------------------------------------------------------------- quantity dialog

// Resolves with thousandths, or null when the cashier cancels.
function askQuantity(title, unit, initial, hint) {
  const dialog = $('qty-dialog');
  const input = $('qty-input');
  const error = $('qty-error');
  $('qty-title').textContent = title;
  $('qty-unit').textContent = `(${unitLabel(unit)})`;
  $('qty-hint').textContent = hint;
  error.hidden = true;
  input.value = initial;
  return new Promise(resolve => {
    const finish = value => {
      $('qty-form').onsubmit = null;
      $('qty-cancel').onclick = null;
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(value);
    };
    $('qty-form').onsubmit = event => {
      event.preventDefault();
      const parsed = parseQtyMilli(input.value, unit);
      if (parsed.error) {
        error.textContent = parsed.error;
        error.hidden = false;
        input.select();
        return;
      }
      finish(parsed.milli);
    };
    $('qty-cancel').onclick = () => finish(null);
    dialog.onclose = () => finish(null);
    dialog.showModal();
    input.focus();
    input.select();
  });
}

// ---------------------------------------------------------------- keyboard

function anyDialogOpen() {
  return [...document.querySelectorAll('dialog')].some(d => d.open);
}

function isTextField(el) {
  return el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA');
}

function onGlobalKey(event) {
  if (event.defaultPrevented) return;
  const receiptOpen = $('receipt-dialog').open;
  const salesOpen = $('sales-dialog').open;
  if (receiptOpen) {
    if (event.key === 'Enter' || event.key === 'Escape') {
      event.preventDefault();
      closeReceipt();
    } else if (event.key.toLowerCase() === 'p' && !event.ctrlKey) {
      event.preventDefault();
      window.print();
    }
    return;
  }
  if (salesOpen) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (state.salesRows.length) {
        state.salesIndex = Math.max(0, Math.min(state.salesRows.length - 1, state.salesIndex + (event.key === 'ArrowDown' ? 1 : -1)));
        markSalesSelection();
      }
    } else if (event.key === 'Enter' && state.salesIndex >= 0) {
      event.preventDefault();
      reprint(state.salesRows[state.salesIndex].documentId, state.salesRows[state.salesIndex].kind);
    }
    return;
  }
  if (anyDialogOpen()) return;

  const target = event.target;
  switch (event.key) {
    case 'F1':
      event.preventDefault();
      if (event.shiftKey) openBillDialog(); else openLineDialog();
      return;
    case 'F2':
      event.preventDefault();
      editLineQty(state.selected >= 0 ? state.selected : state.cart.length - 1);
      return;
    case 'F4':
      event.preventDefault();
      $('customer-phone').focus();
      return;
    case 'F6':
      event.preventDefault();
      openReturn();
      return;
    case 'F7':
      event.preventDefault();
      openAttention();
      return;
    case 'F8':
      event.preventDefault();
      openSales();
      return;
    case 'F9':
      event.preventDefault();
      pay();
      return;
    case 'F10':
      event.preventDefault();
      if (!state.busy) parkOrList();
      return;
    case 'Insert':
      event.preventDefault();
      addTenderRow();
      return;
    case 'Escape':
      event.preventDefault();
      hideResults();
      focusCode();
      return;
    case 'Delete':
      if (event.ctrlKey) {
        event.preventDefault();
        armClearSale();
        return;
      }
      // Delete removes the selected line unless the cashier is editing text in a field.
      if (!isTextField(target) || (target === codeInput() && codeInput().value === '')) {
        event.preventDefault();
        removeLine(state.selected >= 0 ? state.selected : state.cart.length - 1);
      }
      return;
    default:
      break;
  }
  // A scanner types into whatever has focus; when nothing does, send its characters to the code box.
  if (!isTextField(target) && event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey) {
    event.preventDefault();
    codeInput().focus();
    codeInput().value += event.key;
    onCodeInput();
  }
}

function armClearSale() {
  if (!state.cart.length) return;
  if (Date.now() < state.clearArmedUntil) {
    state.clearArmedUntil = 0;
    clearSale();
    showMessage('info', 'Sale cleared.');
    focusCode();
  } else {
    state.clearArmedUntil = Date.now() + 3000;
    showMessage('info', 'Press Ctrl+Delete again within 3 s to clear the whole sale.');
  }
}

function onCodeKey(event) {
  if (event.key === 'Enter') {
    event.preventDefault();
    onCodeEnter();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const delta = event.key === 'ArrowDown' ? 1 : -1;
    if (!$('search-results').hidden && state.results.length) moveResult(delta); else moveSelection(delta);
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  const stateSelect = $('customer-pos');
  for (const [code, name] of STATES) stateSelect.insertAdjacentHTML('beforeend', `<option value="${code}">${code} – ${esc(name)}</option>`);

  initDiscounts({ cart: () => state.cart, selected: () => state.selected, changed: cartChanged, message: showMessage });
  initLoyalty({ totalPaise: () => state.quote?.totals?.totalPaise ?? 0, changed: () => { renderTenderSummary(); updatePayButton(); } });
  initReturns({ show: showDocuments, changed: () => { renderTenderSummary(); updatePayButton(); }, message: showMessage, focusCode });
  codeInput().addEventListener('input', onCodeInput);
  codeInput().addEventListener('keydown', onCodeKey);
  document.addEventListener('keydown', onGlobalKey);

  $('search-results').addEventListener('mousedown', event => {
    const li = event.target.closest('[data-testid="search-result"]');
    if (!li) return;
    event.preventDefault();
    const product = state.results[Number(li.dataset.index)];
    const { qtyText: prefixQty } = splitQtyPrefix(codeInput().value.trim());
    codeInput().value = '';
    hideResults();
    state.entryChain = state.entryChain.then(() => addProduct(product, prefixQty)).catch(showError);
  });
  codeInput().addEventListener('blur', () => setTimeout(() => {
    if (document.activeElement !== codeInput()) hideResults();
  }, 150));

  $('cart-lines').addEventListener('click', event => {
    const tr = event.target.closest('[data-testid="cart-line"]');
    if (!tr) return;
    const index = Number(tr.dataset.index);
    const action = event.target.closest('[data-action]')?.dataset.action;
    state.selected = index;
    if (action === 'remove') removeLine(index);
    else if (action === 'qty') editLineQty(index);
    else {
      renderCart();
      focusCode();
    }
  });

  for (const id of CUSTOMER_TEXT_FIELDS) {
    $(id).addEventListener('input', () => requestQuote(CUSTOMER_DEBOUNCE_MS));
  }
  $('customer-gstin').addEventListener('input', event => {
    const input = event.target;
    const at = input.selectionStart;
    input.value = input.value.toUpperCase().replace(/\s/g, '');
    input.setSelectionRange(at, at);
  });
  $('customer-pos').addEventListener('change', () => requestQuote(0));
  for (const id of [...CUSTOMER_TEXT_FIELDS, 'customer-pos']) {
    $(id).addEventListener('keydown', event => {
      if (event.key === 'Enter') {
        event.preventDefault();
        focusCode();
      }
    });
  }

  const rows = $('tender-rows');
  rows.addEventListener('input', event => {
    const row = event.target.closest('[data-testid="tender-row"]');
    if (!row) return;
    const tender = state.tenders[Number(row.dataset.index)];
    if (event.target.dataset.testid === 'tender-voucher') tender.voucher = event.target.value;
    else if (event.target.dataset.testid === 'tender-amount') tender.text = event.target.value;
    else return;
    renderTenderSummary();
  });
  rows.addEventListener('change', event => {
    const row = event.target.closest('[data-testid="tender-row"]');
    if (!row || event.target.dataset.testid !== 'tender-method') return;
    const index = Number(row.dataset.index);
    state.tenders[index].method = event.target.value;
    // Store credit asks for its voucher's code (the credit note number) in a field of its own.
    renderTenders();
    const voucher = $('tender-rows').querySelectorAll('[data-testid="tender-row"]')[index]?.querySelector('[data-testid="tender-voucher"]');
    if (voucher) voucher.focus();
  });
  rows.addEventListener('keydown', event => {
    if (event.key === 'Enter' && ['tender-amount', 'tender-voucher'].includes(event.target.dataset.testid)) {
      event.preventDefault();
      pay();
    }
  });
  rows.addEventListener('click', event => {
    const button = event.target.closest('[data-testid="tender-remove"]');
    if (!button) return;
    const index = Number(button.closest('[data-testid="tender-row"]').dataset.index);
    state.tenders.splice(index, 1);
    renderTenders();
    focusCode();
  });
  $('add-tender').addEventListener('click', () => addTenderRow());
  $('pay-button').addEventListener('click', () => pay());

  $('print-receipt').addEventListener('click', () => window.print());
  $('close-receipt').addEventListener('click', closeReceipt);
  $('receipt-dialog').addEventListener('close', focusCode);

  $('sales-button').addEventListener('click', openSales);
  $('return-button').addEventListener('click', openReturn);
  $('close-sales').addEventListener('click', () => $('sales-dialog').close());
  $('sales-dialog').addEventListener('close', focusCode);
  $('sales-list').addEventListener('click', event => {
    const tr = event.target.closest('[data-testid="sale-row"], [data-testid="return-row"]');
    if (!tr) return;
    state.salesIndex = Number(tr.dataset.index);
    markSalesSelection();
    if (event.target.closest('[data-testid="reprint"]')) reprint(tr.dataset.clientOrderId, tr.dataset.kind);
  });

  $('attention-button').addEventListener('click', openAttention);
  $('close-attention').addEventListener('click', () => $('attention-dialog').close());
  $('attention-dialog').addEventListener('close', focusCode);
  $('sync-now').addEventListener('click', syncNow);
  $('demo-link').addEventListener('click', toggleDemoLink);

  window.addEventListener('beforeunload', event => {
    if (state.cart.length) event.preventDefault();
  });
}

wire();
initShift({ done: focusCode });
initPark({
  cart: () => state.cart.map(l => ({ sku: l.sku, qty: qtyNumber(l.qtyMilli) })), clear: clearSale, load: loadParkedLines,
  message: showMessage, done: focusCode,
});
// After each login the shift's state; with none open, the dialog that opens one.
initStaff({ loggedIn: () => checkShift().catch(() => {}).then(() => { if (!anyDialogOpen()) focusCode(); }) });
// A page opened while a cashier is logged in (a reload) asks too.
checkShift().catch(() => {});
renderCart();
renderTotals();
renderTenders();
pollStatus();
focusCode();
document.body.dataset.ready = 'true';
