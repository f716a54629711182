// Step 1 of the flow: GET the discovery document and read its token_endpoint.
import { WorkbenchError } from '../errors/workbench-error';
import { checkEndpointUrl } from '../exchange/endpoint-url';
import { INTELLIGENCE_AUDIENCE } from '../decode/intelligence-audience';
import { jsonObjectBody, isJsonBody, looksLikeHtml } from '../exchange/response-body';
import type { PlainRequest, TimedResponse } from '../exchange/timed-request';

/** The discovery request: a plain GET asking for JSON. */
export const DISCOVERY_REQUEST: Readonly<PlainRequest> = { method: 'GET', headers: { Accept: 'application/json' } };

function httpError(status: number): WorkbenchError {
  const next =
    status >= 500
      ? 'the service may be down; try again later'
      : status === 401 || status === 403 || status === 407
        ? 'access was denied, perhaps by a proxy or firewall; check the network settings'
        : 'check the discovery URL (or the region) you were given';
  return new WorkbenchError('ERR_DISCOVERY_HTTP', `The discovery endpoint answered HTTP ${status}: ${next}.`);
}

/** Salesforce's own identity-provider origins: a token endpoint there is trusted whichever discovery URL named it. */
export const KNOWN_TOKEN_ORIGINS: readonly string[] = [new URL(INTELLIGENCE_AUDIENCE).origin];

/**
 * The signed assertion goes wherever the token endpoint says, so a discovery document may only name its own origin (or
 * Salesforce's identity provider): a hostile document could otherwise collect a valid assertion and replay it.
 */
function checkTokenEndpointOrigin(tokenEndpoint: URL, discoveryUrl: URL): URL {
  if (tokenEndpoint.origin === discoveryUrl.origin || KNOWN_TOKEN_ORIGINS.includes(tokenEndpoint.origin)) return tokenEndpoint;
  throw new WorkbenchError(
    'ERR_DISCOVERY_FOREIGN_TOKEN_ENDPOINT',
    `The discovery document sends the token request to another site (${tokenEndpoint.host}, not ${discoveryUrl.host}), which was refused before anything was signed: check that the discovery URL is the one Salesforce gave you.`,
  );
}

/**
 * Reads the token endpoint from a discovery response (whose `url` is the discovery URL asked) and checks it: https (or
 * loopback http), and the discovery URL's origin or a known Salesforce one. Throws ERR_DISCOVERY_HTTP, ERR_DISCOVERY_NOT_JSON,
 * ERR_DISCOVERY_NO_TOKEN_ENDPOINT, ERR_DISCOVERY_FOREIGN_TOKEN_ENDPOINT, ERR_URL_INVALID or ERR_URL_INSECURE.
 */
export function readTokenEndpoint(response: TimedResponse): URL {
  if (response.status < 200 || response.status > 299) throw httpError(response.status);
  if (!isJsonBody(response.body)) {
    throw new WorkbenchError(
      'ERR_DISCOVERY_NOT_JSON',
      looksLikeHtml(response)
        ? 'The discovery URL returned an HTML page, not the JSON discovery document: check the URL (a login page, a proxy or a wrong address?).'
        : 'The discovery URL did not return JSON: check that it is the discovery URL you were given.',
    );
  }
  const document = jsonObjectBody(response.body);
  const tokenEndpoint = document?.token_endpoint;
  if (typeof tokenEndpoint !== 'string' || tokenEndpoint.trim() === '') {
    throw new WorkbenchError(
      'ERR_DISCOVERY_NO_TOKEN_ENDPOINT',
      'The discovery document has no token_endpoint: check that the URL is the Intelligence discovery URL you were given.',
    );
  }
  return checkTokenEndpointOrigin(checkEndpointUrl(tokenEndpoint, 'token endpoint from the discovery document'), new URL(response.url));
}
