// The warnings and notes raised while explaining a token: expiry, clock, unsigned tokens, unprotected headers, live
// tokens in claims, single-use refresh tokens, legacy-only SSO JWTs, custom-activity calls, what was stripped from the
// input and claims no catalog knows. Each has a severity: a `warning` says something is wrong or risky; an `info` note
// states a fact about a sound token, so a valid token shows no warning.
import type { DecodedToken, JsonObject } from '../decode/decoded-token';
import type { TokenKind } from '../decode/token-kind';
import type { TokenWarning } from './explained-claim';
import { isoFromMs } from './interpret/numeric-date';
import { formatDuration } from './interpret/relative-time';

/** Clock skew tolerated before nbf or iat in the future is reported, in milliseconds. */
export const CLOCK_SKEW_MS = 60_000;

const LIVE_TOKEN_FIELDS = ['oauthToken', 'internalOauthToken', 'refreshToken'] as const;
const MAX_LISTED_PATHS = 5;

const RENEW: Readonly<Record<TokenKind, string>> = {
  'engagement-sso-v1': 'Open the app from Marketing Cloud again to get a fresh JWT.',
  'engagement-sso-v2': 'Open the app from Marketing Cloud again to get a fresh JWT.',
  'intelligence-assertion': 'Sign a new assertion.',
  'engagement-access-token': 'Request a new token.',
  'custom-activity': 'Journey Builder signs a new one for every call.',
  generic: 'Get a new token from its issuer.',
  jws: 'Get a new one from its issuer.',
};

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function isLiveString(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function isSso(kind: TokenKind): boolean {
  return kind === 'engagement-sso-v1' || kind === 'engagement-sso-v2';
}

function timeWarnings(payload: JsonObject, now: number, kind: TokenKind, out: TokenWarning[]): void {
  const exp = payload.exp;
  if (typeof exp === 'number' && Number.isFinite(exp) && exp * 1000 <= now) {
    out.push({
      code: 'WARN_EXPIRED',
      severity: 'warning',
      path: 'exp',
      message: `This token expired ${formatDuration(now - exp * 1000)} ago (${isoFromMs(exp * 1000) ?? 'long ago'}). ${RENEW[kind]}`,
    });
  }
  for (const path of ['nbf', 'iat'] as const) {
    const value = payload[path];
    if (typeof value !== 'number' || !Number.isFinite(value) || value * 1000 - now <= CLOCK_SKEW_MS) continue;
    const when = `${formatDuration(value * 1000 - now)} in the future (${isoFromMs(value * 1000) ?? 'far ahead'})`;
    const what = path === 'nbf' ? `It is not valid yet: nbf is ${when}.` : `It claims to be issued ${when}.`;
    out.push({ code: 'WARN_NOT_YET_VALID', severity: 'warning', path, message: `${what} Check this computer's clock and the issuer's.` });
  }
  if (exp !== undefined) return;
  if (isSso(kind)) {
    out.push({
      code: 'WARN_NO_EXPIRY',
      severity: 'warning',
      path: 'exp',
      message: 'No exp claim, although App Center SSO JWTs carry one: do not accept this JWT for a login.',
    });
  } else if (kind === 'generic') {
    out.push({
      code: 'WARN_NO_EXPIRY',
      severity: 'warning',
      path: 'exp',
      message: 'No exp claim: this token never expires on its own. Keep it secret and prefer short-lived tokens.',
    });
  } else if (kind === 'engagement-access-token') {
    out.push({
      code: 'WARN_NO_EXPIRY',
      severity: 'info',
      message:
        'Engagement access tokens carry no exp: this one lasts expires_in seconds from the token response that issued it (the docs say 20 minutes).',
    });
  }
}

function engagementWarnings(payload: JsonObject, out: TokenWarning[]): void {
  out.push({
    code: 'WARN_LEGACY_PACKAGE',
    severity: 'info',
    message:
      'Only legacy installed packages receive this SSO JWT. Packages created since August 2019 ("enhanced") never get one: they use OAuth 2 (authorization code) and GET v2/userinfo instead.',
  });
  const request = asObject(payload.request);
  const user = asObject(request?.user);
  const rest = asObject(request?.rest);
  const live: string[] = [];
  if (user !== undefined) for (const field of LIVE_TOKEN_FIELDS) if (isLiveString(user[field])) live.push(`request.user.${field}`);
  if (rest !== undefined && isLiveString(rest.mcAccessToken)) live.push('request.rest.mcAccessToken');
  if (live.length > 0) {
    out.push({
      code: 'WARN_LIVE_TOKENS_IN_CLAIMS',
      severity: 'warning',
      path: live[0]!,
      message: `This JWT carries live API tokens (${live.join(', ')}): treat it like a password and never paste it into shared tools, tickets or logs.`,
    });
  }
  if (rest !== undefined && isLiveString(rest.refreshToken)) out.push(refreshTokenNote('request.rest.refreshToken'));
  if (user !== undefined && isLiveString(user.refreshToken)) out.push(refreshTokenNote('request.user.refreshToken'));
}

function refreshTokenNote(path: string): TokenWarning {
  return {
    code: 'WARN_REFRESH_TOKEN_SINGLE_USE',
    severity: 'info',
    path,
    message: `${path} works once: it is valid up to 700 days or until used (a second use gets 401 after a 5-minute grace), and each refresh returns a new refresh token that you must store and use next time.`,
  };
}

/** The paths, at most MAX_LISTED_PATHS of them, and how many more. */
function listed(paths: readonly string[]): string {
  const more = paths.length > MAX_LISTED_PATHS ? ` and ${paths.length - MAX_LISTED_PATHS} more` : '';
  return `${paths.slice(0, MAX_LISTED_PATHS).join(', ')}${more}`;
}

// JSON.parse keeps the last of duplicate names; another parser may keep the first, so two systems read different tokens.
function duplicateKeysWarning(token: DecodedToken, out: TokenWarning[]): void {
  const { header, payload, serialization } = token.duplicateKeys;
  if (header.length === 0 && payload.length === 0 && serialization.length === 0) return;
  const parts = [
    header.length > 0 ? `the header (${listed(header)})` : '',
    payload.length > 0 ? `the payload (${listed(payload)})` : '',
    serialization.length > 0 ? `the JWS JSON serialization (${listed(serialization)})` : '',
  ].filter(Boolean);
  out.push({
    code: 'WARN_DUPLICATE_KEYS',
    severity: 'warning',
    ...(payload[0] === undefined ? {} : { path: payload[0] }),
    message: `Names given twice in ${parts.join(', ')}: the last value of each is shown, but another parser may use the first, so systems can read this token differently. Do not accept a token like this.`,
  });
}

function customActivityNote(out: TokenWarning[]): void {
  out.push({
    code: 'WARN_CUSTOM_ACTIVITY_CALL',
    severity: 'info',
    message:
      "Journey Builder POSTs this JWT as the request body to the activity's execute, save, validate, publish or stop URL when its config.json says \"useJwt\": true (documented; the Content-Type application/jwt is seen in public code). It is signed HS256 with the JWT signing secret of the package that holds the activity, or, when the activity names a customerKey, with that Salt key from Key Management, verified with the key's bytes (choose hex for the key as Key Management shows it). Pin the algorithm when you verify: jsonwebtoken's option is algorithms: ['HS256']; { algorithm: 'HS256' }, as many templates write it, pins nothing.",
  });
}

// What the cleaner removed around the token (a request line, headers, quotes, a JSON field): said once, so nothing is silently dropped.
function strippedNote(stripped: readonly string[], out: TokenWarning[]): void {
  if (stripped.length === 0) return;
  out.push({
    code: 'WARN_INPUT_STRIPPED',
    severity: 'info',
    message: `The token was read from what was pasted around it: removed ${stripped.join(', ')}.`,
  });
}

function undocumentedWarning(paths: readonly string[], out: TokenWarning[]): void {
  if (paths.length === 0) return;
  const count = paths.length === 1 ? '1 claim is' : `${paths.length} claims are`;
  out.push({
    code: 'WARN_UNDOCUMENTED_CLAIMS',
    severity: 'info',
    path: paths[0]!,
    message: `${count} not in the public docs for this kind of token: ${listed(paths)}. They are shown as found.`,
  });
}

/** The names in the signatures' unprotected headers, each once; none (and nothing built) for a compact token. */
function unprotectedNames(token: DecodedToken): string[] {
  let names: Set<string> | null = null;
  for (const signature of token.signatures)
    if (signature.unprotectedHeader !== null) for (const name of Object.keys(signature.unprotectedHeader)) (names ??= new Set()).add(name);
  return names === null ? [] : [...names];
}

/**
 * The warnings and notes about a decoded token at time `now` (ms), warnings first; `unknownPaths` are the payload
 * paths no catalog entry describes.
 */
export function tokenWarnings(token: DecodedToken, unknownPaths: readonly string[], now: number): TokenWarning[] {
  const out: TokenWarning[] = [];
  const alg = token.header.alg;
  if (typeof alg === 'string' && alg.length === 4 && alg.toLowerCase() === 'none') {
    out.push({
      code: 'WARN_ALG_NONE',
      severity: 'warning',
      path: 'alg',
      message: 'alg is "none": this token is unsigned, so anyone can forge or change it. Never accept it.',
    });
  }
  if (token.payloadText?.encoding === 'utf8' && token.payloadText.text.trimStart().startsWith('{')) {
    out.push({
      code: 'WARN_PAYLOAD_NOT_JSON',
      severity: 'warning',
      message:
        'The payload starts like JSON claims but is not valid JSON, so it is shown as text: if this should be a JWT, it was damaged or cut short.',
    });
  }
  const unprotected = unprotectedNames(token);
  if (unprotected.length > 0) {
    const names = unprotected.slice(0, MAX_LISTED_PATHS).join(', ');
    out.push({
      code: 'WARN_UNPROTECTED_HEADER',
      severity: 'warning',
      message: `The unprotected header (${names}) is not covered by the signature: anyone could change it without breaking the signature. Trust only the protected header and the payload.`,
    });
  }
  duplicateKeysWarning(token, out);
  timeWarnings(token.payload, now, token.kind, out);
  if (isSso(token.kind)) engagementWarnings(token.payload, out);
  if (token.kind === 'custom-activity') customActivityNote(out);
  // An activity call carries whatever its configuration adds: unknown fields are shown as found, with no note.
  else if (token.kind !== 'generic') undocumentedWarning(unknownPaths, out);
  strippedNote(token.stripped, out);
  const warnings: TokenWarning[] = [];
  for (const w of out) if (w.severity === 'warning') warnings.push(w);
  for (const w of out) if (w.severity === 'info') warnings.push(w);
  return warnings;
}
