// The legacy refresh of an App Center SSO JWT: POST authEndpoint {clientId, clientSecret, refreshToken, accessType: "offline"}.
import { WorkbenchError } from '../errors/workbench-error';
import { checkEndpointUrl, isLoopbackHost } from '../exchange/endpoint-url';
import type { FlowWarning } from '../exchange/flow-types';
import { parseOAuthErrorBody } from '../exchange/oauth-error';
import { jsonObjectBody, looksLikeHtml, quotableServerText } from '../exchange/response-body';
import type { PlainRequest, TimedResponse } from '../exchange/timed-request';
import { ENGAGEMENT_OAUTH_ADVICE } from './engagement-oauth';
import { MAX_ACCESS_TOKEN_LENGTH } from './s2s-token';
import { AUTH_HOST_SUFFIX } from './tenant';

/** What a refresh needs from the SSO JWT. */
export interface RefreshSource {
  authEndpoint: string;
  refreshToken: string;
}

const MAX_REFRESH_TOKEN_LENGTH = 4096;

function pick(payload: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = payload;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * The refresh token and authEndpoint of a decoded SSO JWT payload (claims version 1 or 2): `request.rest.refreshToken`, or
 * v1's `request.user.refreshToken`. ERR_REFRESH_NOT_AVAILABLE when either is missing (no API Integration component).
 */
export function refreshSourceOf(payload: Record<string, unknown>): RefreshSource {
  const refreshToken = pick(payload, ['request', 'rest', 'refreshToken']) ?? pick(payload, ['request', 'user', 'refreshToken']);
  const authEndpoint = pick(payload, ['request', 'rest', 'authEndpoint']);
  if (typeof refreshToken !== 'string' || refreshToken === '' || refreshToken.length > MAX_REFRESH_TOKEN_LENGTH) {
    throw new WorkbenchError(
      'ERR_REFRESH_NOT_AVAILABLE',
      'This JWT carries no refresh token: only App Center SSO JWTs of packages with an API Integration component have one (request.rest.refreshToken).',
    );
  }
  if (typeof authEndpoint !== 'string' || authEndpoint === '') {
    throw new WorkbenchError(
      'ERR_REFRESH_NOT_AVAILABLE',
      'This JWT names no request.rest.authEndpoint to refresh at: it is not an App Center SSO JWT.',
    );
  }
  return { authEndpoint, refreshToken };
}

/** The refresh request; the authEndpoint is checked (https, http only on loopback) first. */
export function buildRefreshRequest(source: RefreshSource, clientId: string, clientSecret: string): { url: URL; request: PlainRequest } {
  const url = checkEndpointUrl(source.authEndpoint, 'authEndpoint');
  const body = { clientId, clientSecret, refreshToken: source.refreshToken, accessType: 'offline' };
  return {
    url,
    request: { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) },
  };
}

/** Where a refresh may send the client secret: the saved profile's auth base (when it is the profile's secret), and whether the JWT's signature was verified. */
export interface RefreshDestination {
  profileAuthBase?: URL;
  signatureVerified?: boolean;
}

/**
 * Checks where the refresh would post the client secret, before anything is sent. A profile's stored secret goes only to
 * that profile's auth origin; an authEndpoint outside `https://*.auth.marketingcloudapis.com` (or loopback, for local
 * servers) is refused unless the JWT's signature was verified (anyone can write an unsigned JWT naming their own server).
 * ERR_REFRESH_HOST_REFUSED then; otherwise the warnings to show (loud, whenever the host is not a Marketing Cloud auth host).
 */
export function checkRefreshDestination(url: URL, where: RefreshDestination): FlowWarning[] {
  const host = url.hostname.toLowerCase();
  if (where.profileAuthBase !== undefined && url.origin !== where.profileAuthBase.origin) {
    throw new WorkbenchError(
      'ERR_REFRESH_HOST_REFUSED',
      `The JWT's authEndpoint (${url.host}) is not the auth host of the saved profile (${where.profileAuthBase.host}): the stored client secret was not sent. Refresh a JWT of that profile's tenant, or choose the profile of this tenant.`,
    );
  }
  const marketingCloud = url.protocol === 'https:' && url.port === '' && host.endsWith(AUTH_HOST_SUFFIX);
  if (marketingCloud) return [];
  if (!isLoopbackHost(host) && where.signatureVerified !== true) {
    throw new WorkbenchError(
      'ERR_REFRESH_HOST_REFUSED',
      `The JWT's authEndpoint (${url.host}) is not a Marketing Cloud auth host (<subdomain>${AUTH_HOST_SUFFIX}) and the JWT's signature was not verified: the client secret was not sent.`,
      {
        hint: "Verify the JWT first with the package's JWT signing secret (save it in the Engagement profile and refresh with that profile); only a JWT signed by Marketing Cloud may name where the secret goes.",
      },
    );
  }
  return [
    {
      code: 'WARN_AUTH_HOST',
      message: `WARNING: the client secret is posted to ${url.host}, which is not a Marketing Cloud auth host (<subdomain>${AUTH_HOST_SUFFIX})${isLoopbackHost(host) ? ' but this computer' : ', because the JWT signature was verified'}. Stop unless you run that server.`,
    },
  ];
}

/** What a refresh gave. */
export interface RefreshAnswer {
  accessToken: string;
  expiresIn: number;
  refreshToken: string | null;
}

const REFRESH_HINT =
  'The client id or secret is wrong, or the refresh token was already used (it works once, with a 5-minute grace) or has expired (up to 700 days). Open the app from Marketing Cloud again for a fresh JWT.';

/** The errorcode v1/requestToken answers for a package that is enhanced (reported in public trackers, with its message). */
export const NOT_ELIGIBLE_ERRORCODE = 10007;

/** What to use instead of v1/requestToken with an enhanced package, by the kind of its API Integration. */
export const ENHANCED_PACKAGE_HINT =
  'The package is enhanced (created since August 2019): it never gets the legacy refresh, and v1/requestToken refuses its client id. For a server-to-server integration get a token from v2/token (Engagement credentials in the app, or mctoken token --client-id ID --client-secret-env VAR --subdomain SUB); for a web or public app sign in with the authorization code (mctoken login).';

/**
 * ERR_LEGACY_ENDPOINT_NOT_ELIGIBLE for errorcode 10007, ERR_REFRESH_REJECTED for another `{message, errorcode}` body, an
 * OAuth error, or ERR_TOKEN_ENDPOINT_* for HTML, 5xx and the rest.
 */
export function refreshFailure(response: TimedResponse): WorkbenchError {
  const { status, body } = response;
  const json = jsonObjectBody(body);
  if (json !== null && String(json.errorcode) === String(NOT_ELIGIBLE_ERRORCODE)) {
    const said = typeof json.message === 'string' ? quotableServerText(json.message, 400) : '';
    return new WorkbenchError(
      'ERR_LEGACY_ENDPOINT_NOT_ELIGIBLE',
      `The auth endpoint refused the legacy refresh with HTTP ${status} (errorcode ${NOT_ELIGIBLE_ERRORCODE}): this package may not use v1/requestToken.${said === '' ? '' : ` It said: ${said}`}`,
      { hint: ENHANCED_PACKAGE_HINT },
    );
  }
  if (json !== null && typeof json.message === 'string') {
    const code =
      typeof json.errorcode === 'number' || typeof json.errorcode === 'string'
        ? ` (errorcode ${quotableServerText(String(json.errorcode), 20)})`
        : '';
    return new WorkbenchError(
      'ERR_REFRESH_REJECTED',
      `The auth endpoint refused the refresh with HTTP ${status}: ${quotableServerText(json.message) || 'no message'}${code}.`,
      {
        hint: REFRESH_HINT,
      },
    );
  }
  const oauth = parseOAuthErrorBody(body, ENGAGEMENT_OAUTH_ADVICE);
  if (oauth !== null) return oauth;
  if (looksLikeHtml(response)) {
    return new WorkbenchError(
      'ERR_TOKEN_ENDPOINT_NOT_JSON',
      `The auth endpoint answered HTTP ${status} with an HTML page, not JSON: a proxy may be in the way, or the authEndpoint is wrong.`,
    );
  }
  if (status >= 500)
    return new WorkbenchError(
      'ERR_TOKEN_ENDPOINT_HTTP',
      `The auth endpoint answered HTTP ${status}: the service may be down. Try again later.`,
    );
  if (status >= 200 && status <= 299) {
    return new WorkbenchError(
      'ERR_TOKEN_RESPONSE_INVALID',
      `The auth endpoint answered HTTP ${status} without an accessToken: check the authEndpoint of the JWT.`,
    );
  }
  return new WorkbenchError(
    'ERR_TOKEN_ENDPOINT_HTTP',
    `The auth endpoint answered HTTP ${status} without an explanation: check the authEndpoint and try again.`,
    { hint: REFRESH_HINT },
  );
}

/** Reads a refresh answer `{accessToken, expiresIn, refreshToken}`; throws what refreshFailure says otherwise. */
export function readRefreshResponse(response: TimedResponse): RefreshAnswer {
  if (response.status < 200 || response.status > 299) throw refreshFailure(response);
  const json = jsonObjectBody(response.body);
  const token = json?.accessToken;
  if (json === null || typeof token !== 'string' || token === '' || token.length > MAX_ACCESS_TOKEN_LENGTH) throw refreshFailure(response);
  const expiresIn = typeof json.expiresIn === 'number' && Number.isFinite(json.expiresIn) && json.expiresIn > 0 ? json.expiresIn : 3600;
  const next = json.refreshToken;
  return {
    accessToken: token,
    expiresIn,
    refreshToken: typeof next === 'string' && next !== '' && next.length <= MAX_REFRESH_TOKEN_LENGTH ? next : null,
  };
}
