// The fields of a web or public app's profile (product engagement-web), saved from a sign-in: client id, tenant, scopes,
// redirect URI, where the token calls go, and two keychain entries: the refresh token (`profile:<id>`) and, for a web app,
// the client secret (`profile:<id>:client-secret`). Never saved through profiles:save: the refresh token stays in main.
import { checkAccountId, checkClientSecret, checkPackageClientId } from '../../../shared/engagement/credentials';
import { checkRedirectUri } from '../../../shared/engagement/redirect-uri';
import { parseScopes } from '../../../shared/engagement/scopes';
import { AUTH_HOST_SUFFIX, resolveTenant, tenantFromAuthUrl } from '../../../shared/engagement/tenant';
import { isLoopbackHost } from '../../../shared/exchange/endpoint-url';
import type { WebAppToken } from '../../../shared/engagement/web-app-types';
import type { WebSignInPlan } from '../../../shared/engagement/web-sign-in-plan';
import type { SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import type { SecretPlan } from './engagement-fields';
import { profileInvalidError, profileMissingError } from './profile-service-errors';

/** What a sign-in saves (the main process builds it from the sign-in's plan and answer; never from the renderer). */
export interface SaveWebAppRequest extends Omit<SaveProfileRequest, 'product' | 'clientSecret'> {
  redirectUri: string;
  tokenBaseUrl: string;
  /** Null for a public app. */
  clientSecret: string | null;
  refreshToken: string | null;
}

/** What saving a finished sign-in asks of the profile service (the app's "Save as profile" and `mctoken login --save`). */
export function webAppSaveRequest(
  name: string,
  plan: WebSignInPlan,
  token: Pick<WebAppToken, 'tokenBaseUrl' | 'refreshToken'>,
  clientSecret: string | null,
): SaveWebAppRequest {
  return {
    name,
    clientId: plan.authorize.clientId,
    ...plan.savedWhere,
    scope: plan.requestedScopes === null ? null : plan.requestedScopes.join(' '),
    accountId: plan.authorize.accountId ?? null,
    redirectUri: plan.authorize.redirectUri,
    tokenBaseUrl: token.tokenBaseUrl,
    clientSecret,
    refreshToken: token.refreshToken,
  };
}

/** The checked fields and what to write to the keychain. */
export interface WebAppFields {
  clientId: string;
  subdomain: string | null;
  authUrl: string | null;
  scope: string | null;
  accountId: string | null;
  redirectUri: string;
  tokenBaseUrl: string;
  refreshToken: SecretPlan;
  clientSecret: SecretPlan;
}

/**
 * Checks a sign-in's fields. The token base must be the tenant's auth origin or a Marketing Cloud auth host (a tssd), so
 * the stored secrets are only ever posted there. ERR_PROFILE_INVALID without a refresh token (no `offline` scope).
 */
export function webAppFields(request: SaveWebAppRequest, hadClientSecret: boolean): WebAppFields {
  if (request.refreshToken === null || request.refreshToken === '') {
    throw profileInvalidError(
      'This sign-in gave no refresh token, so a saved profile could not get new tokens: ask for the offline scope (and select offline access on the package), sign in again, then save.',
    );
  }
  if ((request.subdomain ?? '') === '' && (request.authUrl ?? '') === '')
    throw profileMissingError('engagement-web', ['the subdomain or auth base URL']);
  const tenant = resolveTenant({ subdomain: request.subdomain ?? null, authUrl: request.authUrl ?? null });
  const tokenBase = tenantFromAuthUrl(request.tokenBaseUrl).authBaseUrl;
  const host = tokenBase.hostname.toLowerCase();
  const marketingCloud = tokenBase.protocol === 'https:' && tokenBase.port === '' && host.endsWith(AUTH_HOST_SUFFIX);
  if (tokenBase.origin !== tenant.authBaseUrl.origin && !(marketingCloud || isLoopbackHost(host))) {
    throw profileInvalidError(
      `The token calls would go to ${tokenBase.host}, which is neither the tenant's auth host nor a Marketing Cloud one.`,
    );
  }
  const fromUrl = (request.authUrl ?? '') !== '';
  return {
    clientId: checkPackageClientId(request.clientId),
    subdomain: fromUrl ? null : tenant.subdomain,
    authUrl: fromUrl ? tenant.authBaseUrl.href : null,
    scope: request.scope === undefined || request.scope === null ? null : parseScopes(request.scope).join(' '),
    accountId: checkAccountId(request.accountId) ?? null,
    redirectUri: checkRedirectUri(request.redirectUri).redirectUri,
    tokenBaseUrl: tokenBase.href,
    refreshToken: { kind: 'write', secret: request.refreshToken },
    clientSecret:
      request.clientSecret === null
        ? { kind: 'none', dropStale: hadClientSecret }
        : { kind: 'write', secret: checkClientSecret(request.clientSecret) },
  };
}
