// The status bar and the offline banner: online, offline or failing, documents waiting, the age of the oldest unsynced sale and
// of the catalogue snapshot, the last sync outcome. Ages are measured on the till's clock (status.now), not the browser's.
import { ageOf, durationText, minutesText } from './format.js';

const $ = testId => document.querySelector(`[data-testid="${testId}"]`);

// Shows a /api/status answer; returns true when the needs-attention count changed.
export function renderStatus(s) {
  // Failing is not offline: HQ answers but refuses this till's sync (an older HQ, a refused batch), and says why.
  const syncState = s.online ? 'online' : s.syncState === 'failing' ? 'failing' : 'offline';
  const pill = $('sync-state');
  pill.dataset.state = syncState;
  pill.className = `pill pill-${syncState}`;
  pill.textContent = { online: 'Online', offline: 'Offline', failing: 'Sync failing' }[syncState];
  pill.title = s.receiptKey ? `Receipt key: ${s.receiptKey}` : '';
  $('queue-depth').textContent = String(s.queueDepth);
  const demoLink = $('demo-link');
  demoLink.hidden = !s.demoLink;
  demoLink.dataset.state = s.demoLink ?? '';
  demoLink.textContent = s.demoLink === 'cut' ? 'Restore link (demo)' : 'Cut link (demo)';
  const oldest = ageOf(s.oldestUnsyncedAt, s.now);
  $('oldest-unsynced').textContent = oldest === null ? 'none' : durationText(oldest);
  const snapshot = ageOf(s.snapshotTakenAt, s.now);
  $('snapshot-age').textContent = snapshot === null ? 'none yet' : `${durationText(snapshot)} old`;
  const last = ageOf(s.lastSyncAt, s.now);
  // The bar has room for the gist ("HQ unreachable"); the whole sentence is the element's title and the banner's.
  const outcome = s.lastSyncOutcome ?? (s.lastSyncAt ? 'ok' : 'not yet');
  const gist = outcome.split(': ')[0];
  const age = last === null ? '' : ` · ${durationText(last)} ago`;
  $('last-sync').textContent = `${gist}${age}`;
  $('last-sync').title = `${outcome}${age}`;
  const attention = $('attention-button');
  const count = Number(s.attentionCount ?? 0);
  const attentionChanged = attention.dataset.count !== String(count);
  attention.dataset.count = String(count);
  $('attention-count').textContent = String(count);

  // The till's log against HQ's signed statement (a restore from an old backup, a truncation): named, never repaired here.
  const chainWarning = $('chain-warning');
  chainWarning.textContent = s.chain ? `Document log: ${s.chain}. Tell a manager before trusting this till's history.` : '';
  chainWarning.hidden = !s.chain;

  const store = s.store;
  $('store-name').textContent = store ? (store.tradeName || store.legalName) : 'TillSync';
  $('till-name').textContent = [s.tillName, s.billPrefix ? `bills ${s.billPrefix}` : null, store?.gstin ? `GSTIN ${store.gstin}` : null].filter(Boolean).join(' · ');

  const banner = $('offline-banner');
  banner.classList.remove('down');
  if (syncState === 'failing') {
    const failingFor = ageOf(s.offlineSince, s.now);
    const waiting = `${s.queueDepth} document${s.queueDepth === 1 ? '' : 's'} waiting`;
    banner.textContent = `Sync failing${failingFor === null ? '' : ` for ${minutesText(failingFor)}`}: ${s.lastSyncOutcome ?? 'HQ refused the sync'}. `
      + `${waiting}. Keep selling: everything is saved on this till and goes once HQ takes it.`;
    banner.dataset.state = 'failing';
    banner.hidden = false;
  } else if (!s.online) {
    const offlineFor = ageOf(s.offlineSince, s.now);
    const waiting = `${s.queueDepth} sale${s.queueDepth === 1 ? '' : 's'} waiting`;
    const why = s.lastSyncOutcome ? ` (${s.lastSyncOutcome})` : '';
    const since = offlineFor !== null ? `Offline for ${minutesText(offlineFor)}${why}`
      : s.lastSyncAt ? `Offline${why}` : `Not connected to HQ yet${why}`;
    const stock = snapshot === null ? 'No catalogue snapshot from HQ yet.' : `Stock figures may be stale (catalogue ${durationText(snapshot)} old).`;
    const retryIn = s.retryAt ? -ageOf(s.retryAt, s.now) : null;
    const retry = retryIn === null || Number.isNaN(retryIn) ? '' : retryIn > 1000 ? ` Next try in ${durationText(retryIn)}.` : ' Trying HQ now.';
    banner.textContent = `${since}, ${waiting}. Keep selling: sales are saved on this till and sync when HQ is reachable.${retry} ${stock}`;
    banner.dataset.state = 'offline';
    banner.hidden = false;
  } else {
    banner.hidden = true;
    banner.dataset.state = 'online';
  }
  return attentionChanged;
}

// The till's own service is not answering: nothing can be recorded until it is back.
export function renderStatusDown(error) {
  const pill = $('sync-state');
  pill.dataset.state = 'down';
  pill.className = 'pill pill-down';
  pill.textContent = 'Till service down';
  const banner = $('offline-banner');
  banner.classList.add('down');
  banner.dataset.state = 'down';
  banner.textContent = `${error.message} Sales cannot be recorded until it is back; the cart on screen is kept.`;
  banner.hidden = false;
}
