// Pure formatting and parsing for the cashier page: rupees from paise in integer arithmetic with Indian digit
// grouping, quantities in thousandths, GST rates, ages and times. No DOM, no I/O, no tax: tax comes from the till.

// 99,999.999 of any unit: a typo guard; the server checks its own limits.
export const QTY_MAX_MILLI = 99_999_999;

// Units sold in fractions (GST UQC codes of weight, volume, length, area); everything else counts whole pieces.
export const FRACTIONAL_UNITS = new Set(['KGS', 'GMS', 'LTR', 'MLT', 'MTR', 'CMS', 'SQM', 'SQF', 'SQY', 'CBM', 'CCM', 'TON', 'QTL', 'KLR', 'MTS', 'YDS', 'TBS']);

export const TENDER_METHODS = [['cash', 'Cash'], ['card', 'Card'], ['upi', 'UPI'], ['store_credit', 'Store credit']];

// GST state codes for the place of supply.
export const STATES = [
  ['01', 'Jammu and Kashmir'], ['02', 'Himachal Pradesh'], ['03', 'Punjab'], ['04', 'Chandigarh'], ['05', 'Uttarakhand'],
  ['06', 'Haryana'], ['07', 'Delhi'], ['08', 'Rajasthan'], ['09', 'Uttar Pradesh'], ['10', 'Bihar'], ['11', 'Sikkim'],
  ['12', 'Arunachal Pradesh'], ['13', 'Nagaland'], ['14', 'Manipur'], ['15', 'Mizoram'], ['16', 'Tripura'],
  ['17', 'Meghalaya'], ['18', 'Assam'], ['19', 'West Bengal'], ['20', 'Jharkhand'], ['21', 'Odisha'],
  ['22', 'Chhattisgarh'], ['23', 'Madhya Pradesh'], ['24', 'Gujarat'], ['26', 'Dadra and Nagar Haveli and Daman and Diu'],
  ['27', 'Maharashtra'], ['29', 'Karnataka'], ['30', 'Goa'], ['31', 'Lakshadweep'], ['32', 'Kerala'], ['33', 'Tamil Nadu'],
  ['34', 'Puducherry'], ['35', 'Andaman and Nicobar Islands'], ['36', 'Telangana'], ['37', 'Andhra Pradesh'],
  ['38', 'Ladakh'], ['97', 'Other Territory'],
];

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// Paise to "₹1,23,456.78" with Indian digit grouping, in integer arithmetic (money is never a float here).
export function rupees(paise) {
  if (paise === null || paise === undefined || Number.isNaN(paise)) return '–';
  const negative = paise < 0;
  const abs = Math.abs(paise);
  const whole = String(Math.trunc(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0');
  let grouped = whole;
  if (whole.length > 3) {
    const head = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
    grouped = `${head},${whole.slice(-3)}`;
  }
  return `${negative ? '−' : ''}₹${grouped}.${fraction}`;
}

export function plainAmount(paise) {
  return rupees(paise).replace('₹', '');
}

// "500", "500.5", "₹1,500.50" → paise; null when it is not an amount.
export function parseMoney(text) {
  const cleaned = String(text ?? '').replace(/[₹,\s]/g, '');
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function isFractional(unit) {
  return FRACTIONAL_UNITS.has(String(unit ?? '').toUpperCase());
}

// Quantities are kept in thousandths so that adding 0.1 + 0.2 kg is exact.
export function parseQtyMilli(text, unit) {
  const match = /^(\d{1,5})(?:\.(\d{0,3}))?$/.exec(String(text ?? '').trim());
  if (!match) return { error: isFractional(unit) ? 'Enter a quantity like 1 or 0.750 (up to 3 decimals).' : 'Enter a whole number of pieces.' };
  const fraction = (match[2] ?? '').padEnd(3, '0');
  const milli = Number(match[1]) * 1000 + Number(fraction);
  if (milli <= 0) return { error: 'The quantity must be more than zero. To take the item off, press Delete.' };
  if (milli > QTY_MAX_MILLI) return { error: 'That quantity is too large.' };
  if (!isFractional(unit) && milli % 1000 !== 0) return { error: `${unitLabel(unit) === 'pcs' ? 'This item is sold in whole pieces' : `This item is sold by the ${unitLabel(unit)}`}: enter a whole number.` };
  return { milli };
}

// The GST unit codes (UQC) a cashier meets, as a shop says them; any other code shows in lower case.
export const UNIT_LABELS = {
  KGS: 'kg', GMS: 'g', LTR: 'l', MLT: 'ml', MTR: 'm', PCS: 'pcs', NOS: 'pcs', UNT: 'pcs', BOX: 'box', BTL: 'bottle', PAC: 'pack',
  DOZ: 'dozen', PRS: 'pair', SET: 'set', BAG: 'bag', CAN: 'can', ROL: 'roll', TBS: 'tablet',
};

// A phone number as a receipt prints it: the last four digits, the rest hidden.
export function maskedPhone(phone) {
  const digits = String(phone ?? '');
  return digits.length <= 4 ? digits : `${'•'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

export function unitLabel(unit) {
  const code = String(unit ?? '').toUpperCase();
  return UNIT_LABELS[code] ?? code.toLowerCase();
}

export function qtyText(milli, unit) {
  if (isFractional(unit)) return (milli / 1000).toFixed(3);
  return String(milli / 1000);
}

export function qtyNumber(milli) {
  return Number((milli / 1000).toFixed(3));
}

export function rateText(bp) {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

export function durationText(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '–';
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function minutesText(ms) {
  const minutes = Math.floor(Math.max(0, ms) / 60000);
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

export function dateTimeText(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return date.toLocaleString('en-IN', { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: true });
}

export function timeText(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return date.toLocaleString('en-IN', { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', hour12: true });
}

export function stateName(code) {
  return STATES.find(([c]) => c === code)?.[1] ?? code;
}

export function ageOf(iso, now) {
  if (!iso) return null;
  const at = Date.parse(iso);
  const reference = Date.parse(now) || Date.now();
  return Number.isNaN(at) ? null : reference - at;
}
