// Who-am-I for a token already in hand (a cached one): v2/userinfo, then the SOAP endpoint, as the steps of the
// server-to-server flow after its token step (run-engagement-flow.ts runs the same calls after a new token).
import { toErrorPayload, WorkbenchError, type ErrorPayload } from '../errors/workbench-error';
import { StepTracker } from '../intelligence/flow-steps';
import { showRequest, showResponse } from '../intelligence/shown-exchange';
import { timedRequest, type NetOptions } from '../intelligence/timed-request';
import type { EngagementStep, EngagementStepId, WhoAmI } from './flow-types';
import { ENGAGEMENT_STEP_TITLES } from './run-engagement-flow';
import { buildSoapEndpointRequest, readSoapEndpointResponse } from './soap-endpoint';
import { buildUserinfoRequest, readUserinfoResponse, summarizeUserinfo, userinfoEndpoints } from './userinfo';

/** What who-am-I with a token gives: the answer, or the error (ERR_API_UNAUTHORIZED when the token was refused). */
export type WhoamiCallsOutcome = { ok: true; whoami: WhoAmI } | { ok: false; error: ErrorPayload };

/** Calls v2/userinfo and the SOAP endpoint with `token`; never throws for expected failures. */
export async function runWhoamiCalls(
  authBaseUrl: URL,
  token: { accessToken: string; restInstanceUrl: string | null },
  net: NetOptions,
  deps: { now?: () => number; onStep?: (step: EngagementStep) => void } = {},
): Promise<WhoamiCallsOutcome> {
  const ids: EngagementStepId[] = ['userinfo', 'soap-endpoint'];
  const pending = ids.map((id): EngagementStep => ({ id, title: ENGAGEMENT_STEP_TITLES[id], status: 'pending' }));
  const tracker = new StepTracker<EngagementStepId>(deps.now ?? Date.now, deps.onStep, pending);
  let current: EngagementStepId = 'userinfo';
  try {
    const userinfoCall = buildUserinfoRequest(authBaseUrl, token.accessToken);
    tracker.start('userinfo', { request: showRequest(userinfoCall.url, userinfoCall.request, []) });
    const userinfoAnswer = await timedRequest(userinfoCall.url, userinfoCall.request, 'userinfo endpoint', net);
    tracker.note('userinfo', { response: showResponse(userinfoAnswer) });
    const userinfo = readUserinfoResponse(userinfoAnswer);
    tracker.succeed('userinfo');

    current = 'soap-endpoint';
    const restBase = token.restInstanceUrl ?? userinfoEndpoints(userinfo).rest;
    if (restBase === null) {
      throw new WorkbenchError(
        'ERR_API_RESPONSE_INVALID',
        'Neither the token response nor userinfo named a REST instance URL: the SOAP endpoint cannot be looked up.',
      );
    }
    const soapCall = buildSoapEndpointRequest(restBase, token.accessToken);
    tracker.start('soap-endpoint', { request: showRequest(soapCall.url, soapCall.request, []) });
    const soapAnswer = await timedRequest(soapCall.url, soapCall.request, 'endpoints API', net);
    tracker.note('soap-endpoint', { response: showResponse(soapAnswer) });
    const soap = readSoapEndpointResponse(soapAnswer);
    tracker.succeed('soap-endpoint');
    return { ok: true, whoami: { userinfo, summary: summarizeUserinfo(userinfo), endpoints: { rest: restBase, soap } } };
  } catch (error) {
    tracker.fail(current, error);
    return { ok: false, error: toErrorPayload(error) };
  }
}
