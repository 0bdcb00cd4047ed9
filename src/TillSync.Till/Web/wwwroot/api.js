// The one way the cashier page calls the till's local API: every failure becomes an ApiError whose message is a
// sentence for the cashier (the server's problem+json detail, or what went wrong with the request itself).

const REQUEST_TIMEOUT_MS = 15000;

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

// Every call goes through here so that every failure reaches the cashier as a sentence: the server's
// problem+json `detail` when there is one, otherwise what went wrong with the request itself.
export async function api(method, path, body) {
  // The till takes writes only as JSON, even a write without a payload (docs/security.md): send an empty object.
  if (body === undefined && method !== 'GET') body = {};
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch (error) {
    const why = error?.name === 'AbortError' ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : (error?.message || 'network error');
    throw new ApiError(`The till service is not answering (${why}). Is tillsync till running?`, 0);
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    // No cashier logged in (or the till locked itself after idling): the login dialog opens (staff.js).
    if (response.status === 401) window.dispatchEvent(new CustomEvent('tillsync:login-required'));
    // No shift open on the till: the dialog that opens one (shift.js).
    if (response.status === 409 && json?.title === 'Open a shift first') window.dispatchEvent(new CustomEvent('tillsync:shift-required'));
    const detail = json?.detail || json?.title || (text && text.length < 300 ? text : '') || response.statusText;
    throw new ApiError(detail ? `${detail}` : `The till answered ${response.status}.`, response.status);
  }
  if (text && json === null) throw new ApiError(`The till sent an answer that is not JSON (${method} ${path}).`, response.status);
  return json;
}
