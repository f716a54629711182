// The legacy refresh as one timed step: spends the SSO JWT's single-use refresh token for a new access token.
import { toErrorPayload } from '../errors/workbench-error';
import type { FlowStep } from '../exchange/flow-types';
import { StepTracker } from '../exchange/flow-steps';
import { maskErrorSecrets } from '../exchange/mask-secrets';
import type { FlowWarning } from '../exchange/flow-types';
import { maskedParam, showRequest, showResponse } from '../exchange/shown-exchange';
import { timedRequest, type NetOptions } from '../exchange/timed-request';
import { checkClientSecret, checkPackageClientId } from './credentials';
import { explainUnresolvedHost } from './dns-failure';
import type { RefreshReport, RefreshStepId } from './flow-types';
import {
  buildRefreshRequest,
  checkRefreshDestination,
  readRefreshResponse,
  type RefreshDestination,
  type RefreshSource,
} from './legacy-refresh';

/** What a refresh needs: where and what to refresh (from the JWT), the package's client id and secret, and where the secret may go. */
export interface RefreshInput extends RefreshDestination {
  source: RefreshSource;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The title of the refresh step. */
export const REFRESH_STEP_TITLE = 'Refresh the token (authEndpoint, spends the refresh token)';

const REFRESH_SECRETS = ['accessToken', 'refreshToken', 'legacyToken'];

/** Runs the refresh; never throws for expected failures. The request shows the secret and the spent refresh token masked. */
export async function runLegacyRefresh(
  input: RefreshInput,
  deps: { fetch: typeof fetch; now?: () => number; onStep?: (step: FlowStep<RefreshStepId>) => void },
): Promise<RefreshReport> {
  const now = deps.now ?? Date.now;
  const tracker = new StepTracker<RefreshStepId>(now, deps.onStep, [{ id: 'refresh', title: REFRESH_STEP_TITLE, status: 'pending' }]);
  const net: NetOptions = { fetch: deps.fetch };
  if (input.timeoutMs !== undefined) net.timeoutMs = input.timeoutMs;
  if (input.signal !== undefined) net.signal = input.signal;
  let started = false;
  const warnings: FlowWarning[] = [];
  // Masked by value wherever the server quotes them back (error text, bodies).
  const secrets = [input.clientSecret, input.source.refreshToken];
  try {
    const clientId = checkPackageClientId(input.clientId);
    const clientSecret = checkClientSecret(input.clientSecret);
    const { url, request } = buildRefreshRequest(input.source, clientId, clientSecret);
    warnings.push(...checkRefreshDestination(url, input));
    const fields = [
      ['clientId', clientId] as const,
      // Replaced, not only flagged: steps cross IPC, and neither the secret nor the spent refresh token goes back.
      maskedParam('clientSecret', clientSecret),
      maskedParam('refreshToken', input.source.refreshToken),
      ['accessType', 'offline'] as const,
    ];
    tracker.start('refresh', { request: showRequest(url, request, fields, ['clientSecret', 'refreshToken']) });
    started = true;
    const answer = await timedRequest(url, request, 'auth endpoint', net).catch((error: unknown) => {
      throw explainUnresolvedHost(error, url.host);
    });
    tracker.note('refresh', { response: showResponse(answer, REFRESH_SECRETS, undefined, secrets) });
    const refreshed = readRefreshResponse(answer);
    tracker.succeed('refresh');
    return {
      steps: tracker.steps,
      warnings,
      outcome: { ok: true, token: { ...refreshed, expiresAt: now() + refreshed.expiresIn * 1000, authEndpoint: url.href } },
    };
  } catch (error) {
    const masked = maskErrorSecrets(error, secrets);
    if (started) tracker.fail('refresh', masked);
    return { steps: tracker.steps, warnings, outcome: { ok: false, error: toErrorPayload(masked) } };
  }
}
