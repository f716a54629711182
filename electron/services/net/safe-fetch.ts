import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { checkEndpointUrl } from '../../../shared/intelligence/endpoint-url';
import { dropBodyHeaders, dropCredentialHeaders, isRedirectStatus, redirectBecomesGet } from './redirect-rules';

/** How long a request (headers and body) may take before it fails with ERR_TIMEOUT, unless the caller says otherwise. */
export const DEFAULT_SAFE_FETCH_TIMEOUT_MS = 30_000;

/** How many redirects are followed before giving up. */
export const MAX_REDIRECTS = 5;

/** Options of createSafeFetch; `fetch` is the underlying fetch (the global one by default). */
export interface SafeFetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRedirects?: number;
}

/** One hop of a request: everything needed to send it again after a redirect. */
interface Hop {
  url: URL;
  method: string;
  headers: Headers;
  body: ArrayBuffer | undefined;
}

/** Reads the caller's request once (the body is buffered so a 307/308 can resend it). */
async function firstHop(input: RequestInfo | URL, init: RequestInit | undefined): Promise<{ hop: Hop; signal: AbortSignal }> {
  const request = new Request(input, init);
  const url = checkEndpointUrl(request.url, 'request URL');
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  const body = hasBody ? await request.arrayBuffer() : undefined;
  return { hop: { url, method: request.method, headers: new Headers(request.headers), body }, signal: request.signal };
}

/** Works out the next hop of a redirect, refusing https→http, non-loopback http and unparsable targets, and dropping credentials across origins. */
function nextHop(current: Hop, status: number, location: string): Hop {
  let target: URL;
  try {
    target = new URL(location, current.url);
  } catch {
    throw new WorkbenchError('ERR_URL_INVALID', `${current.url.host} redirected to an address that is not a valid URL: check the URL you entered.`);
  }
  if (current.url.protocol === 'https:' && target.protocol !== 'https:') {
    throw new WorkbenchError('ERR_URL_INSECURE', `${current.url.host} redirected from https to an insecure address, which was refused: use the https URL the service documents.`);
  }
  const url = checkEndpointUrl(target.href, 'redirect target');
  const headers = new Headers(current.headers);
  if (url.origin !== current.url.origin) dropCredentialHeaders(headers);
  if (redirectBecomesGet(status, current.method)) {
    dropBodyHeaders(headers);
    return { url, method: 'GET', headers, body: undefined };
  }
  return { url, method: current.method, headers, body: current.body };
}

/** A duration for a message: whole seconds when it is at least one, else milliseconds. */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/** Cancels a response body we will not read, so its connection is released. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * A fetch for the main process and the CLI: https only (http for loopback), at most MAX_REDIRECTS redirects followed by hand,
 * credentials dropped when a redirect leaves the origin, https→http refused, and a default timeout (ERR_TIMEOUT).
 */
export function createSafeFetch(options: SafeFetchOptions = {}): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SAFE_FETCH_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;

  return async function safeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const { hop: start, signal: callerSignal } = await firstHop(input, init);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([callerSignal, timeout]);
    const mode = init?.redirect ?? 'follow';
    let hop = start;
    try {
      for (let redirects = 0; ; redirects += 1) {
        const response = await baseFetch(hop.url.href, { method: hop.method, headers: hop.headers, body: hop.body, redirect: 'manual', signal });
        const location = response.headers.get('location');
        if (!isRedirectStatus(response.status) || location === null || mode === 'manual') return response;
        await discard(response);
        if (mode === 'error') throw new WorkbenchError('ERR_NETWORK', `${hop.url.host} answered with a redirect, which this request does not follow: check the URL.`);
        if (redirects >= maxRedirects) throw new WorkbenchError('ERR_NETWORK', `${start.url.host} redirected more than ${maxRedirects} times: check the URL.`);
        hop = nextHop(hop, response.status, location);
      }
    } catch (error) {
      if (timeout.aborted && !callerSignal.aborted) {
        throw new WorkbenchError('ERR_TIMEOUT', `${hop.url.host} did not answer within ${formatDuration(timeoutMs)}: check the network/VPN or try again.`, { cause: error });
      }
      throw error;
    }
  };
}
