// Parked sales (docs/shifts.md): F10 with items in the cart parks it — the till keeps it in till.db, local only — and
// clears the counter for the next customer; F10 with an empty cart lists the parked carts, where ↑ ↓ and Enter (or a
// click) bring one back to be priced and sold as any cart. Each park sends one request id, so a retry parks nothing more;
// a resume answers the same cart again.
import { api } from './api.js';
import { esc, timeText } from './format.js';

const $ = testId => document.querySelector(`[data-testid="${testId}"]`);

const park = { rows: [], index: -1, cart: () => [], clear: () => {}, load: async () => {}, message: () => {}, done: () => {} };

export function initPark({ cart, clear, load, message, done }) {
  Object.assign(park, { cart, clear, load, message, done });
  $('close-parked').addEventListener('click', () => $('parked-dialog').close());
  $('parked-dialog').addEventListener('close', () => park.done());
  $('parked-list').addEventListener('click', event => {
    const row = event.target.closest('[data-testid="parked-row"]');
    if (row) resume(Number(row.dataset.index));
  });
  $('parked-dialog').addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (park.rows.length) {
        park.index = Math.max(0, Math.min(park.rows.length - 1, park.index + (event.key === 'ArrowDown' ? 1 : -1)));
        mark();
      }
    } else if (event.key === 'Enter' && park.index >= 0) {
      event.preventDefault();
      resume(park.index);
    }
  });
}

// F10: parks a cart with items; lists the parked carts when the cart is empty.
export async function parkOrList() {
  const lines = park.cart();
  if (!lines.length) {
    await openParked();
    return;
  }
  try {
    const parked = await api('POST', '/api/parked', { requestId: crypto.randomUUID(), lines });
    park.clear();
    park.message('success', `Cart parked (${parked.lines.length} line${parked.lines.length === 1 ? '' : 's'}): F10 on an empty cart brings it back.`);
  } catch (error) {
    park.message('error', `Cart not parked: ${error.message}`);
  }
}

async function openParked() {
  const dialog = $('parked-dialog');
  if (!dialog.open) dialog.showModal();
  const body = $('parked-list').querySelector('tbody');
  try {
    park.rows = await api('GET', '/api/parked');
    park.index = park.rows.length ? 0 : -1;
    body.innerHTML = park.rows.map((c, i) => `
      <tr data-testid="parked-row" data-park-id="${esc(c.parkId)}" data-index="${i}">
        <td>${esc(timeText(c.parkedAt))}</td><td>${esc(c.parkedBy)}</td>
        <td>${c.lines.map(l => `${esc(l.sku)} × ${esc(String(l.qty))}`).join(', ')}</td>
        <td><button type="button" class="btn btn-small" data-testid="resume-parked" tabindex="-1">Resume</button></td>
      </tr>`).join('');
    $('parked-empty').hidden = park.rows.length > 0;
    $('parked-empty').textContent = 'No carts are parked.';
    mark();
  } catch (error) {
    body.innerHTML = '';
    $('parked-empty').hidden = false;
    $('parked-empty').textContent = `Cannot list parked carts: ${error.message}`;
  }
}

function mark() {
  $('parked-list').querySelectorAll('[data-testid="parked-row"]').forEach((row, i) => row.classList.toggle('selected', i === park.index));
}

async function resume(index) {
  const row = park.rows[index];
  if (!row) return;
  try {
    const cart = await api('POST', `/api/parked/${encodeURIComponent(row.parkId)}/resume`);
    $('parked-dialog').close();
    await park.load(cart.lines);
    park.message('info', `Parked cart resumed (${cart.lines.length} line${cart.lines.length === 1 ? '' : 's'}).`);
  } catch (error) {
    park.message('error', `Cart not resumed: ${error.message}`);
  }
}

// The parked carts a closing cashier should know of: the close dialog and the Z report list them.
export function parkedHtml(carts) {
  if (!carts?.length) return '<div class="muted" data-testid="parked-none">No carts parked.</div>';
  return carts.map(c => `<div class="kv" data-testid="parked-cart" data-park-id="${esc(c.parkId)}"><span>${esc(timeText(c.parkedAt))} · ${esc(c.parkedBy)}:</span>
    <span>${c.lines.map(l => `${esc(l.sku)} × ${esc(String(l.qty))}`).join(', ')}</span></div>`).join('');
}

export async function loadParkedInto(testId) {
  try {
    $(testId).innerHTML = parkedHtml(await api('GET', '/api/parked'));
  } catch (error) {
    $(testId).textContent = `Cannot list parked carts: ${error.message}`;
  }
}
