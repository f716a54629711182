// The Engagement server-to-server flow end to end: v2/token, then (asked for) v2/userinfo and the SOAP endpoint.
// Expected failures come back as data, like the Intelligence flow; the client secret is masked in every step.
import { toErrorPayload } from '../errors/workbench-error';
import type { FlowWarning } from '../exchange/flow-types';
import { StepTracker } from '../exchange/flow-steps';
import { jsonObjectBody } from '../exchange/response-body';
import { maskErrorSecrets, maskSecrets } from '../exchange/mask-secrets';
import { maskedParam, showRequest, showResponse } from '../exchange/shown-exchange';
import { timedRequest, type NetOptions } from '../exchange/timed-request';
import { checkAccountId, checkClientSecret, checkPackageClientId, type EngagementCredentials } from './credentials';
import { explainUnresolvedHost } from './dns-failure';
import { pendingEngagementSteps } from './engagement-steps';
import type { EngagementFlowReport, EngagementStep, EngagementStepId, EngagementToken } from './flow-types';
import { grantedScopes, missingScopes, missingScopesWarning, parseScopes } from './scopes';
import { buildS2sTokenRequest, readS2sTokenResponse, s2sTokenFields, type S2sTokenParams } from './s2s-token';
import { resolveTenant, type EngagementTenant } from './tenant';
import { whoamiSteps } from './whoami-calls';

/** What a run needs: the package's credentials, where the tenant is and what to ask for, and how to run. */
export interface EngagementFlowInput extends EngagementCredentials {
  /** Also run who-am-I (v2/userinfo) and find the SOAP endpoint. */
  whoami?: boolean;
  /** Per network step; default 15 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** What the flow is given rather than reaching for. */
export interface EngagementFlowDeps {
  fetch: typeof fetch;
  now?: () => number;
  onStep?: (step: EngagementStep) => void;
}

const TOKEN_SECRETS = ['access_token', 'refresh_token'];

/** Runs the flow and reports every step; never throws for expected failures (the outcome carries them). */
export async function runEngagementFlow(input: EngagementFlowInput, deps: EngagementFlowDeps): Promise<EngagementFlowReport> {
  const now = deps.now ?? Date.now;
  const whoamiWanted = input.whoami === true;
  const tracker = new StepTracker<EngagementStepId>(now, deps.onStep, pendingEngagementSteps(whoamiWanted));
  const warnings: FlowWarning[] = [];
  const net: NetOptions = { fetch: deps.fetch };
  if (input.timeoutMs !== undefined) net.timeoutMs = input.timeoutMs;
  if (input.signal !== undefined) net.signal = input.signal;
  let token: EngagementToken | undefined;
  const failed = (error: unknown): EngagementFlowReport => ({
    steps: tracker.steps,
    warnings,
    outcome: token === undefined ? { ok: false, error: toErrorPayload(error) } : { ok: false, error: toErrorPayload(error), token },
  });

  let params: S2sTokenParams;
  let requested: string[] | null;
  let tenant: EngagementTenant;
  // Every secret the flow knows, masked by value in whatever a server says back (bodies, errors, scope); the access token
  // joins once issued, for the calls that carry it (it stays visible, behind the reveal toggle, in its own token answer).
  const secrets: string[] = [];
  try {
    tenant = resolveTenant({ subdomain: input.subdomain ?? null, authUrl: input.authUrl ?? null });
    warnings.push(...tenant.warnings);
    requested = input.scope === undefined || input.scope === null ? null : parseScopes(input.scope);
    const accountId = checkAccountId(input.accountId);
    params = { clientId: checkPackageClientId(input.clientId), clientSecret: checkClientSecret(input.clientSecret) };
    secrets.push(params.clientSecret);
    if (requested !== null) params.scope = requested.join(' ');
    if (accountId !== undefined) params.accountId = accountId;
  } catch (error) {
    return failed(error);
  }

  const progress: { current: EngagementStepId } = { current: 'token' };
  try {
    const { url, request } = buildS2sTokenRequest(tenant.authBaseUrl, params);
    // The secret is replaced, not only flagged: steps cross IPC to the renderer, which never gets a secret.
    const shownFields = s2sTokenFields(params).map(([name, value]) =>
      name === 'client_secret' ? maskedParam(name, value) : ([name, value] as const),
    );
    tracker.start('token', { request: showRequest(url, request, shownFields, ['client_secret']) });
    const answer = await timedRequest(url, request, 'token endpoint', net).catch((error: unknown) => {
      throw explainUnresolvedHost(error, url.host);
    });
    const json = jsonObjectBody(answer.body);
    tracker.note('token', { response: showResponse(answer, TOKEN_SECRETS, json, secrets) });
    const issued = readS2sTokenResponse(answer, json);
    warnings.push(...issued.warnings);
    const granted = grantedScopes(issued.scope).map((name) => maskSecrets(name, secrets));
    const missing = missingScopes(requested, granted);
    const scopesWarning = missingScopesWarning(missing);
    if (scopesWarning !== null) warnings.push(scopesWarning);
    token = {
      accessToken: issued.accessToken,
      tokenType: issued.tokenType,
      expiresIn: issued.expiresIn,
      expiresAt: now() + issued.expiresIn * 1000,
      scope: issued.scope === null ? null : maskSecrets(issued.scope, secrets),
      grantedScopes: granted,
      requestedScopes: requested,
      missingScopes: missing,
      restInstanceUrl: issued.restInstanceUrl,
      soapInstanceUrl: issued.soapInstanceUrl,
      tokenEndpoint: url.href,
    };
    tracker.succeed('token');
    if (!whoamiWanted) return { steps: tracker.steps, warnings, outcome: { ok: true, token, whoami: null } };

    secrets.push(token.accessToken);
    const whoami = await whoamiSteps(tracker, tenant, token, net, secrets, progress);
    return { steps: tracker.steps, warnings, outcome: { ok: true, token, whoami } };
  } catch (error) {
    const masked = maskErrorSecrets(error, secrets);
    tracker.fail(progress.current, masked);
    return failed(masked);
  }
}
