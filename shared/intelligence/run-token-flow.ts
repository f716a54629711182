// shared/intelligence: the Intelligence (Datorama) API token flow. Start here: runTokenFlow runs discovery (discovery.ts),
// signs the assertion (assertion-claims.ts, sign-assertion.ts) and exchanges it (token-exchange.ts), timing each step
// (token-steps.ts; shared/exchange holds the neutral exchange: timed-request.ts, flow-steps.ts, shown-exchange.ts);
// regions.ts and audience.ts hold the documented constants, flow-types.ts the types.
// The Intelligence token flow end to end: discovery, signed assertion, token request. Expected failures come back as data.
import { toErrorPayload } from '../errors/workbench-error';
import { ASSERTION_HEADER, buildAssertionClaims } from './assertion-claims';
import { checkClientId } from './client-id';
import { clockSkewWarning } from './clock-skew';
import { tokenRequestCurl } from './curl';
import { DISCOVERY_REQUEST, readTokenEndpoint } from './discovery';
import { checkEndpointUrl } from '../exchange/endpoint-url';
import type { FlowWarning, TokenRequestStyle } from '../exchange/flow-types';
import type { FlowStepId, TokenFlowReport, TokenFlowStep } from './flow-types';
import { StepTracker } from '../exchange/flow-steps';
import { pendingSteps } from './token-steps';
import { preflightAssertion } from './preflight';
import { jsonObjectBody } from '../exchange/response-body';
import { maskErrorSecrets } from '../exchange/mask-secrets';
import { showRequest, showResponse } from '../exchange/shown-exchange';
import { signAssertion } from './sign-assertion';
import { timedRequest, type NetOptions } from '../exchange/timed-request';
import { buildTokenRequest, readTokenResponse, tokenRequestParams } from './token-exchange';

/** What a run needs from the caller: the client id, the discovery URL, the private key (never its PEM) and options. */
export interface TokenFlowInput {
  clientId: string;
  discoveryUrl: string;
  privateKey: CryptoKey;
  /** Form-encoded POST body (default) or the docs' query string. */
  tokenRequestStyle?: TokenRequestStyle;
  /** Per network step; default 15 s. */
  timeoutMs?: number;
  /** Aborting it cancels the running step (ERR_CANCELLED). */
  signal?: AbortSignal;
}

/** What the flow is given rather than reaching for: fetch, the clock, randomness, and a progress listener. */
export interface TokenFlowDeps {
  fetch: typeof fetch;
  now?: () => number;
  randomUUID?: () => string;
  /** Called with a snapshot of a step when it starts (running) and when it ends (ok, failed or cancelled). */
  onStep?: (step: TokenFlowStep) => void;
}

const TOKEN_SECRETS = ['access_token', 'refresh_token', 'id_token'];

/**
 * Runs the flow and reports every step. Never throws for expected failures: the report's outcome carries the error,
 * the failed step says failed (or cancelled), and the steps after it stay pending. Input checks (client id, discovery
 * URL) run before any step; preflight runs before the token request is sent.
 */
export async function runTokenFlow(input: TokenFlowInput, deps: TokenFlowDeps): Promise<TokenFlowReport> {
  const now = deps.now ?? Date.now;
  const randomUUID = deps.randomUUID ?? (() => crypto.randomUUID());
  const tracker = new StepTracker<FlowStepId>(now, deps.onStep, pendingSteps());
  const warnings: FlowWarning[] = [];
  const warn = (warning: FlowWarning | null): void => {
    if (warning !== null && !warnings.some((w) => w.code === warning.code)) warnings.push(warning);
  };
  const net: NetOptions = { fetch: deps.fetch };
  if (input.timeoutMs !== undefined) net.timeoutMs = input.timeoutMs;
  if (input.signal !== undefined) net.signal = input.signal;
  const style = input.tokenRequestStyle ?? 'form';
  const failed = (error: unknown): TokenFlowReport => ({
    steps: tracker.steps,
    warnings,
    outcome: { ok: false, error: toErrorPayload(error) },
  });

  let clientId: string;
  let discoveryUrl: URL;
  try {
    clientId = checkClientId(input.clientId);
    discoveryUrl = checkEndpointUrl(input.discoveryUrl, 'discovery URL');
  } catch (error) {
    return failed(error);
  }

  let current: FlowStepId = 'discovery';
  // The signed assertion, once there is one: masked wherever the server echoes it (a body, an error_description).
  const echoed: string[] = [];
  try {
    tracker.start('discovery', { request: showRequest(discoveryUrl, DISCOVERY_REQUEST, []) });
    const discovery = await timedRequest(discoveryUrl, { ...DISCOVERY_REQUEST }, 'discovery endpoint', net);
    tracker.note('discovery', { response: showResponse(discovery) });
    warn(clockSkewWarning(discovery.serverDateMs, now()));
    const tokenEndpoint = readTokenEndpoint(discovery);
    tracker.succeed('discovery');

    current = 'assertion';
    tracker.start('assertion');
    const header = { ...ASSERTION_HEADER };
    const claims = buildAssertionClaims(clientId, now(), randomUUID);
    preflightAssertion({ ...header }, { ...claims }, clientId);
    const compact = await signAssertion(header, claims, input.privateKey);
    echoed.push(compact);
    tracker.succeed('assertion', { assertion: { header: { ...header }, payload: { ...claims }, compact } });

    current = 'token';
    const params = tokenRequestParams(clientId, compact);
    const { url, request } = buildTokenRequest(tokenEndpoint, params, style);
    tracker.start('token', { request: showRequest(tokenEndpoint, request, params, ['client_assertion']) });
    const answer = await timedRequest(url, request, 'token endpoint', net);
    const json = jsonObjectBody(answer.body);
    tracker.note('token', { response: showResponse(answer, TOKEN_SECRETS, json, echoed) });
    warn(clockSkewWarning(answer.serverDateMs, now()));
    const token = readTokenResponse(answer, json);
    token.warnings.forEach(warn);
    tracker.succeed('token');
    return {
      steps: tracker.steps,
      warnings,
      outcome: {
        ok: true,
        token: {
          accessToken: token.accessToken,
          expiresIn: token.expiresIn,
          expiresAt: now() + token.expiresIn * 1000,
          tokenEndpoint: tokenEndpoint.href,
          curl: tokenRequestCurl(tokenEndpoint, params, style),
        },
      },
    };
  } catch (error) {
    const masked = maskErrorSecrets(error, echoed);
    tracker.fail(current, masked);
    return failed(masked);
  }
}
