// The back office's one shared module (ADR 0014): every HQ page imports it for the navigation, the signed-in manager
// and sign-out, and for requests to HQ's API, so no page holds a token or its own error handling. The session is a
// cookie HQ set at /sign-in (HttpOnly: this script never sees it); each write carries the session's CSRF token, which
// HQ hands to its own pages through GET /api/v1/session. A 401 means the session ended: back to /sign-in, and after
// signing in, back here.

// One list of pages; [path, label, key for the "g then key" shortcut].
const PAGES = [
  ['/', 'Dashboard', 'd'],
  ['/orders', 'Orders', 'o'],
  ['/stock', 'Stock', 'k'],
  ['/catalogue', 'Catalogue', 'p'],
  ['/promotions', 'Promotions', 'm'],
  ['/loyalty', 'Loyalty', 'y'],
  ['/reviews', 'Reviews', 'r'],
  ['/einvoices', 'E-invoices', 'e'],
  ['/credit-notes', 'Credit notes', 'c'],
  ['/gstr1', 'GSTR-1', 'g'],
  ['/ledger', 'Ledger', 'l'],
  ['/shifts', 'Shifts', 's'],
  ['/fleet', 'Tills', 't'],
];

let csrfToken = null;

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** Text made safe to put inside HTML. */
export function text(value) { const span = document.createElement('span'); span.textContent = value ?? ''; return span.innerHTML; }

/** Paise as rupees with two decimals, Indian grouping. */
export const rupees = (paise) => (paise / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A moment in the browser's local time, or a dash. */
export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '—');

/** A new random UUID, for a write's idempotency key. */
export function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16)); b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A duration in milliseconds as a person says it: 40 s, 12 min, 3.1 h, 2.5 days. */
export function age(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} days`;
}

// A till not heard from for OFFLINE_AFTER_MS is offline (tills send a heartbeat every 15 s while online); after
// LONG_OFFLINE_MS the warning turns red: its sales may be days old by the time they arrive.
const OFFLINE_AFTER_MS = 2 * 60 * 1000;
const LONG_OFFLINE_MS = 60 * 60 * 1000;

/** A till's state from GET /api/v1/tills at the browser's time now: { css, label }. A till HQ refused since its last
 * successful sync is failing, whatever its last contact: its queue is stuck until someone reads the reason. */
export function tillState(till, now) {
  if (till.lastRefusalAt && (!till.lastSyncAt || Date.parse(till.lastRefusalAt) > Date.parse(till.lastSyncAt))) {
    return { css: 'failing', label: `failing for ${age(now - Date.parse(till.lastRefusalAt))}: ${till.lastRefusal || 'refused'}` };
  }
  if (!till.lastSyncAt) return { css: 'never', label: 'never synced' };
  const silent = now - Date.parse(till.lastSyncAt);
  if (silent < OFFLINE_AFTER_MS) return { css: 'online', label: 'online' };
  return { css: silent >= LONG_OFFLINE_MS ? 'long-offline' : 'offline', label: `offline for ${age(silent)}` };
}

/** The till's state as a coloured pill. */
export function tillPill(till, now) {
  const state = tillState(till, now);
  return `<span class="pill ${state.css}" title="${text(till.lastRefusal || '')}">${text(state.label)}</span>`;
}

/** HQ refused a request: message is its problem's detail (or title), status its HTTP status, problem the whole
 * problem+json body (for members beyond the detail, such as an import's bad rows). */
export class ApiError extends Error {
  constructor(message, status, problem = {}) { super(message); this.status = status; this.problem = problem; }
}

function signInUrl() { return `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`; }

/** Sends a request to HQ's API and answers the raw response when it succeeded. A body is sent as JSON; a write carries
 * the session's CSRF token; a 401 goes to the sign-in page; any other refusal throws an ApiError with HQ's words. */
export async function apiResponse(path, { method = 'GET', body, headers = {}, signInOn401 = true } = {}) {
  const sent = { ...headers };
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) sent['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    // No answer: HQ may or may not have applied a write. Sending it again is safe, since a form keeps its Idempotency-Key.
    throw new ApiError('HQ did not answer (the connection failed); send it again — HQ applies a write once.', 0);
  }
  if (response.ok) return response;
  if (response.status === 401 && signInOn401) {
    location.assign(signInUrl());
    throw new ApiError('Your session has ended; sign in again.', 401);
  }
  const problem = await response.json().catch(() => ({}));
  throw new ApiError(problem.detail || problem.title || `HQ answered ${response.status}`, response.status, problem);
}

/** As apiResponse, answering the parsed JSON body (null for an empty one). */
export async function api(path, options) {
  const response = await apiResponse(path, options);
  return response.status === 204 ? null : response.json();
}

/** Shows one error in the page's alert element (role="alert"), or hides it when error is null. */
export function showError(element, error, prefix = '') {
  if (!error) { element.hidden = true; return; }
  element.textContent = prefix ? `${prefix}: ${error.message}` : error.message;
  element.hidden = false;
}

/** Hides a panel opened from a row's button and gives the focus back to that button, so a keyboard user carries on where
 * they were. A refresh may have drawn the rows again while the panel was open: then the focus goes to the button drawn in
 * its place (the same id, or the same data-* attributes). */
export function closePanel(panel, opener) {
  panel.hidden = true;
  (opener && (document.contains(opener) ? opener : redrawn(opener)))?.focus();
}

function redrawn(element) {
  if (element.id) return document.getElementById(element.id);
  const data = Object.keys(element.dataset);
  if (data.length === 0) return null;
  const attributes = data.map((k) => `[data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${CSS.escape(element.dataset[k])}"]`);
  return document.querySelector(element.tagName.toLowerCase() + attributes.join(''));
}

/** The page's confirmation panel (section#confirm holding #confirm-title, #confirm-text, form#confirm-form with
 * #confirm-button and #confirm-cancel, and #confirm-error). Returns ask(question, { title, text, button }), which fills the
 * panel for one question ({ opener, … }) and focuses its button. The form sends send(question, key) once per question
 * (submitOnce: a new question resets the form, and so its Idempotency-Key), then hides the panel and runs
 * done(question, result); Cancel and Escape close it and give the focus back to the button that opened it. */
export function confirmPanel(send, done) {
  let question = null;
  const close = () => {
    closePanel($('confirm'), question?.opener);
    question = null;
  };
  // The question goes with its answer: one asked while a write was in flight does not take the earlier one's answer.
  submitOnce($('confirm-form'), $('confirm-error'), async (key) => {
    const asked = question;
    return { asked, result: await send(asked, key) };
  }, async ({ asked, result }) => {
    if (question === asked) {
      $('confirm').hidden = true;
      question = null;
    }
    await done(asked, result);
  });
  $('confirm-cancel').addEventListener('click', close);
  $('confirm').addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
  return (asked, { title, text, button }) => {
    question = asked;
    $('confirm-form').reset();
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-button').textContent = button;
    showError($('confirm-error'), null);
    $('confirm').hidden = false;
    $('confirm-button').focus();
  };
}

/** A write form: on submit, send(key) runs with an Idempotency-Key made once for this submission and kept until the
 * form's fields change, the form is reset or the write succeeds, so a click retried after a lost answer cannot apply it
 * twice. The submit button is disabled while the write is in flight; done(result) runs after success, and an error is
 * shown in errorElement (the form's fields are left as typed, to correct and send again). */
export function submitOnce(form, errorElement, send, done) {
  let key = null;
  form.addEventListener('input', () => { key = null; });
  form.addEventListener('reset', () => { key = null; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    if (button?.disabled) return;
    key ??= newId();
    if (button) button.disabled = true;
    try {
      const result = await send(key);
      key = null;
      showError(errorElement, null);
      await done?.(result);
    } catch (error) {
      showError(errorElement, error);
    } finally {
      if (button) button.disabled = false;
    }
  });
}

/** One CSV row (RFC 4180): a field with a comma, quote or line break is quoted, its quotes doubled; a field a spreadsheet
 * would read as a formula is prefixed with an apostrophe. */
export function csvRow(values) {
  return values.map((value) => {
    let s = String(value ?? '');
    if (/^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  }).join(',');
}

/** The rows of a paged list from its first page to its end, for an export: read(cursor) answers a page (cursor null for
 * the first), rowsOf(page) its rows, nextOf(page) the next cursor (null or undefined at the end). Refuses in words a list
 * longer than pagesMax pages, whose export would take too long: the manager narrows it. */
export async function everyPage(read, rowsOf, nextOf, pagesMax, what) {
  const rows = [];
  let cursor = null;
  for (let pages = 0; pages < pagesMax; pages++) {
    const page = await read(cursor);
    rows.push(...rowsOf(page));
    cursor = nextOf(page) ?? null;
    if (!cursor) return rows;
  }
  throw new Error(`more than ${pagesMax} pages of ${what} match; narrow the filters (the dates, a store) and export again`);
}

/** Saves rows (arrays of values, the header first) as a CSV file. */
export function saveCsv(rows, name) {
  saveFile(new Blob([rows.map(csvRow).join('\r\n') + '\r\n'], { type: 'text/csv' }), name);
}

/** The stores of GET /api/v1/stores as a select's options ("2 — JP Nagar branch, Bengaluru"), the default store
 * selected unless withDefault is false. */
export function storeOptions(stores, withDefault = true) {
  return stores.map((s) => `<option value="${s.storeId}"${withDefault && s.isDefault ? ' selected' : ''}>${s.storeId} — ${text(s.details.tradeName ?? s.details.legalName)}, ${text(s.details.location)}</option>`).join('');
}

/** Saves a Blob as a file the browser downloads. */
export function saveFile(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

function layout(manager) {
  const here = location.pathname;
  const skip = document.createElement('a');
  skip.href = '#main'; skip.className = 'skip'; skip.textContent = 'Skip to content';
  const bar = document.createElement('nav');
  bar.className = 'back-office'; bar.setAttribute('aria-label', 'Back office');
  bar.innerHTML = `<ul>${PAGES.map(([path, label, key]) => `<li><a href="${path}" data-key="${key}"${path === here ? ' aria-current="page"' : ''}>${label}</a></li>`).join('')}</ul>
    <span class="who">Signed in as <strong>${text(manager.name)}</strong></span>
    <button type="button" class="secondary" id="sign-out">Sign out</button>`;
  document.body.prepend(skip, bar);
  const main = document.querySelector('main');
  if (main) { main.id = 'main'; main.tabIndex = -1; }
  $('sign-out').addEventListener('click', signOut);
  shortcuts();
}

// "g" then a page's key goes to that page (as in many web apps), unless the manager is typing in a field.
function shortcuts() {
  let armed = false;
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, select, textarea, [contenteditable]')) return;
    if (armed) {
      armed = false;
      const page = PAGES.find(([, , key]) => key === e.key);
      if (page) { e.preventDefault(); location.assign(page[0]); }
    } else if (e.key === 'g') {
      armed = true;
    }
  });
}

async function signOut() {
  try {
    await api('/api/v1/session', { method: 'DELETE' });
  } finally {
    location.assign('/sign-in');
  }
}

/** Starts a back-office page: finds the signed-in manager (or goes to sign-in), draws the navigation and answers the
 * manager; the page then loads its own data. */
export async function startPage() {
  const manager = await api('/api/v1/session');
  csrfToken = manager.csrfToken;
  layout(manager);
  return manager;
}

/** The sign-in page's form: on success, goes to ?next= when it is one of HQ's own paths, else to the dashboard. */
export function signInForm(form, tokenInput, errorElement) {
  // The page comes with its button disabled, so that nothing submits the form before this handler does (a native
  // submission would send the token as a query string); from here on, every submission is this fetch.
  form.querySelector('button[type="submit"]').disabled = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('/api/v1/session', { method: 'POST', body: { token: tokenInput.value.trim() }, signInOn401: false });
      const next = new URLSearchParams(location.search).get('next');
      location.assign(next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/');
    } catch (error) {
      showError(errorElement, error, 'Could not sign in');
      tokenInput.select();
    }
  });
}
