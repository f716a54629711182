// The two v2/token requests of a web or public app: the code exchange and the refresh (each answer carries a new refresh
// token, the old one spent), and their answer. A public app sends no client_secret; PKCE is not sent (not documented).
import type { PlainRequest, TimedResponse } from '../exchange/timed-request';
import { oauthErrorOf } from '../exchange/oauth-error';
import { jsonObjectBody } from '../exchange/response-body';
import { readS2sTokenResponse, type S2sTokenAnswer } from './s2s-token';
import { webAppOAuthAdvice, webAppTokenFailure, type WebGrant } from './web-app-oauth';

/** The longest refresh token kept. */
export const MAX_REFRESH_TOKEN_LENGTH = 4096;

/** The code exchange: `{grant_type: "authorization_code", code, client_id, client_secret?, redirect_uri}` in this order. */
export function codeExchangeFields(params: {
  code: string;
  clientId: string;
  clientSecret: string | null;
  redirectUri: string;
}): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['grant_type', 'authorization_code'],
    ['code', params.code],
    ['client_id', params.clientId],
  ];
  if (params.clientSecret !== null) fields.push(['client_secret', params.clientSecret]);
  fields.push(['redirect_uri', params.redirectUri]);
  return fields;
}

/** The refresh: `{grant_type: "refresh_token", client_id, client_secret?, refresh_token}` in this order. */
export function refreshTokenFields(params: {
  clientId: string;
  clientSecret: string | null;
  refreshToken: string;
}): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['grant_type', 'refresh_token'],
    ['client_id', params.clientId],
  ];
  if (params.clientSecret !== null) fields.push(['client_secret', params.clientSecret]);
  fields.push(['refresh_token', params.refreshToken]);
  return fields;
}

/** `POST <tokenBase>v2/token` with the fields as a JSON body. */
export function buildWebTokenRequest(tokenBaseUrl: URL, fields: Array<[string, string]>): { url: URL; request: PlainRequest } {
  return {
    url: new URL('v2/token', tokenBaseUrl),
    request: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(Object.fromEntries(fields)),
    },
  };
}

/** A web or public app's token answer: the access token's fields and the next refresh token (null without `offline`). */
export interface WebTokenAnswer extends S2sTokenAnswer {
  refreshToken: string | null;
}

/**
 * Reads a v2/token answer of either grant. A refused code is ERR_AUTH_CODE_REFUSED and a refused refresh token
 * ERR_REFRESH_TOKEN_REFUSED, both saying to sign in again (`signInAgain`); the rest as the server-to-server answer.
 */
export function readWebTokenResponse(
  response: TimedResponse,
  grant: WebGrant,
  signInAgain: string,
  json = jsonObjectBody(response.body),
): WebTokenAnswer {
  if (response.status < 200 || response.status > 299) throw webAppTokenFailure(response, grant, signInAgain);
  const oauth = oauthErrorOf(json, webAppOAuthAdvice(grant, signInAgain));
  if (oauth !== null) throw oauth;
  const answer = readS2sTokenResponse(response, json);
  const warnings = answer.warnings.map((warning) =>
    warning.code === 'WARN_EXPIRES_IN_UNEXPECTED'
      ? {
          ...warning,
          message: 'The token response has no usable expires_in: assuming 1200 s, the lifetime the docs give server-to-server tokens.',
        }
      : warning,
  );
  const next = json?.refresh_token;
  const refreshToken = typeof next === 'string' && next !== '' && next.length <= MAX_REFRESH_TOKEN_LENGTH ? next : null;
  return { ...answer, warnings, refreshToken };
}

/** The refresh token of an answer body before it is shown, so it is masked by value everywhere (null when there is none). */
export function refreshTokenIn(json: Record<string, unknown> | null): string | null {
  const value = json?.refresh_token;
  return typeof value === 'string' && value !== '' ? value : null;
}
