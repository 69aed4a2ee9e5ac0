// The JSON API client: one error shape, {"ok": false, "error": "..."}, becomes an Error.

const cache = new Map();

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function fetchJson(url) {
  let response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" } });
  } catch (err) {
    throw new ApiError("the vitagraph server is not answering (is `vitagraph serve` still running?)", 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    throw new ApiError(`unexpected answer from ${url} (${response.status})`, response.status);
  }
  if (!response.ok || !body || body.ok === false) {
    throw new ApiError((body && body.error) || `${url} failed (${response.status})`, response.status);
  }
  return body;
}

/** GET a JSON endpoint; identical requests share one fetch for the life of the page. */
export function get(url, { fresh = false } = {}) {
  if (fresh || !cache.has(url)) {
    const p = fetchJson(url);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return cache.get(url);
}
