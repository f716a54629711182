// How Engagement's v2/token failures are explained: a hint per OAuth error, pointing at the installed package.
import type { WorkbenchError } from '../errors/workbench-error';
import { tokenEndpointFailure, type OAuthAdvice } from '../exchange/oauth-error';
import type { TimedResponse } from '../exchange/timed-request';

/** The advice for Engagement's token endpoint (client credentials of an installed package). */
export const ENGAGEMENT_OAUTH_ADVICE: OAuthAdvice = {
  known: {
    invalid_client: {
      code: 'ERR_OAUTH_INVALID_CLIENT',
      hint: 'The client id or secret is wrong, or the installed package has no server-to-server API Integration component. In Setup > Apps > Installed Packages, open the package, check that its API Integration is "Server-to-Server", and copy the client id and secret again.',
    },
    unauthorized_client: {
      code: 'ERR_OAUTH_UNAUTHORIZED_CLIENT',
      hint: 'This client may not use the client_credentials grant: its API Integration is a web or public app. Add a Server-to-Server integration to the package (or use a package that has one).',
    },
    invalid_scope: {
      code: 'ERR_OAUTH_INVALID_SCOPE',
      hint: 'A requested scope is misspelled or not enabled for the package\'s API Integration. Check the names against "REST API Permission IDs and Scopes", or leave the scopes empty to get the package\'s own.',
    },
    access_denied: {
      code: 'ERR_OAUTH_ACCESS_DENIED',
      hint: 'The package cannot reach the business unit in account_id: check the MID, and that the package has access to that business unit (Installed Packages > Access). Leave account_id empty for the default business unit.',
    },
    invalid_request: {
      code: 'ERR_OAUTH_INVALID_REQUEST',
      hint: 'A parameter was missing, repeated or malformed: check the client id, the scopes and the account id.',
    },
    unsupported_grant_type: {
      code: 'ERR_OAUTH_UNSUPPORTED_GRANT_TYPE',
      hint: 'The server did not accept the grant at this URL. Check that the auth base URL is the tenant-specific one of the package and ends at its host (https://<subdomain>.auth.marketingcloudapis.com/): Marketing Cloud answers unsupported_grant_type when v2/token is appended to a URL that already ends in v2/token (…/v2/token/v2/token), as a public report shows.',
    },
  },
  otherHint:
    'The server returned an OAuth error the workbench does not know. Read its description and check the Marketing Cloud Engagement documentation.',
  checkUrl: 'Check the subdomain or auth base URL.',
};

/** The error for a v2/token answer that carries no token (OAuth error, HTML, 5xx, not JSON), with Engagement's hints. */
export function engagementTokenFailure(response: TimedResponse): WorkbenchError {
  return tokenEndpointFailure(response, ENGAGEMENT_OAUTH_ADVICE);
}
