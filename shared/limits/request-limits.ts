// The size bounds on IPC requests: the router refuses anything beyond them, and the renderer caps its inputs with the same
// numbers. A run's timeout bounds are in shared/exchange/timeout-limits.ts, with its default.
import { MAX_TOKEN_CHARS } from '../decode/decode-token';

/** Upper bounds on request strings, checked before any handler runs (characters). */
export const REQUEST_LIMITS = Object.freeze({
  /** A pasted private key PEM (a 4096-bit encrypted key is about 3.4 KB). */
  pem: 16 * 1024,
  /** A pasted token: as large as the decoder accepts. */
  token: MAX_TOKEN_CHARS,
  /** A key passphrase. */
  passphrase: 1024,
  /** An Engagement JWT signing secret. */
  signingSecret: 4096,
  /** A profile or run id. */
  id: 128,
  /** A profile name as sent, spaces included: a bound on the request only; the name rule is MAX_PROFILE_NAME_LENGTH after trimming. */
  name: 200,
  /** A client id / service account id. */
  clientId: 512,
  /** A URL. */
  url: 2048,
  /** An Engagement client secret. */
  clientSecret: 512,
  /** An Engagement subdomain (a host name label). */
  subdomain: 63,
  /** Space-separated Engagement scopes. */
  scope: 20_000,
  /** An Engagement business unit MID. */
  accountId: 32,
  /** The address the browser ended on after a web app's sign-in, pasted back (as redirect-answer.ts reads at most). */
  pastedAddress: 16 * 1024,
});
