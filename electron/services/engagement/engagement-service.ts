// Engagement runs in the main process: the server-to-server token (with who-am-I) and the legacy refresh, from a saved
// profile (secret read from the keychain here) or from values sent for one run only. No secret goes back to the caller.
import { decodeToken } from '../../../shared/decode/decode-token';
import type { DecodedToken } from '../../../shared/decode/decoded-token';
import { resolveTenant } from '../../../shared/engagement/tenant';
import { verifySignature } from '../../../shared/verify/verify-signature';
import type { SecretEncoding } from '../../../shared/verify/verification';
import type { EngagementFlowReport, EngagementStepId, RefreshReport, RefreshStepId } from '../../../shared/engagement/flow-types';
import { refreshSourceOf } from '../../../shared/engagement/legacy-refresh';
import { runEngagementFlow, type EngagementFlowInput } from '../../../shared/engagement/run-engagement-flow';
import { REFRESH_STEP_TITLE, runLegacyRefresh, type RefreshInput } from '../../../shared/engagement/run-legacy-refresh';
import { toErrorPayload } from '../../../shared/errors/workbench-error';
import type { FlowStep } from '../../../shared/exchange/flow-types';
import type { EngagementDraft, EngagementRefreshRequest, EngagementTokenRequest } from '../../../shared/ipc/ipc-contract';
import type { ProfileService, RunnableOf, RunnableProfile } from '../profiles/profile-service';
import { cachedEngagementToken, type CachedToken } from '../token-cache/cached-token';
import type { ProfileRunOptions } from '../token-cache/profile-token-service';

/** A step of either Engagement run, as progress events carry it. */
export type EngagementProgressStep = FlowStep<EngagementStepId | RefreshStepId>;

/** What the Engagement service needs. */
export interface EngagementServiceDeps {
  profiles: Pick<ProfileService, 'runnable'> & {
    /** The profile's JWT signing secret (throws when it has none): a refresh to a non-Marketing Cloud host needs the JWT verified. */
    getSigningSecret?(id: string): Promise<{ secret: string; encoding: SecretEncoding }>;
  };
  /** safe-fetch in the app and the CLI. */
  fetch: typeof fetch;
  /** Keeps the token a saved profile's run got in the token cache ("Get token" refreshes it). */
  rememberToken?: (runnable: RunnableProfile, token: CachedToken) => Promise<unknown>;
  now?: () => number;
}

type EngagementRunnable = RunnableOf<'engagement'>;

/** What the router needs of it. */
export interface EngagementPort {
  /** The router's runs (the call's signal) and the CLI's (Ctrl-C). */
  token(
    request: EngagementTokenRequest,
    onStep: (step: EngagementProgressStep) => void,
    signal?: AbortSignal,
  ): Promise<EngagementFlowReport>;
  refresh(request: EngagementRefreshRequest, onStep: (step: EngagementProgressStep) => void, signal?: AbortSignal): Promise<RefreshReport>;
  /** The server-to-server token of an already resolved saved profile (the token cache's path), cancelled by `options.signal`. */
  tokenForProfile(runnable: EngagementRunnable, options: ProfileRunOptions<EngagementStepId>): Promise<EngagementFlowReport>;
}

/** The run values of a runnable Engagement profile (the app's runs and the CLI's). */
export function engagementDraftOf(runnable: EngagementRunnable): EngagementDraft {
  const { profile } = runnable;
  return {
    clientId: profile.clientId,
    clientSecret: runnable.clientSecret,
    subdomain: profile.subdomain,
    authUrl: profile.authUrl,
    scope: profile.scope,
    accountId: profile.accountId,
  };
}

/** True when the JWT's signature checks out with the profile's stored JWT signing secret; false without one. */
async function verifiedWithProfile(deps: EngagementServiceDeps, profileId: string, decoded: DecodedToken): Promise<boolean> {
  if (deps.profiles.getSigningSecret === undefined) return false;
  const key = await deps.profiles.getSigningSecret(profileId).catch(() => null);
  if (key === null) return false;
  return (await verifySignature(decoded, { type: 'secret', secret: key.secret, encoding: key.encoding })).status === 'valid';
}

/** Creates the Engagement service. */
export function createEngagementService(deps: EngagementServiceDeps): EngagementPort {
  const flowDeps = <S>(onStep: ((step: S) => void) | undefined) => ({
    fetch: deps.fetch,
    ...(onStep ? { onStep } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  const tokenRun = (credentials: EngagementDraft, options: ProfileRunOptions<EngagementStepId> & { whoami?: boolean }) => {
    const input: EngagementFlowInput = { ...credentials, whoami: options.whoami === true };
    if (options.signal !== undefined) input.signal = options.signal;
    if (options.timeoutMs !== undefined) input.timeoutMs = options.timeoutMs;
    return runEngagementFlow(input, flowDeps(options.onStep));
  };
  const tokenForProfile = (runnable: EngagementRunnable, options: ProfileRunOptions<EngagementStepId> & { whoami?: boolean }) =>
    tokenRun(engagementDraftOf(runnable), options);
  return {
    tokenForProfile,
    async token(request, onStep, signal) {
      const options = { onStep, signal, timeoutMs: request.timeoutMs, whoami: request.whoami === true };
      if ('draft' in request) return tokenRun(request.draft, options);
      const runnable = await deps.profiles.runnable(request.profileId, 'engagement');
      const report = await tokenForProfile(runnable, options);
      if (report.outcome.ok) await deps.rememberToken?.(runnable, cachedEngagementToken(report.outcome.token));
      return report;
    },
    async refresh(request, onStep, signal) {
      let decoded: DecodedToken;
      let input: RefreshInput;
      try {
        decoded = decodeToken(request.token);
        input = { source: refreshSourceOf(decoded.payload), clientId: '', clientSecret: '' };
        if (signal !== undefined) input.signal = signal;
      } catch (error) {
        return {
          steps: [{ id: 'refresh', title: REFRESH_STEP_TITLE, status: 'pending' }],
          warnings: [],
          outcome: { ok: false, error: toErrorPayload(error) },
        };
      }
      if ('profileId' in request) {
        // The stored secret goes only to the profile's own auth host, and past Marketing Cloud only for a JWT it signed.
        const credentials = engagementDraftOf(await deps.profiles.runnable(request.profileId, 'engagement'));
        input.clientId = credentials.clientId;
        input.clientSecret = credentials.clientSecret;
        input.profileAuthBase = resolveTenant({
          subdomain: credentials.subdomain ?? null,
          authUrl: credentials.authUrl ?? null,
        }).authBaseUrl;
        input.signatureVerified = await verifiedWithProfile(deps, request.profileId, decoded);
      } else {
        input.clientId = request.clientId;
        input.clientSecret = request.clientSecret;
      }
      if (request.timeoutMs !== undefined) input.timeoutMs = request.timeoutMs;
      return runLegacyRefresh(input, flowDeps(onStep));
    },
  };
}
