// The web or public app sign-in form as values: what it starts with, each field checked with the core's own rules (every
// problem at once, under its field), and the webapp:begin request it becomes. The main process checks them all again.
import { checkAccountId, checkClientSecret, checkPackageClientId } from '../../shared/engagement/credentials';
import { DOCUMENTED_LOCAL_REDIRECT_URI, checkRedirectUri } from '../../shared/engagement/redirect-uri';
import { parseScopes } from '../../shared/engagement/scopes';
import { resolveTenant } from '../../shared/engagement/tenant';
import { WEB_SIGN_IN_STEP_TITLES } from '../../shared/engagement/run-web-sign-in';
import type { WebSignInStepId } from '../../shared/engagement/web-app-types';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors/workbench-error';
import type { FlowStep } from '../../shared/exchange/flow-types';
import type { WebSignInBeginRequest } from '../../shared/ipc/ipc-contract';

/** What the sign-in form holds: the tenant as typed (a subdomain, or a URL when it has "://"), and the app's values. */
export interface WebSignInValues {
  tenant: string;
  clientId: string;
  /** Empty for a public app, which has none. */
  clientSecret: string;
  redirectUri: string;
  scope: string;
  accountId: string;
}

/** The form's fields, in the order they appear (the first invalid one gets the focus). */
export const WEB_SIGN_IN_FIELDS = ['tenant', 'clientId', 'clientSecret', 'redirectUri', 'scope', 'accountId'] as const;
/** One field of the form. */
export type WebSignInField = (typeof WEB_SIGN_IN_FIELDS)[number];
/** What is wrong with each invalid field; empty when all are fine. */
export type WebSignInErrors = Partial<Record<WebSignInField, ErrorPayload>>;

/** The scopes suggested: `offline`, without which no refresh token is issued (and a profile cannot be saved). */
export const SUGGESTED_SCOPE = 'offline';

/** A blank form: the docs' local redirect URI, and `offline` already asked for. */
export const INITIAL_WEB_SIGN_IN: WebSignInValues = {
  tenant: '',
  clientId: '',
  clientSecret: '',
  redirectUri: DOCUMENTED_LOCAL_REDIRECT_URI,
  scope: SUGGESTED_SCOPE,
  accountId: '',
};

/** The tenant as the request sends it: a URL when it has "://", else a subdomain. */
function where(tenant: string): { subdomain: string } | { authUrl: string } {
  const typed = tenant.trim();
  return typed.includes('://') ? { authUrl: typed } : { subdomain: typed };
}

/** Runs a check and files its error under the field. */
function check(errors: WebSignInErrors, field: WebSignInField, run: () => unknown): void {
  try {
    run();
  } catch (error) {
    errors[field] = toErrorPayload(error);
  }
}

/** Whether the scopes typed ask for `offline` (false for text that is not a list of scopes yet). */
export function asksForOffline(scope: string): boolean {
  try {
    return parseScopes(scope).includes(SUGGESTED_SCOPE);
  } catch {
    return false;
  }
}

/** The webapp:begin request (the page asks the app to open the sign-in page itself), or every problem. */
export function buildWebSignIn(
  values: WebSignInValues,
): { ok: true; request: WebSignInBeginRequest } | { ok: false; errors: WebSignInErrors } {
  const errors: WebSignInErrors = {};
  check(errors, 'tenant', () => resolveTenant(where(values.tenant)));
  check(errors, 'clientId', () => checkPackageClientId(values.clientId));
  if (values.clientSecret.trim() !== '') check(errors, 'clientSecret', () => checkClientSecret(values.clientSecret));
  if (values.redirectUri.trim() !== '') check(errors, 'redirectUri', () => checkRedirectUri(values.redirectUri));
  check(errors, 'scope', () => parseScopes(values.scope));
  check(errors, 'accountId', () => checkAccountId(values.accountId));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      clientId: values.clientId.trim(),
      ...where(values.tenant),
      clientSecret: values.clientSecret.trim() === '' ? null : values.clientSecret,
      redirectUri: values.redirectUri.trim() === '' ? null : values.redirectUri.trim(),
      scope: values.scope.trim() === '' ? null : values.scope,
      accountId: values.accountId.trim() === '' ? null : values.accountId.trim(),
      open: true,
    },
  };
}

/** The sign-in's three steps before it is finished, titled as the core titles them. */
export function pendingWebSignInSteps(): Array<FlowStep<WebSignInStepId>> {
  const ids: WebSignInStepId[] = ['authorize', 'redirect', 'code-exchange'];
  return ids.map((id) => ({ id, title: WEB_SIGN_IN_STEP_TITLES[id], status: 'pending' }));
}

/** What each step does, shown under its title. */
export const WEB_SIGN_IN_STEP_DESCRIPTIONS: Readonly<Record<string, string>> = {
  authorize: 'GET <auth>v2/authorize in your browser: you sign in and allow the app, then the browser goes to the redirect URI.',
  redirect: 'The pasted address: its state must be the one this sign-in sent; its code (and tssd, for AppExchange partners) are taken.',
  'code-exchange':
    'POST <auth>v2/token with a JSON body: grant_type authorization_code, the code, the client id, the client secret (web apps only) and the redirect URI.',
};
