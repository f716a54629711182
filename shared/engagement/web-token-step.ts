// One v2/token call of a web or public app as a timed step (the code exchange or a refresh): the request shown with the
// client secret, the code and the refresh token masked, the answer shown with the new refresh token masked by value.
import { maskSecrets } from '../exchange/mask-secrets';
import type { StepTracker } from '../exchange/flow-steps';
import type { FlowWarning } from '../exchange/flow-types';
import { jsonObjectBody } from '../exchange/response-body';
import { maskedParam, showRequest, showResponse } from '../exchange/shown-exchange';
import { timedRequest, type NetOptions } from '../exchange/timed-request';
import { explainUnresolvedHost } from './dns-failure';
import { grantedScopes, missingScopes } from './scopes';
import type { EngagementTenant } from './tenant';
import type { WebAppToken } from './web-app-types';
import type { WebGrant } from './web-app-oauth';
import { buildWebTokenRequest, readWebTokenResponse, refreshTokenIn } from './web-app-token';

/** The fields never shown: replaced by a mask with their true length. */
const MASKED_FIELDS = ['client_secret', 'code', 'refresh_token'];

/** The documented delay before a package change reaches tokens, said next to missing scopes. */
export const SCOPE_DELAY_NOTE =
  'If they were just added to the package, the docs say changes take up to five minutes to reach codes and tokens: sign in again then.';

/** What one call needs. */
export interface WebTokenCall {
  grant: WebGrant;
  tokenTenant: EngagementTenant;
  fields: Array<[string, string]>;
  requestedScopes: string[] | null;
  tssd: string | null;
  /** What to do when the code or refresh token is refused. */
  signInAgain: string;
}

/**
 * Runs the call as step `id`: adds the new refresh token to `secrets` (masked by value in everything shown after) and the
 * warnings to `warnings`; returns the token, or throws what failed (masked by the caller).
 */
export async function webTokenStep<Id extends string>(
  tracker: StepTracker<Id>,
  id: Id,
  call: WebTokenCall,
  net: NetOptions,
  secrets: string[],
  warnings: FlowWarning[],
  now: () => number,
): Promise<WebAppToken> {
  const { url, request } = buildWebTokenRequest(call.tokenTenant.authBaseUrl, call.fields);
  const shown = call.fields.map(([name, value]) => (MASKED_FIELDS.includes(name) ? maskedParam(name, value) : ([name, value] as const)));
  tracker.start(id, { request: showRequest(url, request, shown, MASKED_FIELDS) });
  const answer = await timedRequest(url, request, 'token endpoint', net).catch((error: unknown) => {
    throw explainUnresolvedHost(error, url.host);
  });
  const json = jsonObjectBody(answer.body);
  const next = refreshTokenIn(json);
  if (next !== null) secrets.push(next);
  tracker.note(id, { response: showResponse(answer, ['access_token', 'refresh_token'], json, secrets) });
  const issued = readWebTokenResponse(answer, call.grant, call.signInAgain, json);
  warnings.push(...issued.warnings);
  const granted = grantedScopes(issued.scope).map((name) => maskSecrets(name, secrets));
  const missing = missingScopes(call.requestedScopes, granted);
  if (missing.length > 0) {
    warnings.push({ code: 'WARN_SCOPES_MISSING', message: `Requested but not granted: ${missing.join(', ')}. ${SCOPE_DELAY_NOTE}` });
  }
  if (issued.refreshToken === null && call.grant === 'authorization_code') {
    warnings.push({
      code: 'WARN_NO_REFRESH_TOKEN',
      message:
        'No refresh token came: request the offline scope (and select offline access on the package) to get one; this token cannot be renewed without signing in again.',
    });
  }
  tracker.succeed(id);
  return {
    accessToken: issued.accessToken,
    tokenType: issued.tokenType,
    expiresIn: issued.expiresIn,
    expiresAt: now() + issued.expiresIn * 1000,
    scope: issued.scope === null ? null : maskSecrets(issued.scope, secrets),
    grantedScopes: granted,
    requestedScopes: call.requestedScopes,
    missingScopes: missing,
    restInstanceUrl: issued.restInstanceUrl,
    soapInstanceUrl: issued.soapInstanceUrl,
    tokenEndpoint: url.href,
    refreshToken: issued.refreshToken,
    hasRefreshToken: issued.refreshToken !== null,
    refreshTokenLength: issued.refreshToken?.length ?? 0,
    tssd: call.tssd,
    tokenBaseUrl: call.tokenTenant.authBaseUrl.href,
  };
}
