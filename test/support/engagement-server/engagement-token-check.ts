// The rules of POST v2/token as the docs state them, checked one by one: each failure is an OAuth error answer.
import type { EngagementPackage } from './engagement-types';

/** Scope names the server recognizes (a request naming another gets invalid_scope): the documented list. */
export { DOCUMENTED_SCOPES as KNOWN_SCOPES } from '../../../shared/engagement/scopes';
import { DOCUMENTED_SCOPES } from '../../../shared/engagement/scopes';

/** An OAuth error answer. */
export interface OAuthRejection {
  status: number;
  error: string;
  description: string;
}

/** What an accepted token request grants. */
export interface TokenGrant {
  pkg: EngagementPackage;
  scopes: string[];
  accountId: string;
}

const reject = (status: number, error: string, description: string): OAuthRejection => ({ status, error, description });

/** Checks a token request body (already parsed as a JSON object) against the packages: a grant, or the OAuth rejection. */
export function checkTokenRequest(
  body: Record<string, unknown>,
  packages: ReadonlyMap<string, EngagementPackage>,
): TokenGrant | OAuthRejection {
  const { grant_type: grantType, client_id: clientId, client_secret: clientSecret, scope, account_id: accountId } = body;
  if (grantType === undefined) return reject(400, 'invalid_request', 'grant_type is required.');
  if (grantType !== 'client_credentials') return reject(400, 'unsupported_grant_type', 'Use client_credentials.');
  if (typeof clientId !== 'string' || clientId === '' || typeof clientSecret !== 'string' || clientSecret === '') {
    return reject(400, 'invalid_request', 'client_id and client_secret are required strings.');
  }
  const pkg = packages.get(clientId);
  if (pkg === undefined || pkg.clientSecret !== clientSecret) return reject(401, 'invalid_client', 'Invalid client ID or secret.');
  const integration = pkg.integration ?? 'server-to-server';
  if (integration === 'none') return reject(401, 'invalid_client', 'The package has no API Integration component.');
  if (integration === 'web-app')
    return reject(401, 'unauthorized_client', 'The client is not authorized for the client_credentials grant.');
  if (scope !== undefined && typeof scope !== 'string') return reject(400, 'invalid_request', 'scope must be a space-separated string.');
  const requested = scope === undefined ? null : scope.split(' ').filter((name) => name !== '');
  const unknown = requested?.find((name) => !DOCUMENTED_SCOPES.includes(name));
  if (unknown !== undefined) return reject(400, 'invalid_scope', `Unknown scope: ${unknown}.`);
  const scopes = requested === null ? [...pkg.scopes] : requested.filter((name) => pkg.scopes.includes(name));
  let account = pkg.accounts[0] ?? '0';
  if (accountId !== undefined) {
    if (!(typeof accountId === 'string' || typeof accountId === 'number') || !/^\d+$/.test(String(accountId))) {
      return reject(400, 'invalid_request', 'account_id must be a business unit MID.');
    }
    if (!pkg.accounts.includes(String(accountId))) return reject(403, 'access_denied', 'The client does not have access to this account.');
    account = String(accountId);
  }
  return { pkg, scopes, accountId: account };
}

/** True when a check returned a rejection. */
export function isRejection(value: TokenGrant | OAuthRejection): value is OAuthRejection {
  return 'error' in value;
}
