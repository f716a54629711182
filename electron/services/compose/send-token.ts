// "Send to endpoint": POSTs a token to the URL the user typed, as Journey Builder (or the SSO login form) would, and reports
// what came back. Only that URL is contacted: https, or http on loopback; a redirect is reported, never followed (so nothing
// is resent to another origin); one deadline covers the whole exchange and the body is read through a byte cap.
import type { SendReport, SendRequest } from '../../../shared/compose/compose-types';
import { sendBodyOf } from '../../../shared/compose/send-body';
import { isWorkbenchError } from '../../../shared/errors/workbench-error';
import { maskErrorSecrets } from '../../../shared/exchange/mask-secrets';
import { checkEndpointUrl } from '../../../shared/exchange/endpoint-url';
import { jsonObjectBody } from '../../../shared/exchange/response-body';
import { showResponse } from '../../../shared/exchange/shown-exchange';
import { timedRequest, type TimedResponse } from '../../../shared/exchange/timed-request';

/** The most a send's answer may hold: an activity answers a few bytes of JSON. */
export const MAX_SEND_RESPONSE_BYTES = 256 * 1024;

/** Top-level members of a JSON answer masked in the shown body (with a reveal): an endpoint may answer tokens of its own. */
const SENSITIVE_KEYS = ['access_token', 'refresh_token', 'accessToken', 'refreshToken', 'token', 'jwt'];

/** What sending needs: the fetch (safe-fetch), the caller's cancel signal and a clock for the timing. */
export interface SendDeps {
  fetch: typeof fetch;
  signal?: AbortSignal;
  now?: () => number;
}

/** Where a redirect points, resolved against the URL it came from; null when the answer is not one. */
function redirectTarget(response: Pick<TimedResponse, 'status' | 'headers'>, base: URL): string | null {
  if (response.status < 300 || response.status > 399) return null;
  const location = response.headers.find(([name]) => name === 'location')?.[1];
  if (location === undefined) return null;
  try {
    return new URL(location, base).href;
  } catch {
    return location.slice(0, 2048);
  }
}

/**
 * Sends the token and reports status, time, headers and the capped body, with the token itself masked wherever the endpoint
 * echoes it. Throws ERR_URL_INVALID / ERR_URL_INSECURE before any connection, ERR_TIMEOUT, ERR_CANCELLED, ERR_NETWORK; a body
 * over MAX_SEND_RESPONSE_BYTES is reported (status and headers) without it.
 */
export async function sendToken(request: SendRequest, deps: SendDeps): Promise<SendReport> {
  const url = checkEndpointUrl(request.url, 'endpoint URL');
  const { contentType, body } = sendBodyOf(request.token, request.style);
  const now = deps.now ?? (() => performance.now());
  // The status and headers, kept as they arrive: a body over the cap still leaves them to report.
  let head: Pick<TimedResponse, 'status' | 'headers'> | null = null;
  const manualFetch: typeof fetch = async (input, init) => {
    const response = await deps.fetch(input, { ...init, redirect: 'manual' });
    const headers: Array<[string, string]> = [];
    response.headers.forEach((value, name) => headers.push([name.toLowerCase(), value]));
    head = { status: response.status, headers };
    return response;
  };
  const started = now();
  const base = { url: url.href, method: 'POST' as const, contentType, sentBytes: new TextEncoder().encode(body).length };
  const secrets = [request.token];
  try {
    const response = await timedRequest(url, { method: 'POST', headers: { 'content-type': contentType }, body }, 'endpoint', {
      fetch: manualFetch,
      maxBodyBytes: MAX_SEND_RESPONSE_BYTES,
      ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
      ...(deps.signal === undefined ? {} : { signal: deps.signal }),
    });
    return {
      ...base,
      durationMs: now() - started,
      response: showResponse(response, SENSITIVE_KEYS, jsonObjectBody(response.body), secrets),
      redirectedTo: redirectTarget(response, url),
      bodyTooLarge: false,
    };
  } catch (error) {
    const seen = head as Pick<TimedResponse, 'status' | 'headers'> | null;
    if (isWorkbenchError(error) && error.code === 'ERR_RESPONSE_TOO_LARGE' && seen !== null) {
      const shown = showResponse(
        { url: url.href, status: seen.status, headers: seen.headers, body: '', serverDateMs: null },
        [],
        null,
        secrets,
      );
      return { ...base, durationMs: now() - started, response: shown, redirectedTo: redirectTarget(seen, url), bodyTooLarge: true };
    }
    throw maskErrorSecrets(error, secrets);
  }
}
