// Turns what fetch throws when a connection fails into words: refused, reset, DNS, TLS, timeout.
import { WorkbenchError } from '../errors/workbench-error';

const REASONS: ReadonlyArray<[RegExp, string]> = [
  [/^ECONNREFUSED$/, 'the connection was refused (nothing is listening there)'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|ECONNABORTED)$/, 'the connection was reset before an answer came'],
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/, 'the host name could not be resolved (DNS)'],
  [/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|ESOCKETTIMEDOUT)$/, 'the connection timed out'],
  [/^(ENETUNREACH|EHOSTUNREACH|ENETDOWN|EHOSTDOWN)$/, 'the network or host is unreachable'],
  [/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|EPROTO/, 'the TLS certificate or handshake was not accepted (a proxy re-signing traffic?)'],
];

/** The error codes (e.g. ECONNREFUSED) found on an error and its `cause` chain. */
export function networkErrorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (Array.isArray(errors)) for (const inner of errors) codes.push(...networkErrorCodes(inner));
    current = cause;
  }
  return codes;
}

/** The plain-words reason a connection failed, from the error codes fetch attaches. */
export function networkFailureReason(error: unknown): string {
  const codes = networkErrorCodes(error);
  for (const [pattern, reason] of REASONS) if (codes.some((code) => pattern.test(code))) return reason;
  return 'the request failed before an answer came';
}

/** An ERR_NETWORK error for a request to `host` that failed with `error` (the cause is kept, not shown). */
export function networkError(host: string, error: unknown): WorkbenchError {
  return new WorkbenchError(
    'ERR_NETWORK',
    `Could not reach ${host}: ${networkFailureReason(error)}. Check the URL, the network or VPN, then try again.`,
    {
      cause: error,
    },
  );
}
