// Who-am-I with an access token: v2/userinfo, then the SOAP endpoint on the tenant's own REST host. One implementation for
// the server-to-server flow (after its token step) and for a token already in hand (a cached one, `mctoken whoami --profile`).
import { toErrorPayload, WorkbenchError, type ErrorPayload } from '../errors/workbench-error';
import { maskErrorSecrets, maskSecrets } from '../exchange/mask-secrets';
import { StepTracker } from '../exchange/flow-steps';
import { showRequest, showResponse } from '../exchange/shown-exchange';
import { timedRequest, type NetOptions } from '../exchange/timed-request';
import type { EngagementStep, EngagementStepId, WhoAmI } from './flow-types';
import { pendingEngagementSteps } from './engagement-steps';
import { buildSoapEndpointRequest, readSoapEndpointResponse } from './soap-endpoint';
import type { EngagementTenant } from './tenant';
import { buildUserinfoRequest, readUserinfoResponse, summarizeUserinfo, userinfoEndpoints } from './userinfo';

/** The token the calls carry, and the REST base its answer named (null: take userinfo's). */
export interface WhoamiToken {
  accessToken: string;
  restInstanceUrl: string | null;
}

/**
 * Runs the userinfo and SOAP endpoint steps on `tracker`, masking `secrets` (the access token among them) in what is
 * shown; `progress.current` names the step under way, for the caller's failure. Throws what fails.
 */
export async function whoamiSteps(
  tracker: StepTracker<EngagementStepId>,
  tenant: EngagementTenant,
  token: WhoamiToken,
  net: NetOptions,
  secrets: readonly string[],
  progress: { current: EngagementStepId },
): Promise<WhoAmI> {
  progress.current = 'userinfo';
  const userinfoCall = buildUserinfoRequest(tenant.authBaseUrl, token.accessToken);
  tracker.start('userinfo', { request: showRequest(userinfoCall.url, userinfoCall.request, []) });
  const userinfoAnswer = await timedRequest(userinfoCall.url, userinfoCall.request, 'userinfo endpoint', net);
  tracker.note('userinfo', { response: showResponse(userinfoAnswer, [], undefined, secrets) });
  // Masked as JSON text (a mask holds no quote or backslash, so the text stays JSON): userinfo is shown whole.
  const userinfo = JSON.parse(maskSecrets(JSON.stringify(readUserinfoResponse(userinfoAnswer)), secrets)) as Record<string, unknown>;
  tracker.succeed('userinfo');

  progress.current = 'soap-endpoint';
  const restBase = token.restInstanceUrl ?? userinfoEndpoints(userinfo).rest;
  if (restBase === null) {
    throw new WorkbenchError(
      'ERR_API_RESPONSE_INVALID',
      'Neither the token response nor userinfo named a REST instance URL: the SOAP endpoint cannot be looked up.',
    );
  }
  // The token goes only to the tenant's own REST host (buildSoapEndpointRequest checks it first).
  const soapCall = buildSoapEndpointRequest(restBase, token.accessToken, tenant);
  tracker.start('soap-endpoint', { request: showRequest(soapCall.url, soapCall.request, []) });
  const soapAnswer = await timedRequest(soapCall.url, soapCall.request, 'endpoints API', net);
  tracker.note('soap-endpoint', { response: showResponse(soapAnswer, [], undefined, secrets) });
  const soap = readSoapEndpointResponse(soapAnswer);
  tracker.succeed('soap-endpoint');
  return { userinfo, summary: summarizeUserinfo(userinfo), endpoints: { rest: restBase, soap } };
}

/** What who-am-I with a token gives: the answer, or the error (ERR_API_UNAUTHORIZED when the token was refused). */
export type WhoamiCallsOutcome = { ok: true; whoami: WhoAmI } | { ok: false; error: ErrorPayload };

/** Who-am-I's two steps as they ended, with the outcome (what a web sign-in's "Who am I" shows). */
export interface WhoamiReport {
  steps: EngagementStep[];
  outcome: WhoamiCallsOutcome;
}

/** Who-am-I with a token already in hand, as its own two steps; never throws for expected failures. */
export async function runWhoamiReport(
  tenant: EngagementTenant,
  token: WhoamiToken,
  net: NetOptions,
  deps: { now?: () => number; onStep?: (step: EngagementStep) => void } = {},
): Promise<WhoamiReport> {
  const pending = pendingEngagementSteps(true).filter((step) => step.id !== 'token');
  const tracker = new StepTracker<EngagementStepId>(deps.now ?? Date.now, deps.onStep, pending);
  const progress: { current: EngagementStepId } = { current: 'userinfo' };
  const secrets = [token.accessToken];
  try {
    return { steps: tracker.steps, outcome: { ok: true, whoami: await whoamiSteps(tracker, tenant, token, net, secrets, progress) } };
  } catch (error) {
    const masked = maskErrorSecrets(error, secrets);
    tracker.fail(progress.current, masked);
    return { steps: tracker.steps, outcome: { ok: false, error: toErrorPayload(masked) } };
  }
}

/** {@link runWhoamiReport}'s outcome alone (`mctoken whoami --profile`, which prints the steps as they go). */
export async function runWhoamiCalls(...args: Parameters<typeof runWhoamiReport>): Promise<WhoamiCallsOutcome> {
  return (await runWhoamiReport(...args)).outcome;
}
