// The first half of a sign-in: the inputs checked and the authorize URL built with a new state. The plan is kept (by the
// main process or the CLI) until the redirect address is pasted back; it holds no secret (the client secret stays apart).
import type { FlowWarning } from '../exchange/flow-types';
import { newAuthState } from './auth-state';
import { buildAuthorizeUrl, type AuthorizeParams } from './authorize-url';
import { checkAccountId, checkPackageClientId } from './credentials';
import { checkRedirectUri, DOCUMENTED_LOCAL_REDIRECT_URI } from './redirect-uri';
import { parseScopes } from './scopes';
import { resolveTenant } from './tenant';

/** What a sign-in is started with (the client secret is given at the exchange, never kept in the plan). */
export interface WebSignInInput {
  clientId: string;
  subdomain?: string | null;
  authUrl?: string | null;
  /** Default https://127.0.0.1:80/ (the docs' redirect URI for local testing). */
  redirectUri?: string | null;
  /** Space-separated; null/undefined leaves `scope` out (the package's own). */
  scope?: string | null;
  accountId?: string | null;
}

/** A sign-in waiting for its redirect: everything the exchange needs but the client secret. */
export interface WebSignInPlan {
  authorizeUrl: string;
  authorize: AuthorizeParams;
  authBaseUrl: string;
  subdomain: string | null;
  /** As given: exactly one of them is set, for saving the profile. */
  savedWhere: { subdomain: string } | { authUrl: string };
  requestedScopes: string[] | null;
  /** Milliseconds since the epoch: codes live 5 minutes from the sign-in. */
  startedAt: number;
  warnings: FlowWarning[];
}

/** The docs: a code is valid for 5 minutes. */
export const CODE_LIFETIME_MS = 5 * 60_000;

/**
 * Checks the inputs and builds the authorize URL with a fresh random state; throws ERR_CLIENT_ID_INVALID,
 * ERR_SUBDOMAIN_INVALID, ERR_URL_*, ERR_REDIRECT_URI_INVALID, ERR_SCOPE_INVALID or ERR_ACCOUNT_ID_INVALID. Without `offline`
 * among the scopes asked for, WARN_NO_REFRESH_TOKEN says no refresh token will come.
 */
export function planWebSignIn(input: WebSignInInput, now: () => number = Date.now, state = newAuthState()): WebSignInPlan {
  const tenant = resolveTenant({ subdomain: input.subdomain ?? null, authUrl: input.authUrl ?? null });
  const clientId = checkPackageClientId(input.clientId);
  const typedRedirect = input.redirectUri?.trim() ?? '';
  const redirect = checkRedirectUri(typedRedirect === '' ? DOCUMENTED_LOCAL_REDIRECT_URI : typedRedirect);
  const requestedScopes = input.scope === undefined || input.scope === null ? null : parseScopes(input.scope);
  const accountId = checkAccountId(input.accountId);
  const authorize: AuthorizeParams = {
    clientId,
    redirectUri: redirect.redirectUri,
    scope: requestedScopes === null ? null : requestedScopes.join(' '),
    state,
    ...(accountId === undefined ? {} : { accountId }),
  };
  const warnings = [...tenant.warnings, ...redirect.warnings];
  if (requestedScopes !== null && !requestedScopes.includes('offline')) {
    warnings.push({
      code: 'WARN_NO_REFRESH_TOKEN',
      message:
        'The scopes do not include offline: the docs say no refresh token is issued without it (and the package must have offline access selected), and the tokens end when the user logs out.',
    });
  }
  const fromUrl = (input.authUrl?.trim() ?? '') !== '';
  return {
    authorizeUrl: buildAuthorizeUrl(tenant.authBaseUrl, authorize).href,
    authorize,
    authBaseUrl: tenant.authBaseUrl.href,
    subdomain: tenant.subdomain,
    savedWhere: fromUrl || tenant.subdomain === null ? { authUrl: tenant.authBaseUrl.href } : { subdomain: tenant.subdomain },
    requestedScopes,
    startedAt: now(),
    warnings,
  };
}
