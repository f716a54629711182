// How v2/token failures of a web or public app are explained: a refused code or refresh token means signing in again.
import type { WorkbenchError } from '../errors/workbench-error';
import { tokenEndpointFailure, type OAuthAdvice } from '../exchange/oauth-error';
import type { TimedResponse } from '../exchange/timed-request';
import { ENGAGEMENT_OAUTH_ADVICE } from './engagement-oauth';

/** Which grant was refused. */
export type WebGrant = 'authorization_code' | 'refresh_token';

const INVALID_CLIENT_HINT =
  'The client id or secret is wrong for this web or public app: copy them again from the API Integration in Installed Packages (a public app has no secret: leave it out).';

/** The advice for a grant: invalid_grant says why and what to do, the rest as for server-to-server where it applies. */
export function webAppOAuthAdvice(grant: WebGrant, signInAgain: string): OAuthAdvice {
  const invalidGrant =
    grant === 'authorization_code'
      ? {
          code: 'ERR_AUTH_CODE_REFUSED' as const,
          hint: `A code works once and for 5 minutes, with the redirect URI it was issued for: ${signInAgain}`,
        }
      : {
          code: 'ERR_REFRESH_TOKEN_REFUSED' as const,
          hint: `The refresh token was refused: it was already spent (each refresh returns a new one), revoked, or the user signed out of a sign-in without the offline scope. ${signInAgain}`,
        };
  return {
    ...ENGAGEMENT_OAUTH_ADVICE,
    known: {
      ...ENGAGEMENT_OAUTH_ADVICE.known,
      invalid_grant: invalidGrant,
      invalid_client: { code: 'ERR_OAUTH_INVALID_CLIENT', hint: INVALID_CLIENT_HINT },
      unauthorized_client: {
        code: 'ERR_OAUTH_UNAUTHORIZED_CLIENT',
        hint: 'This client may not use this grant: its API Integration may be server-to-server (use mctoken token with the client secret), or the grant is not enabled for it.',
      },
      unsupported_grant_type: {
        code: 'ERR_OAUTH_UNSUPPORTED_GRANT_TYPE',
        hint: `The server did not accept grant_type=${grant}: check that the auth base URL is the package's Authentication Base URI (ending in .auth.marketingcloudapis.com/, without v2/token).`,
      },
    },
  };
}

/** The error for a v2/token answer of a web or public app that carries no token. */
export function webAppTokenFailure(response: TimedResponse, grant: WebGrant, signInAgain: string): WorkbenchError {
  return tokenEndpointFailure(response, webAppOAuthAdvice(grant, signInAgain));
}
