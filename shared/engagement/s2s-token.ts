// The server-to-server token request (POST <auth>v2/token, JSON body) and its answer.
import { WorkbenchError } from '../errors/workbench-error';
import type { FlowWarning } from '../exchange/flow-types';
import { oauthErrorOf } from '../exchange/oauth-error';
import { isJsonBody, jsonObjectBody } from '../exchange/response-body';
import type { PlainRequest, TimedResponse } from '../exchange/timed-request';
import { ENGAGEMENT_OAUTH_ADVICE, engagementTokenFailure } from './engagement-oauth';

/** The lifetime the docs give server-to-server tokens (20 minutes), used only when the answer has no usable expires_in. */
export const DOCUMENTED_S2S_EXPIRES_IN = 1200;

/** The longest access token accepted (the docs: at most 512 characters; room is left for change). */
export const MAX_ACCESS_TOKEN_LENGTH = 8192;

/** What the request says: client id and secret, and optionally the scope string (empty = none) and the business unit MID. */
export interface S2sTokenParams {
  clientId: string;
  clientSecret: string;
  /** Space-separated; undefined leaves `scope` out (the package's scopes). */
  scope?: string;
  accountId?: string;
}

/** The JSON body fields in the order they are sent. */
export function s2sTokenFields(params: S2sTokenParams): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['grant_type', 'client_credentials'],
    ['client_id', params.clientId],
    ['client_secret', params.clientSecret],
  ];
  if (params.scope !== undefined) fields.push(['scope', params.scope]);
  if (params.accountId !== undefined) fields.push(['account_id', params.accountId]);
  return fields;
}

/** The token request: `POST <authBase>v2/token` with a JSON body. */
export function buildS2sTokenRequest(authBaseUrl: URL, params: S2sTokenParams): { url: URL; request: PlainRequest } {
  return {
    url: new URL('v2/token', authBaseUrl),
    request: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(Object.fromEntries(s2sTokenFields(params))),
    },
  };
}

/** What a successful token answer gives. */
export interface S2sTokenAnswer {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  scope: string | null;
  restInstanceUrl: string | null;
  soapInstanceUrl: string | null;
  warnings: FlowWarning[];
}

const optionalString = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Reads a v2/token answer: a 2xx JSON object with access_token gives the token (WARN_EXPIRES_IN_UNEXPECTED when expires_in
 * is unusable: 20 minutes assumed); otherwise ERR_OAUTH_* (with Engagement hints), ERR_TOKEN_ENDPOINT_* or ERR_TOKEN_RESPONSE_INVALID.
 */
export function readS2sTokenResponse(response: TimedResponse, json = jsonObjectBody(response.body)): S2sTokenAnswer {
  const { status, body } = response;
  if (status < 200 || status > 299) throw engagementTokenFailure(response);
  const oauth = oauthErrorOf(json, ENGAGEMENT_OAUTH_ADVICE);
  if (oauth !== null) throw oauth;
  if (json === null && !isJsonBody(body)) throw engagementTokenFailure(response);
  const token = json?.access_token;
  if (json === null || typeof token !== 'string' || token === '' || token.length > MAX_ACCESS_TOKEN_LENGTH) {
    throw new WorkbenchError(
      'ERR_TOKEN_RESPONSE_INVALID',
      `The token endpoint answered HTTP ${status} without a usable access_token: check that the auth base URL is the tenant's.`,
    );
  }
  const warnings: FlowWarning[] = [];
  let expiresIn = json.expires_in;
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    warnings.push({
      code: 'WARN_EXPIRES_IN_UNEXPECTED',
      message: 'The token response has no usable expires_in: assuming 1200 s (20 minutes), as documented.',
    });
    expiresIn = DOCUMENTED_S2S_EXPIRES_IN;
  }
  return {
    accessToken: token,
    tokenType: optionalString(json.token_type) ?? 'Bearer',
    expiresIn: expiresIn as number,
    scope: typeof json.scope === 'string' ? json.scope : null,
    restInstanceUrl: optionalString(json.rest_instance_url),
    soapInstanceUrl: optionalString(json.soap_instance_url),
    warnings,
  };
}
