// PIN login at the till (docs/shifts.md): nothing is recorded without a logged-in cashier. The login dialog lists the
// store's staff from the till's last snapshot and checks the PIN on the till itself, so it works with HQ unreachable.
// It opens at start, after "Lock / switch", after the idle time the till is set to, and whenever the till answers 401.
// A staff member locked by wrong PINs is unlocked here by a supervisor's or manager's own PIN. PINs are never kept.
import { api, ApiError } from './api.js';
import { esc } from './format.js';

const CHECK_MS = 2000;
const LOCKED = 423;

const $ = testId => document.querySelector(`[data-testid="${testId}"]`);

const login = {
  staff: [],
  idleLockMs: 5 * 60 * 1000,
  lastWorkAt: Date.now(),
  loggedIn: () => {},
  busy: false,
};

export function initStaff({ loggedIn }) {
  login.loggedIn = loggedIn;
  const dialog = $('login-dialog');
  // The dialog cannot be dismissed: Esc would leave a page that records nothing.
  dialog.addEventListener('cancel', event => event.preventDefault());
  // The sale's keys (F9 pay, F6 return …) wait while nobody is logged in.
  document.addEventListener('keydown', event => {
    if (dialog.open && /^F\d+$/.test(event.key)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  for (const type of ['keydown', 'pointerdown']) {
    document.addEventListener(type, () => { login.lastWorkAt = Date.now(); }, true);
  }
  $('login-form').addEventListener('submit', event => {
    event.preventDefault();
    logIn();
  });
  $('login-staff').addEventListener('change', showUnlockIfLocked);
  $('unlock-submit').addEventListener('click', unlock);
  $('unlock-pin').addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      event.preventDefault();
      unlock();
    }
  });
  $('lock-button').addEventListener('click', lock);
  window.addEventListener('tillsync:login-required', () => openLogin('Log in with your PIN to carry on.'));
  setInterval(check, CHECK_MS);
  check();
}

async function check() {
  if ($('login-dialog').open) {
    if (!login.staff.length) await loadStaff();
    return;
  }
  if (Date.now() - login.lastWorkAt >= login.idleLockMs) {
    await lock('Locked after idling: log in with your PIN to carry on.');
    return;
  }
  try {
    const session = await api('GET', '/api/session');
    login.idleLockMs = session.idleLockSeconds * 1000;
    if (session.cashier) showCashier(session.cashier);
    else openLogin();
  } catch {
    // The status bar already says when the till service is not answering.
  }
}

function showCashier(cashier) {
  const name = $('cashier-name');
  name.textContent = cashier ? `${cashier.name} (${cashier.role})` : 'nobody';
  name.dataset.staffId = cashier ? String(cashier.staffId) : '';
}

async function lock(hint) {
  try {
    await api('POST', '/api/session/lock');
  } finally {
    openLogin(typeof hint === 'string' ? hint : '');
  }
}

async function openLogin(hint = '') {
  const dialog = $('login-dialog');
  showCashier(null);
  $('login-hint').textContent = hint;
  if (!dialog.open) {
    $('login-error').hidden = true;
    $('unlock-box').hidden = true;
    dialog.showModal();
  }
  await loadStaff();
  $('login-pin').focus();
}

async function loadStaff() {
  try {
    login.staff = await api('GET', '/api/staff');
  } catch (error) {
    showLoginError(error);
    return;
  }
  const chosen = $('login-staff').value;
  const supervisor = $('unlock-supervisor').value;
  $('login-staff').innerHTML = login.staff
    .map(s => `<option value="${s.staffId}">${esc(s.name)} — ${esc(s.role)}${s.locked ? ' (locked)' : ''}</option>`).join('');
  $('unlock-supervisor').innerHTML = login.staff.filter(s => s.role !== 'cashier')
    .map(s => `<option value="${s.staffId}">${esc(s.name)} — ${esc(s.role)}</option>`).join('');
  if (chosen) $('login-staff').value = chosen;
  if (supervisor) $('unlock-supervisor').value = supervisor;
  if (!login.staff.length) $('login-hint').textContent = 'This till has no staff list yet: it must reach HQ once.';
  showUnlockIfLocked();
}

function showUnlockIfLocked() {
  const chosen = login.staff.find(s => String(s.staffId) === $('login-staff').value);
  $('unlock-box').hidden = !chosen?.locked;
}

function showLoginError(error) {
  const box = $('login-error');
  box.textContent = error instanceof Error ? error.message : String(error);
  box.hidden = false;
}

async function logIn() {
  if (login.busy) return;
  const pin = $('login-pin');
  login.busy = true;
  $('login-submit').disabled = true;
  try {
    const session = await api('POST', '/api/session', { staffId: Number($('login-staff').value), pin: pin.value });
    login.idleLockMs = session.idleLockSeconds * 1000;
    login.lastWorkAt = Date.now();
    $('login-error').hidden = true;
    $('login-dialog').close();
    showCashier(session.cashier);
    login.loggedIn();
  } catch (error) {
    showLoginError(error);
    if (error instanceof ApiError && error.status === LOCKED) await loadStaff();
  } finally {
    pin.value = '';
    login.busy = false;
    $('login-submit').disabled = false;
  }
}

async function unlock() {
  const pin = $('unlock-pin');
  try {
    await api('POST', `/api/staff/${Number($('login-staff').value)}/unlock`,
      { supervisorId: Number($('unlock-supervisor').value), pin: pin.value });
    $('login-error').hidden = true;
    $('login-hint').textContent = 'Unlocked: enter your PIN.';
    await loadStaff();
    $('login-pin').focus();
  } catch (error) {
    showLoginError(error);
  } finally {
    pin.value = '';
  }
}
