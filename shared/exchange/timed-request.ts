// One network exchange: a fetch and its body read, bounded by one deadline, the caller's cancel signal and a byte cap, with failures in words.
import { WorkbenchError } from '../errors/workbench-error';
import { durationText } from './duration-text';
import { networkError } from './network-error';
import { BodyTooLargeError, MAX_RESPONSE_BYTES, readCappedBody } from './read-capped-body';
import { TIMEOUT_LIMITS } from './timeout-limits';

/** How long one network step may take unless the caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = TIMEOUT_LIMITS.default;

/** What a network step needs: the fetch to use (injected), a timeout, the caller's cancel signal and a cap on the body. */
export interface NetOptions {
  fetch: typeof fetch;
  /** The deadline for the whole exchange, body included; default DEFAULT_TIMEOUT_MS. This is the one place a deadline is set. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The most the response body may hold; default MAX_RESPONSE_BYTES (1 MiB). */
  maxBodyBytes?: number;
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

/** Why the exchange was stopped: the caller's cancel or our own timer. */
type StopReason = 'cancelled' | 'timeout';

/** "1 MiB", "64 KiB" or bytes, for a message. */
function byteText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Sends one request and reads the whole answer, through a byte cap, within `timeoutMs` (default 15 s). `what` names the
 * endpoint in messages ("discovery endpoint"). One AbortController, held here for the whole exchange and fired by a plain
 * timer or by the caller's signal, stops the request and the body read alike, so no garbage collection can lose the deadline.
 * Throws ERR_CANCELLED (caller aborted), ERR_TIMEOUT, ERR_RESPONSE_TOO_LARGE, ERR_NETWORK, or a WorkbenchError the
 * injected fetch threw itself.
 */
export async function timedRequest(url: URL, request: PlainRequest, what: string, net: NetOptions): Promise<TimedResponse> {
  const timeoutMs = net.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = net.maxBodyBytes ?? MAX_RESPONSE_BYTES;
  const controller = new AbortController();
  let stopped: StopReason | null = null;
  // Settles (rejected) the moment the exchange is stopped: the fetch and each body read race against it, so the deadline
  // holds even where fetch loses its own link to the signal. Rejected by stop() itself: no listener on any signal.
  let rejectStopped: (reason: Error) => void = () => undefined;
  const whenStopped = new Promise<never>((_resolve, reject) => {
    rejectStopped = reject;
  });
  whenStopped.catch(() => undefined);
  const stop = (reason: StopReason): void => {
    if (stopped !== null) return;
    stopped = reason;
    const why = new Error(`request ${reason}`);
    controller.abort(why);
    rejectStopped(why);
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onCancel = (): void => stop('cancelled');
  if (net.signal?.aborted) stop('cancelled');
  net.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    const init: RequestInit = { method: request.method, headers: request.headers, signal: controller.signal };
    if (request.body !== undefined) init.body = request.body;
    const response = await untilStopped(net.fetch(url.href, init), whenStopped);
    const body = await readCappedBody(response, maxBodyBytes, whenStopped);
    const headers: Array<[string, string]> = [];
    response.headers.forEach((value, name) => headers.push([name.toLowerCase(), value]));
    return { url: url.href, status: response.status, headers, body, serverDateMs: parseHttpDate(response.headers.get('date')) };
  } catch (error) {
    // Whatever failed, the request and its body stop here (a no-op when the timer or the caller already stopped them).
    controller.abort();
    if (stopped === 'cancelled') {
      throw new WorkbenchError('ERR_CANCELLED', `Cancelled: the request to the ${what} was stopped before it finished.`, { cause: error });
    }
    if (stopped === 'timeout') {
      throw new WorkbenchError(
        'ERR_TIMEOUT',
        `The ${what} (${url.host}) did not answer within ${durationText(timeoutMs)}: check the network/VPN or try again.`,
        { cause: error },
      );
    }
    if (error instanceof BodyTooLargeError) {
      throw new WorkbenchError(
        'ERR_RESPONSE_TOO_LARGE',
        `The ${what} (${url.host}) sent more than ${byteText(error.limitBytes)}, which no answer of this kind needs: check the URL.`,
      );
    }
    if (error instanceof WorkbenchError) throw error;
    throw networkError(url.host, error);
  } finally {
    // A whole body read leaves nothing to stop; abort() is not called then (it builds a DOMException on every request).
    clearTimeout(timer);
    net.signal?.removeEventListener('abort', onCancel);
  }
}

/** The fetch's response, or a rejection the moment the exchange is stopped even if the fetch does not notice; a late response's body is cancelled. */
async function untilStopped(pending: Promise<Response>, whenStopped: Promise<never>): Promise<Response> {
  try {
    return await Promise.race([whenStopped, pending]);
  } catch (error) {
    pending.then(
      (late) => late.body?.cancel().catch(() => undefined),
      () => undefined,
    );
    throw error;
  }
}

/** The value of a response header (name in any case), or null. */
export function headerValue(response: TimedResponse, name: string): string | null {
  const lower = name.toLowerCase();
  return response.headers.find(([key]) => key === lower)?.[1] ?? null;
}
