// A stored refresh token spent for a new access token (and the next refresh token: each refresh rotates it) as one timed
// step. The caller stores the new refresh token before using the access token.
import { toErrorPayload } from '../errors/workbench-error';
import { maskErrorSecrets } from '../exchange/mask-secrets';
import { StepTracker } from '../exchange/flow-steps';
import type { FlowStep, FlowWarning } from '../exchange/flow-types';
import type { NetOptions } from '../exchange/timed-request';
import { checkClientSecret, checkPackageClientId } from './credentials';
import { tenantFromAuthUrl } from './tenant';
import type { WebAppReport, WebRefreshStepId } from './web-app-types';
import { refreshTokenFields } from './web-app-token';
import { webTokenStep } from './web-token-step';

/** The title of the refresh step. */
export const WEB_REFRESH_STEP_TITLE = 'Refresh the token (v2/token, refresh_token: spends the stored refresh token)';

/** What a refresh needs. */
export interface WebRefreshInput {
  /** Where the sign-in's token calls went (the tssd host when one was named). */
  tokenBaseUrl: string;
  clientId: string;
  clientSecret: string | null;
  refreshToken: string;
  requestedScopes: string[] | null;
  tssd?: string | null;
  /** What to do when the refresh token is refused, e.g. `mctoken login … --save NAME`. */
  signInAgain: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Runs the refresh; never throws for expected failures. */
export async function runWebRefresh(
  input: WebRefreshInput,
  deps: { fetch: typeof fetch; now?: () => number; onStep?: (step: FlowStep<WebRefreshStepId>) => void },
): Promise<WebAppReport<WebRefreshStepId>> {
  const now = deps.now ?? Date.now;
  const tracker = new StepTracker<WebRefreshStepId>(now, deps.onStep, [
    { id: 'refresh-token', title: WEB_REFRESH_STEP_TITLE, status: 'pending' },
  ]);
  const net: NetOptions = { fetch: deps.fetch };
  if (input.timeoutMs !== undefined) net.timeoutMs = input.timeoutMs;
  if (input.signal !== undefined) net.signal = input.signal;
  const warnings: FlowWarning[] = [];
  const secrets = [input.refreshToken];
  let started = false;
  try {
    const clientId = checkPackageClientId(input.clientId);
    const clientSecret = input.clientSecret === null ? null : checkClientSecret(input.clientSecret);
    if (clientSecret !== null) secrets.push(clientSecret);
    const tokenTenant = tenantFromAuthUrl(input.tokenBaseUrl);
    started = true;
    const token = await webTokenStep(
      tracker,
      'refresh-token',
      {
        grant: 'refresh_token',
        tokenTenant,
        fields: refreshTokenFields({ clientId, clientSecret, refreshToken: input.refreshToken }),
        requestedScopes: input.requestedScopes,
        tssd: input.tssd ?? null,
        signInAgain: input.signInAgain,
      },
      net,
      secrets,
      warnings,
      now,
    );
    return { steps: tracker.steps, warnings, outcome: { ok: true, token } };
  } catch (error) {
    const masked = maskErrorSecrets(error, secrets);
    if (started) tracker.fail('refresh-token', masked);
    return { steps: tracker.steps, warnings, outcome: { ok: false, error: toErrorPayload(masked) } };
  }
}
