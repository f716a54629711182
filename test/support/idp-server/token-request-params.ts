// Where a token request carries its parameters: a form-encoded POST body, or (the docs' variant) the query string of an empty POST.
import { oauthFailure, type OAuthFailure } from './oauth-failure';

/** The parameters of a token request, each present once, and which way they came. */
export interface TokenRequestParams {
  ok: true;
  params: Map<string, string>;
  style: 'form' | 'query';
}

function single(search: URLSearchParams): Map<string, string> | string {
  const params = new Map<string, string>();
  for (const [name, value] of search) {
    if (params.has(name)) return name;
    params.set(name, value);
  }
  return params;
}

/**
 * Reads the parameters: from the body when it is not empty (then Content-Type must be application/x-www-form-urlencoded),
 * otherwise from the query string. A repeated parameter is invalid_request (RFC 6749 §3.2).
 */
export function readTokenRequestParams(
  contentType: string | null,
  body: string,
  query: URLSearchParams,
): TokenRequestParams | OAuthFailure {
  const fromBody = body.length > 0;
  if (fromBody && (contentType ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') {
    return oauthFailure('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  const params = single(fromBody ? new URLSearchParams(body) : query);
  if (typeof params === 'string') return oauthFailure('invalid_request', `parameter ${params} appears more than once`);
  return { ok: true, params, style: fromBody ? 'form' : 'query' };
}
