// One network step of the flow: a fetch bounded by a timeout and the caller's cancel signal, with failures in words.
import { WorkbenchError } from '../errors/workbench-error';
import { durationText } from './duration-text';
import { networkError } from './network-error';

/** How long one network step may take unless the caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** What a network step needs: the fetch to use (injected), a timeout and the caller's cancel signal. */
export interface NetOptions {
  fetch: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A request as timedRequest sends it. */
export interface PlainRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** A response read whole: status, headers (lowercase names), body text and the server's Date header. */
export interface TimedResponse {
  url: string;
  status: number;
  headers: Array<[string, string]>;
  body: string;
  /** The `Date` header as milliseconds since the epoch, or null when absent or unparsable. */
  serverDateMs: number | null;
}

/** Parses an HTTP `Date` header into milliseconds since the epoch, or null. */
export function parseHttpDate(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Sends one request and reads the whole answer within `timeoutMs` (default 15 s). `what` names the endpoint in
 * messages ("discovery endpoint"). Throws ERR_CANCELLED (caller aborted), ERR_TIMEOUT, ERR_NETWORK, or a
 * WorkbenchError the injected fetch threw itself.
 */
export async function timedRequest(url: URL, request: PlainRequest, what: string, net: NetOptions): Promise<TimedResponse> {
  const timeoutMs = net.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = net.signal === undefined ? timeout : AbortSignal.any([net.signal, timeout]);
  try {
    const init: RequestInit = { method: request.method, headers: request.headers, signal };
    if (request.body !== undefined) init.body = request.body;
    const response = await net.fetch(url.href, init);
    const body = await response.text();
    const headers: Array<[string, string]> = [];
    response.headers.forEach((value, name) => headers.push([name.toLowerCase(), value]));
    return { url: url.href, status: response.status, headers, body, serverDateMs: parseHttpDate(response.headers.get('date')) };
  } catch (error) {
    if (net.signal?.aborted) {
      throw new WorkbenchError('ERR_CANCELLED', `Cancelled: the request to the ${what} was stopped before it finished.`, { cause: error });
    }
    if (timeout.aborted) {
      throw new WorkbenchError(
        'ERR_TIMEOUT',
        `The ${what} (${url.host}) did not answer within ${durationText(timeoutMs)}: check the network/VPN or try again.`,
        { cause: error },
      );
    }
    if (error instanceof WorkbenchError) throw error;
    throw networkError(url.host, error);
  }
}

/** The value of a response header (name in any case), or null. */
export function headerValue(response: TimedResponse, name: string): string | null {
  const lower = name.toLowerCase();
  return response.headers.find(([key]) => key === lower)?.[1] ?? null;
}
