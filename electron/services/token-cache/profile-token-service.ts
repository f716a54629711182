// A saved profile's token for both shells, through the same services: the cached one while it has the time asked for
// left, else a new one from the product's own service run (Intelligence, Engagement, or a web or public app's stored
// refresh token spent), made under the profile's lock and cached. The app's "Copy token" and mctoken's `token`, `exec`
// and `whoami --profile` all come here; the CLI's lean cached path (cli/profile-token.ts) only reads the same cache with
// the same rules before it would.
import type { EngagementFlowReport, EngagementStepId } from '../../../shared/engagement/flow-types';
import { toErrorPayload, type ErrorPayload } from '../../../shared/errors/workbench-error';
import type { FlowStep, FlowWarning, TokenRequestStyle } from '../../../shared/exchange/flow-types';
import type { FlowStepId, TokenFlowReport } from '../../../shared/intelligence/flow-types';
import type { WebAppReport, WebRefreshStepId } from '../../../shared/engagement/web-app-types';
import type { TokenCacheState } from '../../../shared/ipc/ipc-contract';
import type { Product, Profile } from '../../../shared/profiles/profile';
import { profileClientSecretAccount } from '../profiles/profile-secret-account';
import type { RunnableOf, RunnableProfile } from '../profiles/profile-service';
import type { SecretStore } from '../secret-store/secret-store';
import {
  cachedEngagementToken,
  cachedIntelligenceToken,
  cachedWebAppToken,
  credentialsFingerprint,
  type CachedToken,
} from './cached-token';
import { DEFAULT_MIN_VALID_MS, type TokenCache } from './token-cache';

/** How a profile run goes: progress, cancellation (Ctrl-C), the per-step deadline, and Intelligence's request style. */
export interface ProfileRunOptions<Id extends string = string> {
  onStep?: ((step: FlowStep<Id>) => void) | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  tokenRequestStyle?: TokenRequestStyle | undefined;
}

/** The product services' run of an already resolved profile (the one rule for a run, shared with the router's channels). */
export interface ProfileRunPorts {
  intelligence: {
    runProfile(runnable: RunnableOf<'intelligence'>, options: ProfileRunOptions<FlowStepId>): Promise<TokenFlowReport>;
  };
  engagement: {
    tokenForProfile(runnable: RunnableOf<'engagement'>, options: ProfileRunOptions<EngagementStepId>): Promise<EngagementFlowReport>;
  };
  /**
   * A web or public app's stored refresh token spent for a new access token, the rotated one stored before the report says
   * ok (electron/services/web-app). Called only under the profile's token lock.
   */
  webApp: {
    refreshProfile(
      runnable: RunnableOf<'engagement-web'>,
      options: ProfileRunOptions<WebRefreshStepId>,
    ): Promise<WebAppReport<WebRefreshStepId>>;
  };
}

/** A product run's report: its steps, warnings and outcome. */
type RunReport = TokenFlowReport | EngagementFlowReport | WebAppReport<WebRefreshStepId>;

/** What the service needs. */
export interface ProfileTokenServiceDeps extends ProfileRunPorts {
  profiles: { runnable(ref: string | { name: string }, product?: Product): Promise<RunnableProfile> };
  secrets: Pick<SecretStore, 'get'>;
  cache: TokenCache;
  now?: () => number;
}

/** A token for a saved profile: by id or by name (any case), of `product` when given. */
export interface ProfileTokenRequest extends ProfileRunOptions {
  ref: string | { name: string };
  product?: Product | undefined;
  /** Least time a reused token must have left; default DEFAULT_MIN_VALID_MS. */
  minValidMs?: number | undefined;
  /** Always a new token (cached for the next calls). */
  fresh?: boolean | undefined;
  /** A new token, the cache neither read nor written (the outcome then says stored: false). */
  noCache?: boolean | undefined;
  /** Told the profile's client secret (Engagement, web apps) once it is read, before any step: the CLI masks it in --verbose steps too. */
  onResolved?: ((known: { profile: Profile; clientSecret: string | null }) => void) | undefined;
}

/**
 * How it went. `clientSecret` (Engagement, web apps) is for callers in the main process or the CLI to mask wherever a server echoed
 * it; it never goes to a renderer. `run` is the new token's run (its steps hold the signed assertion to mask), null when
 * the token was reused.
 */
export type ProfileTokenOutcome = {
  profile: Profile;
  clientSecret: string | null;
  run: { steps: FlowStep<string>[]; warnings: FlowWarning[] } | null;
} & (
  | { ok: true; token: CachedToken; cached: true }
  | { ok: true; token: CachedToken; cached: false; stored: boolean }
  | { ok: false; error: ErrorPayload }
);

/** Saved profiles' tokens through the cache. */
export interface ProfileTokenService {
  obtain(request: ProfileTokenRequest): Promise<ProfileTokenOutcome>;
  /** Whether the profile has a token cached for its current credentials, and until when (never the token). */
  state(profile: Profile): Promise<TokenCacheState>;
  /** A server refused this token: dropped from the cache (a newer token another process cached stays). */
  refused(profileId: string, accessToken: string): Promise<void>;
}

/** The fingerprint a runnable profile's token is cached under (its exact credentials, the client secret only hashed). */
export function fingerprintOf(runnable: RunnableProfile): string {
  return credentialsFingerprint(runnable.profile, runnable.product === 'intelligence' ? null : runnable.clientSecret);
}

/** The product service's run for this profile, and the token it got in the cache's shape (null when it failed). */
async function runFor(
  ports: ProfileRunPorts,
  runnable: RunnableProfile,
  options: ProfileRunOptions,
): Promise<{ report: RunReport; token: CachedToken | null }> {
  if (runnable.product === 'intelligence') {
    const report = await ports.intelligence.runProfile(runnable, options);
    return { report, token: report.outcome.ok ? cachedIntelligenceToken(report.outcome.token) : null };
  }
  if (runnable.product === 'engagement-web') {
    const report = await ports.webApp.refreshProfile(runnable, options);
    return { report, token: report.outcome.ok ? cachedWebAppToken(report.outcome.token) : null };
  }
  const report = await ports.engagement.tokenForProfile(runnable, options);
  return { report, token: report.outcome.ok ? cachedEngagementToken(report.outcome.token) : null };
}

/** Creates the service. */
export function createProfileTokenService(deps: ProfileTokenServiceDeps): ProfileTokenService {
  const { cache } = deps;
  const now = deps.now ?? Date.now;
  return {
    async obtain(request) {
      const runnable = await deps.profiles.runnable(request.ref, request.product);
      const { profile } = runnable;
      const clientSecret = runnable.product === 'intelligence' ? null : runnable.clientSecret;
      request.onResolved?.({ profile, clientSecret });
      const options: ProfileRunOptions = {
        onStep: request.onStep,
        signal: request.signal,
        timeoutMs: request.timeoutMs,
        tokenRequestStyle: request.tokenRequestStyle,
      };
      let report: RunReport | null = null;
      const issue = async (): Promise<CachedToken | null> => {
        const ran = await runFor(deps, runnable, options);
        report = ran.report;
        return ran.token;
      };
      const base = () => ({ profile, clientSecret, run: report === null ? null : { steps: report.steps, warnings: report.warnings } });
      const failed = (): ProfileTokenOutcome => {
        const outcome = (report as RunReport | null)?.outcome;
        // A run that failed says why; no run at all cannot happen (issue only returns null for a failed run).
        const error = outcome !== undefined && !outcome.ok ? outcome.error : toErrorPayload(null);
        return { ...base(), ok: false, error };
      };
      if (request.noCache === true) {
        // A refresh token works once: without the cache too it is spent only under the profile's lock, never twice at once.
        const token = runnable.product === 'engagement-web' ? await cache.locked(profile.id, request.signal, issue) : await issue();
        return token === null ? failed() : { ...base(), ok: true, token, cached: false, stored: false };
      }
      const obtained = await cache.obtain(
        profile.id,
        fingerprintOf(runnable),
        { minValidMs: request.minValidMs ?? DEFAULT_MIN_VALID_MS, fresh: request.fresh === true, signal: request.signal },
        issue,
      );
      return obtained === null ? failed() : { ...base(), ok: true, ...obtained };
    },

    async state(profile) {
      // A public app (engagement-web without a client secret) has none to hash into its fingerprint.
      const needsSecret = profile.product === 'engagement' || (profile.product === 'engagement-web' && profile.hasClientSecret);
      const clientSecret = needsSecret ? await deps.secrets.get(profileClientSecretAccount(profile.id)).catch(() => null) : null;
      // Without its secret the fingerprint cannot match: reading would drop a token that may still be good.
      if (needsSecret && clientSecret === null) return { cached: false };
      const token = await cache.read(profile.id, credentialsFingerprint(profile, clientSecret), 0);
      return token === null || token.expiresAt <= now() ? { cached: false } : { cached: true, expiresAt: token.expiresAt };
    },

    refused: (profileId, accessToken) => cache.refused(profileId, accessToken),
  };
}
