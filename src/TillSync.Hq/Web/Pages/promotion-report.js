// How a promotion did: the promotions page's "How it did" panel (docs/back-office.md, "Promotions"). It reads
// GET /api/v1/promotions/{id}/report?from=&to= and shows the figures by store, with the total, and day by day; Export CSV
// saves the same figures; HQ's refusal (a bad date, a promotion that is gone) is shown in its own words. Read-only.
import { $, text, api, showError, rupees, when, saveCsv, closePanel } from '/back-office.js';

const units = (quantity) => quantity.toLocaleString('en-IN', { maximumFractionDigits: 3 });
// In the CSV, money in rupees with two decimals and no grouping, as every export of the back office.
const money = (paise) => (paise / 100).toFixed(2);

// Each figure once: its member in the API's figures, its column heading, its CSV column and how each shows it.
const FIGURES = [
  ['bills', 'Bills', 'bills', String, String],
  ['lines', null, 'lines', String, String],
  ['unitsSold', 'Units sold', 'units_sold', units, String],
  ['unitsFree', 'Units free', 'units_free', units, String],
  ['creditNotes', 'Credit notes', 'credit_notes', String, String],
  ['unitsReturned', 'Units returned', 'units_returned', units, String],
  ['savingPaise', 'Saving ₹', 'saving_rupees', rupees, money],
  ['savingReturnedPaise', 'Back with goods ₹', 'saving_returned_rupees', rupees, money],
  ['takenBackPaise', 'Taken back ₹', 'taken_back_rupees', rupees, money],
  ['netSavingPaise', 'Net saving ₹', 'net_saving_rupees', rupees, money],
  ['netSalesPaise', 'Net sales ₹', 'net_sales_rupees', rupees, money],
  ['netRevenuePaise', 'Net revenue before GST ₹', 'net_revenue_rupees', rupees, money],
];
const SHOWN = FIGURES.filter(([, heading]) => heading);

const cells = (figures) => SHOWN.map(([key, , , show]) => `<td class="num">${text(show(figures[key]))}</td>`).join('');

/** The report panel of the promotions page; storeName(id) names a store. Answers { open(promotion, opener) }. */
export function promotionReport(storeName) {
  let promotion = null, opener = null, shown = null;

  function draw(report) {
    const heading = (first) => `<tr><th>${first}</th>${SHOWN.map(([, h]) => `<th class="num">${h}</th>`).join('')}</tr>`;
    $('report-stores').querySelector('thead').innerHTML = heading('Store');
    $('report-days').querySelector('thead').innerHTML = heading('Day');
    const none = `<tr><td colspan="${SHOWN.length + 1}">No bills claimed it and no returns took back from it in these dates.</td></tr>`;
    $('report-stores').querySelector('tbody').innerHTML = report.stores
      .map((s) => `<tr><th scope="row">${text(storeName(s.storeId))}</th>${cells(s.figures)}</tr>`).join('') || none;
    $('report-stores').querySelector('tfoot').innerHTML = report.stores.length > 1 ? `<tr><th scope="row">All stores</th>${cells(report.total)}</tr>` : '';
    $('report-days').querySelector('tbody').innerHTML = report.days
      .map((d) => `<tr><th scope="row">${text(d.date)}</th>${cells(d.figures)}</tr>`).join('') || none;
    // The report begins when HQ began recording what promotions did; a promotion older than that is counted from then.
    const since = $('report-since');
    since.hidden = Date.parse(promotion.validFrom) >= Date.parse(report.countedSince);
    since.textContent = `Counted from ${when(report.countedSince)}, when HQ began keeping this report: bills it recorded before then are not in it.`;
  }

  async function show() {
    const query = new URLSearchParams();
    if ($('report-from').value) query.set('from', $('report-from').value);
    if ($('report-to').value) query.set('to', $('report-to').value);
    try {
      shown = await api(`/api/v1/promotions/${promotion.id}/report${query.size ? `?${query}` : ''}`);
      draw(shown);
      $('report-figures').hidden = false;
      showError($('report-error'), null);
    } catch (e) {
      shown = null;
      $('report-figures').hidden = true;
      showError($('report-error'), e, `Could not show how promotion ${promotion.id} did`);
    }
  }

  function exportCsv() {
    if (!shown) return;
    const row = (section, key, figures) => [section, key, ...FIGURES.map(([member, , , , csv]) => csv(figures[member]))];
    saveCsv([['section', 'store_or_date', ...FIGURES.map(([, , column]) => column)],
      ...shown.stores.map((s) => row('store', storeName(s.storeId), s.figures)),
      row('total', 'all stores', shown.total),
      ...shown.days.map((d) => row('day', d.date, d.figures))],
    `promotion-${shown.promotion.id}${shown.from ? `-from-${shown.from}` : ''}${shown.to ? `-to-${shown.to}` : ''}.csv`);
  }

  const close = () => closePanel($('report'), opener);
  $('report-filters').addEventListener('submit', (e) => { e.preventDefault(); show(); });
  $('report-export').addEventListener('click', exportCsv);
  $('report-close').addEventListener('click', close);
  $('report').addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });

  return {
    async open(chosen, button) {
      promotion = chosen; opener = button;
      $('report-title').textContent = `How promotion ${chosen.id} "${chosen.name}" did`;
      $('report').hidden = false;
      $('report').focus();
      await show();
    },
  };
}
