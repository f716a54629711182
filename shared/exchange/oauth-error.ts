// RFC 6749 §5.2 error responses of the token endpoint, and the other ways it can fail, as WorkbenchErrors with hints.
import type { ErrorCode } from '../errors/error-codes';
import { WorkbenchError } from '../errors/workbench-error';
import { isJsonBody, jsonObjectBody, looksLikeHtml, quotableServerText } from './response-body';
import type { TimedResponse } from './timed-request';

/** How one product explains its token endpoint's failures: a code and hint per OAuth error, and what URL to check otherwise. */
export interface OAuthAdvice {
  known: Readonly<Record<string, { code: ErrorCode; hint: string }>>;
  /** The hint for an OAuth error not in `known`. */
  otherHint: string;
  /** The sentence ending a non-OAuth failure, e.g. "Check the discovery URL." */
  checkUrl: string;
}

const KNOWN: Readonly<Record<string, { code: ErrorCode; hint: string }>> = {
  invalid_client: {
    code: 'ERR_OAUTH_INVALID_CLIENT',
    hint: 'The key does not match this client id, or the client id belongs to another region. Check the region/discovery URL and that you pasted the key generated with this service account.',
  },
  invalid_grant: {
    code: 'ERR_OAUTH_INVALID_GRANT',
    hint: "The signed assertion was rejected: check that this computer's clock is right (iat), that aud is exactly https://idp.intelligence.salesforce.com, and that the jti was not used before (run again for a fresh one).",
  },
  invalid_request: {
    code: 'ERR_OAUTH_INVALID_REQUEST',
    hint: 'A parameter was missing, repeated or malformed. Try the other token request style (form body or query string) in the profile settings.',
  },
  unauthorized_client: {
    code: 'ERR_OAUTH_UNAUTHORIZED_CLIENT',
    hint: 'This service account may not use the client credentials grant. Check its API token and permissions in Intelligence.',
  },
  unsupported_grant_type: {
    code: 'ERR_OAUTH_UNSUPPORTED_GRANT_TYPE',
    hint: 'The server did not accept grant_type=client_credentials here. Check that the token endpoint is the one from discovery, or try the other token request style.',
  },
  invalid_scope: {
    code: 'ERR_OAUTH_INVALID_SCOPE',
    hint: 'The server refused the scope. The Intelligence flow sends none: check that the token endpoint is the one from discovery.',
  },
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The Intelligence flow's advice (the default). */
export const INTELLIGENCE_OAUTH_ADVICE: OAuthAdvice = {
  known: KNOWN,
  otherHint:
    'The server returned an OAuth error the workbench does not know. Read its description and check the Intelligence documentation.',
  checkUrl: 'Check the discovery URL.',
};

/** The WorkbenchError for an OAuth `error` code and optional `error_description`: message `<error>: <description>`, with a hint per code. */
export function oauthError(error: string, description?: string, advice: OAuthAdvice = INTELLIGENCE_OAUTH_ADVICE): WorkbenchError {
  const name = error.replace(/[^\w.-]/g, '').slice(0, 60) || 'unknown_error';
  const known = advice.known[name];
  const text = description === undefined ? '' : quotableServerText(description);
  const message = text === '' ? `${name} (the server gave no description)` : `${name}: ${text}`;
  return new WorkbenchError(known?.code ?? 'ERR_OAUTH_OTHER', message, { hint: known?.hint ?? advice.otherHint });
}

/** Reads an RFC 6749 §5.2 error body (a JSON object with a string `error`); null when the body is not one. */
export function parseOAuthErrorBody(body: string, advice: OAuthAdvice = INTELLIGENCE_OAUTH_ADVICE): WorkbenchError | null {
  return oauthErrorOf(jsonObjectBody(body), advice);
}

/** parseOAuthErrorBody for a body already parsed (jsonObjectBody's result), so a token answer is parsed once. */
export function oauthErrorOf(json: Record<string, unknown> | null, advice: OAuthAdvice = INTELLIGENCE_OAUTH_ADVICE): WorkbenchError | null {
  if (json === null || typeof json.error !== 'string' || json.error === '') return null;
  return oauthError(json.error, typeof json.error_description === 'string' ? json.error_description : undefined, advice);
}

/**
 * Explains a token endpoint answer that carries no token: an OAuth error body (any status), an HTML page or other
 * non-JSON body (ERR_TOKEN_ENDPOINT_NOT_JSON), or a bare HTTP failure such as a 5xx (ERR_TOKEN_ENDPOINT_HTTP).
 */
export function tokenEndpointFailure(response: TimedResponse, advice: OAuthAdvice = INTELLIGENCE_OAUTH_ADVICE): WorkbenchError {
  const oauth = parseOAuthErrorBody(response.body, advice);
  if (oauth !== null) return oauth;
  const { status } = response;
  if (looksLikeHtml(response)) {
    return new WorkbenchError(
      'ERR_TOKEN_ENDPOINT_NOT_JSON',
      `The token endpoint answered HTTP ${status} with what looks like an HTML page, not JSON: a proxy may be in the way, or the URL is wrong. ${advice.checkUrl}`,
    );
  }
  if (status >= 500) {
    return new WorkbenchError(
      'ERR_TOKEN_ENDPOINT_HTTP',
      `The token endpoint answered HTTP ${status} without an OAuth error: the service may be down. Try again later.`,
    );
  }
  if (response.body.trim() !== '' && !isJsonBody(response.body)) {
    return new WorkbenchError(
      'ERR_TOKEN_ENDPOINT_NOT_JSON',
      `The token endpoint answered HTTP ${status} with a body that is not JSON: ${lowerFirst(advice.checkUrl)}`,
    );
  }
  return new WorkbenchError(
    'ERR_TOKEN_ENDPOINT_HTTP',
    `The token endpoint answered HTTP ${status} without an OAuth error: ${lowerFirst(advice.checkUrl).replace(/\.$/, '')} and try again.`,
  );
}
