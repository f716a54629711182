// A TimedResponse as timedRequest returns one, for tests of the code that reads answers (no network).
import type { TimedResponse } from '../../shared/exchange/timed-request';

/** An answer with this status and body, its Content-Type (JSON unless given), from `url`, without a Date header. */
export function timedResponse(status: number, body: string, contentType = 'application/json', url = 'https://x/'): TimedResponse {
  return { url, status, headers: [['content-type', contentType]], body, serverDateMs: null };
}
