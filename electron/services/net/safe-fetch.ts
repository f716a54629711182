import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { checkEndpointUrl } from '../../../shared/exchange/endpoint-url';
import { dropBodyHeaders, dropCredentialHeaders, isRedirectStatus, redirectBecomesGet } from './redirect-rules';

/** How many redirects are followed before giving up. */
export const MAX_REDIRECTS = 5;

/** Options of createSafeFetch; `fetch` is the underlying fetch (the global one by default). */
export interface SafeFetchOptions {
  fetch?: typeof fetch;
  maxRedirects?: number;
}

/** One hop of a request: everything needed to send it again after a redirect. */
interface Hop {
  url: URL;
  method: string;
  /** As the caller gave them on the first hop; a Headers copy after a redirect (nextHop builds it). */
  headers: HeadersInit | undefined;
  body: ArrayBuffer | string | undefined;
}

/**
 * Reads the caller's request once (the body is buffered so a same-origin 307/308 can resend it). The caller's own signal is
 * passed on as it is: a signal re-derived through `new Request()` follows it only weakly and stops following after a GC.
 */
async function firstHop(input: RequestInfo | URL, init: RequestInit | undefined): Promise<{ hop: Hop; signal: AbortSignal | undefined }> {
  const request = new Request(input, init);
  const url = checkEndpointUrl(request.url, 'request URL');
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  const body = hasBody ? await request.arrayBuffer() : undefined;
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  return { hop: { url, method: request.method, headers: new Headers(request.headers), body }, signal };
}

/** timedRequest's call, a URL and a text body, needs no Request built and drained: the text can be sent again as it is. */
function textHop(input: RequestInfo | URL, init: RequestInit | undefined): Hop | null {
  if (typeof input !== 'string' || (init?.body !== undefined && typeof init.body !== 'string')) return null;
  return {
    url: checkEndpointUrl(input, 'request URL'),
    method: init?.method?.toUpperCase() ?? 'GET',
    headers: init?.headers,
    body: init?.body,
  };
}

/** Works out the next hop of a redirect, refusing https→http, non-loopback http and unparsable targets, and dropping credentials across origins. */
function nextHop(current: Hop, status: number, location: string): Hop {
  let target: URL;
  try {
    target = new URL(location, current.url);
  } catch {
    throw new WorkbenchError(
      'ERR_URL_INVALID',
      `${current.url.host} redirected to an address that is not a valid URL: check the URL you entered.`,
    );
  }
  if (current.url.protocol === 'https:' && target.protocol !== 'https:') {
    throw new WorkbenchError(
      'ERR_URL_INSECURE',
      `${current.url.host} redirected from https to an insecure address, which was refused: use the https URL the service documents.`,
    );
  }
  const url = checkEndpointUrl(target.href, 'redirect target');
  const headers = new Headers(current.headers);
  if (url.origin !== current.url.origin) dropCredentialHeaders(headers);
  if (current.method === 'POST' && redirectBecomesGet(status, current.method)) {
    // Every POST sent is a token request: a 301/302/303 would turn it into a GET whose answer, from wherever the redirect
    // points, would be read as the token. Refused, not followed.
    throw new WorkbenchError(
      'ERR_REDIRECT_POST',
      `${current.url.host} answered the POST with HTTP ${status} (a redirect to ${url.host}), which was refused: a token request is never turned into a GET. Check the URL.`,
    );
  }
  if (redirectBecomesGet(status, current.method)) {
    dropBodyHeaders(headers);
    return { url, method: 'GET', headers, body: undefined };
  }
  if (current.body !== undefined && url.origin !== current.url.origin) {
    // The body may carry a client assertion, a client secret or a refresh token: it never travels to an origin the caller did not choose.
    throw new WorkbenchError(
      'ERR_REDIRECT_CROSS_ORIGIN',
      `${current.url.host} redirected the request and its body to another site (${url.host}), which was refused so no credential is resent: check the URL.`,
    );
  }
  return { url, method: current.method, headers, body: current.body };
}

/** Cancels a response body we will not read, so its connection is released. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * A fetch for the main process and the CLI: https only (http for loopback), at most MAX_REDIRECTS redirects followed by hand,
 * credentials dropped when a redirect leaves the origin, a body never resent to another origin, https→http refused.
 * It sets no deadline of its own: timedRequest holds the one deadline for the whole exchange and passes its signal here.
 */
export function createSafeFetch(options: SafeFetchOptions = {}): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;

  return async function safeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const text = textHop(input, init);
    const { hop: start, signal } = text === null ? await firstHop(input, init) : { hop: text, signal: init?.signal ?? undefined };
    const mode = init?.redirect ?? 'follow';
    let hop = start;
    for (let redirects = 0; ; redirects += 1) {
      signal?.throwIfAborted();
      const response = await baseFetch(hop.url.href, {
        method: hop.method,
        headers: hop.headers,
        body: hop.body,
        redirect: 'manual',
        signal: signal ?? null,
      });
      const location = response.headers.get('location');
      if (!isRedirectStatus(response.status) || location === null || mode === 'manual') return response;
      void discard(response);
      if (mode === 'error')
        throw new WorkbenchError(
          'ERR_NETWORK',
          `${hop.url.host} answered with a redirect, which this request does not follow: check the URL.`,
        );
      if (redirects >= maxRedirects)
        throw new WorkbenchError('ERR_NETWORK', `${start.url.host} redirected more than ${maxRedirects} times: check the URL.`);
      hop = nextHop(hop, response.status, location);
    }
  };
}
