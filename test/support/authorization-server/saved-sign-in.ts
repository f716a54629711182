// A sign-in on the strict local authorization server done in-process, as `mctoken login` or the app's sign-in panel would
// do it (the login form filled, the code exchanged): the fields a saved engagement-web profile is made of.
import { finishWebSignIn } from '../../../shared/engagement/run-web-sign-in';
import { planWebSignIn } from '../../../shared/engagement/web-sign-in-plan';
import type { AuthorizationServer, SignInUser, WebAppPackage } from './authorization-types';

/** What ProfileService.saveWebApp takes from a sign-in (all but the name). */
export interface SignedIn {
  clientId: string;
  authUrl: string;
  scope: string;
  redirectUri: string;
  tokenBaseUrl: string;
  clientSecret: string | null;
  refreshToken: string;
}

/** Signs `user` in for `pkg` with `scope` (offline among them) and exchanges the code; throws when any of it fails. */
export async function signedIn(server: AuthorizationServer, pkg: WebAppPackage, user: SignInUser, scope: string): Promise<SignedIn> {
  const plan = planWebSignIn({ clientId: pkg.clientId, authUrl: server.authBaseUrl, scope });
  const outcome = await server.signIn(plan.authorizeUrl, user);
  if (!('redirect' in outcome)) throw new Error(`the sign-in failed: ${outcome.status}`);
  const finish = { pasted: outcome.redirect, clientSecret: pkg.clientSecret, signInAgain: 'sign in again' };
  const report = await finishWebSignIn(plan, finish, { fetch });
  if (!report.outcome.ok) throw new Error(`the code exchange failed: ${report.outcome.error.code}`);
  const { refreshToken, tokenBaseUrl } = report.outcome.token;
  if (refreshToken === null) throw new Error('the sign-in gave no refresh token (no offline scope?)');
  const { redirectUri } = plan.authorize;
  return {
    clientId: pkg.clientId,
    authUrl: server.authBaseUrl,
    scope,
    redirectUri,
    tokenBaseUrl,
    clientSecret: pkg.clientSecret,
    refreshToken,
  };
}
