// The authorize request of the authorization-code flow: GET <auth>v2/authorize?response_type=code&client_id&redirect_uri&scope&state.
import type { ShownRequest } from '../exchange/flow-types';

/** What the authorize URL carries. */
export interface AuthorizeParams {
  clientId: string;
  /** As registered (checkRedirectUri): encoded here, as the docs require. */
  redirectUri: string;
  /** The scopes joined by spaces; null leaves `scope` out (the package's own). */
  scope: string | null;
  state: string;
  /** Not in the Authorization Code reference: sent as given, only when given. */
  accountId?: string;
}

/** The query fields in the order they are sent. */
export function authorizeFields(params: AuthorizeParams): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['response_type', 'code'],
    ['client_id', params.clientId],
    ['redirect_uri', params.redirectUri],
  ];
  if (params.scope !== null) fields.push(['scope', params.scope]);
  fields.push(['state', params.state]);
  if (params.accountId !== undefined) fields.push(['account_id', params.accountId]);
  return fields;
}

/** The authorize URL; every value percent-encoded (spaces as %20, the redirect URI's `:` and `/` too). */
export function buildAuthorizeUrl(authBaseUrl: URL, params: AuthorizeParams): URL {
  const url = new URL('v2/authorize', authBaseUrl);
  url.search = authorizeFields(params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return url;
}

/** The authorize request as the step view shows it (nothing secret: the state is single-use and checked). */
export function showAuthorizeRequest(url: URL, params: AuthorizeParams): ShownRequest {
  return {
    method: 'GET',
    url: url.href,
    headers: [],
    params: authorizeFields(params).map(([name, value]) => ({ name, value, sensitive: false })),
  };
}
