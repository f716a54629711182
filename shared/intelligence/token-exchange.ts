// Step 3 of the flow: trade the signed assertion for an access token (RFC 7523 client credentials).
import { WorkbenchError } from '../errors/workbench-error';
import type { FlowWarning, TokenRequestStyle } from '../exchange/flow-types';
import { oauthErrorOf, tokenEndpointFailure } from '../exchange/oauth-error';
import { isJsonBody, jsonObjectBody } from '../exchange/response-body';
import { timedRequest, type NetOptions, type PlainRequest, type TimedResponse } from '../exchange/timed-request';

/** The client_assertion_type of RFC 7523. */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The lifetime the docs give Intelligence access tokens, in seconds. */
export const DOCUMENTED_EXPIRES_IN = 300;

/** The token request parameters, in the order they are sent. */
export function tokenRequestParams(clientId: string, assertion: string): Array<[string, string]> {
  return [
    ['grant_type', 'client_credentials'],
    ['client_assertion_type', CLIENT_ASSERTION_TYPE],
    ['client_id', clientId],
    ['client_assertion', assertion],
  ];
}

/** The token request: a form-encoded POST body (default, RFC 7523), or the docs' variant with the same parameters in the query string of an empty POST. */
export function buildTokenRequest(
  tokenEndpoint: URL,
  params: ReadonlyArray<readonly [string, string]>,
  style: TokenRequestStyle,
): { url: URL; request: PlainRequest } {
  if (style === 'query') {
    const url = new URL(tokenEndpoint.href);
    for (const [name, value] of params) url.searchParams.append(name, value);
    return { url, request: { method: 'POST', headers: { Accept: 'application/json' } } };
  }
  const body = new URLSearchParams(params.map(([name, value]) => [name, value])).toString();
  return {
    url: new URL(tokenEndpoint.href),
    request: { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body },
  };
}

/** What a successful token response gives. */
export interface TokenAnswer {
  accessToken: string;
  /** Seconds: the server's expires_in, or 300 when it gave none usable. */
  expiresIn: number;
  warnings: FlowWarning[];
}

function expiresInOf(value: unknown): { expiresIn: number; warning: FlowWarning | null } {
  const warn = (message: string): FlowWarning => ({ code: 'WARN_EXPIRES_IN_UNEXPECTED', message });
  if (value === undefined) {
    return {
      expiresIn: DOCUMENTED_EXPIRES_IN,
      warning: warn('The token response has no expires_in: assuming 300 s (5 minutes), as documented.'),
    };
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return {
      expiresIn: DOCUMENTED_EXPIRES_IN,
      warning: warn('The token response has an expires_in that is not a positive number: assuming 300 s (5 minutes), as documented.'),
    };
  }
  if (value !== DOCUMENTED_EXPIRES_IN) {
    return {
      expiresIn: value,
      warning: warn(`The token response says expires_in ${value} s where the docs say 300 s (5 minutes): using ${value} s.`),
    };
  }
  return { expiresIn: value, warning: null };
}

/**
 * Reads a token endpoint answer: a 2xx JSON object with access_token gives a TokenAnswer (WARN_EXPIRES_IN_UNEXPECTED when
 * expires_in is missing or not 300); otherwise throws ERR_OAUTH_*, ERR_TOKEN_ENDPOINT_NOT_JSON, ERR_TOKEN_ENDPOINT_HTTP or ERR_TOKEN_RESPONSE_INVALID.
 */
export function readTokenResponse(response: TimedResponse, json = jsonObjectBody(response.body)): TokenAnswer {
  const { status, body } = response;
  if (status < 200 || status > 299) throw tokenEndpointFailure(response);
  const oauth = oauthErrorOf(json);
  if (oauth !== null) throw oauth;
  if (json === null && body.trim() !== '' && !isJsonBody(body)) throw tokenEndpointFailure(response);
  if (json === null || typeof json.access_token !== 'string' || json.access_token === '') {
    throw new WorkbenchError(
      'ERR_TOKEN_RESPONSE_INVALID',
      `The token endpoint answered HTTP ${status} without an access_token: check that the token endpoint is the one from discovery.`,
    );
  }
  const { expiresIn, warning } = expiresInOf(json.expires_in);
  return { accessToken: json.access_token, expiresIn, warnings: warning === null ? [] : [warning] };
}

/** Sends the token request and reads the answer; throws what timedRequest and readTokenResponse throw. */
export async function exchangeToken(
  tokenEndpoint: URL,
  params: ReadonlyArray<readonly [string, string]>,
  style: TokenRequestStyle,
  net: NetOptions,
): Promise<TokenAnswer & { response: TimedResponse }> {
  const { url, request } = buildTokenRequest(tokenEndpoint, params, style);
  const response = await timedRequest(url, request, 'token endpoint', net);
  return { ...readTokenResponse(response), response };
}
