// The loyalty panel of the cashier page (docs/loyalty.md): with a customer phone attached it shows the last-known
// balance and how old it is, what this bill earns, and lets the cashier redeem points — within the offline limit
// straight away, above it only online with the one-time code HQ sends to the customer. Every rule is enforced again by
// the till's /api/sales and by HQ; this panel only explains.

import { api } from './api.js';
import { esc, minutesText, rupees } from './format.js';

const LOOKUP_DEBOUNCE_MS = 300;
const PHONE = /^[6-9][0-9]{9}$/;
const $ = testId => document.querySelector(`[data-testid="${testId}"]`);

const loyalty = {
  lookup: null,      // the till's /api/loyalty/{phone} answer for the attached phone, or null
  burnPoints: 0,     // points applied to this sale
  token: null,       // redemption token for burnPoints, when above the offline limit
  requestId: null,   // the code request awaiting the customer's code
  timer: 0,
};
let hooks = { totalPaise: () => 0, changed: () => {} };

/** Wires the panel; totalPaise gives the bill total, changed is called when the burn changes. */
export function initLoyalty(h) {
  hooks = h;
  $('customer-phone').addEventListener('input', () => {
    clearTimeout(loyalty.timer);
    loyalty.timer = setTimeout(lookUp, LOOKUP_DEBOUNCE_MS);
  });
  $('loyalty-points').addEventListener('input', renderLoyalty);
  $('loyalty-apply').addEventListener('click', apply);
  $('loyalty-send-code').addEventListener('click', sendCode);
  $('loyalty-verify').addEventListener('click', verify);
  renderLoyalty();
}

/** The loyalty tender of this sale, in paise. */
export function loyaltyBurnPaise() {
  const value = loyalty.lookup?.settings?.burnValuePaisePerPoint ?? 0;
  return loyalty.burnPoints * value;
}

/** The sale request's loyalty part, or null. */
export function loyaltyForSale() {
  return loyalty.burnPoints > 0 ? { burnPoints: loyalty.burnPoints, redemptionToken: loyalty.token } : null;
}

/** Forgets the customer and the burn (a new sale). */
export function resetLoyalty() {
  Object.assign(loyalty, { lookup: null, burnPoints: 0, token: null, requestId: null });
  renderLoyalty();
}

async function lookUp() {
  const phone = $('customer-phone').value.trim();
  Object.assign(loyalty, { lookup: null, burnPoints: 0, token: null, requestId: null });
  if (PHONE.test(phone)) {
    try {
      loyalty.lookup = await api('GET', `/api/loyalty/${phone}`);
    } catch (error) {
      say(error.message);
    }
  }
  renderLoyalty();
  hooks.changed();
}

function offlineLimitPaise() {
  return loyalty.lookup?.settings?.offlineBurnPaiseMax ?? 0;
}

function wantedPoints() {
  const points = Number.parseInt($('loyalty-points').value, 10);
  return Number.isSafeInteger(points) && points > 0 ? points : 0;
}

function apply() {
  const points = wantedPoints();
  const value = points * (loyalty.lookup?.settings?.burnValuePaisePerPoint ?? 0);
  if (!points) return say('Enter the points to redeem.');
  if (value > offlineLimitPaise()) return say(`Above ${rupees(offlineLimitPaise())} a code is needed: send one to the customer.`);
  if ((loyalty.lookup?.balancePoints ?? 0) < points) return say(`The customer has ${loyalty.lookup?.balancePoints ?? 0} points as far as this till knows.`);
  Object.assign(loyalty, { burnPoints: points, token: null });
  say(`${points} points (${rupees(value)}) applied to this bill.`);
  renderLoyalty();
  hooks.changed();
}

async function sendCode() {
  const points = wantedPoints();
  if (!points) return say('Enter the points to redeem.');
  try {
    const request = await api('POST', '/api/loyalty/codes', { phone: loyalty.lookup.phone, points });
    loyalty.requestId = request.requestId;
    say(`Code sent to the customer's phone for ${points} points (${rupees(request.valuePaise)}). Type it below.`);
  } catch (error) {
    say(error.message);
  }
  renderLoyalty();
}

async function verify() {
  try {
    const outcome = await api('POST', '/api/loyalty/redemptions', { requestId: loyalty.requestId, code: $('loyalty-code').value.trim() });
    if (outcome.status === 'redeemed') {
      Object.assign(loyalty, { burnPoints: outcome.points, token: outcome.redemptionToken, requestId: null });
      hooks.changed();
    } else if (outcome.status !== 'wrong_code') {
      loyalty.requestId = null;
    }
    say(outcome.detail + (outcome.status === 'wrong_code' ? ` ${outcome.attemptsLeft} tries left.` : ''));
  } catch (error) {
    say(error.message);
  }
  $('loyalty-code').value = '';
  renderLoyalty();
}

function say(text) {
  $('loyalty-message').textContent = text;
}

/** Redraws the panel (also when the bill total changes, for the earn preview). */
export function renderLoyalty() {
  const l = loyalty.lookup;
  $('loyalty').hidden = !l;
  if (!l) return;
  const settings = l.settings;
  const age = l.asOf ? minutesText(Date.now() - Date.parse(l.asOf)) : '';
  $('loyalty-balance').innerHTML = l.balancePoints === null
    ? 'No balance known on this till (offline, not in the last snapshot).'
    : `Balance <strong data-testid="loyalty-points-balance">${esc(l.balancePoints)}</strong> points`
      + ` (${rupees(l.balancePoints * (settings?.burnValuePaisePerPoint ?? 0))}) · ${l.source === 'hq' ? 'from HQ just now' : `as of ${esc(age)} ago`}`;
  const earn = settings ? Math.floor(hooks.totalPaise() / 10000) * settings.earnPointsPer100Rupees : 0;
  $('loyalty-earn').textContent = `This bill earns ${earn} points.`;
  $('loyalty-applied').textContent = loyalty.burnPoints
    ? `Redeeming ${loyalty.burnPoints} points (${rupees(loyaltyBurnPaise())})${loyalty.token ? ' with a verified code' : ''}.` : '';
  const aboveLimit = wantedPoints() * (settings?.burnValuePaisePerPoint ?? 0) > offlineLimitPaise();
  $('loyalty-send-code').disabled = !l.online || !aboveLimit;
  $('loyalty-reason').textContent = !l.online && aboveLimit
    ? `Offline: redeeming more than ${rupees(offlineLimitPaise())} needs a code from HQ; redeem less or wait for the link.` : '';
  $('loyalty-code-step').hidden = !loyalty.requestId;
}
