// A saved web or public app's token for `mctoken token --profile` (and exec): a cached access token, else its refresh token
// spent for a new one under the profile's token lock, the rotated refresh token stored before anything is printed.
// --no-cache skips the cache but never the lock: the refresh token must not be spent twice.
import { credentialsFingerprint, type CachedToken } from '../electron/services/token-cache/cached-token';
import { createTokenCache, TOKEN_LOCK_WAIT_MS } from '../electron/services/token-cache/token-cache';
import { withTokenLock } from '../electron/services/token-cache/token-cache-lock';
import { defaultUserDataDir } from '../electron/services/paths';
import type { SecretStore } from '../electron/services/secret-store/secret-store';
import { refreshWebApp, type WebAppRefreshTarget } from '../electron/services/web-app/web-app-refresh';
import type { ProfileTokenResult, ProfileTokenSettings } from './profile-token';
import { EXIT_FAILURE, EXIT_INTERRUPTED, interruptSignal, type CliIo } from './terminal/run';
import { formatStep } from './terminal/steps';
import { painterFor } from './terminal/paint';
import { reportError, reportFlowWarning } from './terminal/report';
import type { KnownSecrets } from './terminal/safe-text';

/** The token of a saved engagement-web profile; reports its own errors (then the exit status). */
export async function webAppProfileToken(
  target: WebAppRefreshTarget,
  secrets: SecretStore,
  settings: ProfileTokenSettings,
  minValidMs: number,
  io: CliIo,
): Promise<ProfileTokenResult> {
  const { profile, clientSecret } = target;
  const userDataDir = defaultUserDataDir(io.env);
  const cache = createTokenCache({ secrets, userDataDir });
  const known: KnownSecrets = [clientSecret];
  let failed = EXIT_FAILURE;
  const issue = async (): Promise<CachedToken | null> => {
    const { createSafeFetch } = await import('../electron/services/net/safe-fetch');
    const paint = painterFor(io.stderr, io.env);
    const interrupt = interruptSignal();
    try {
      const report = await refreshWebApp(target, {
        secrets,
        fetch: createSafeFetch(),
        signal: interrupt.signal,
        ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
        ...(settings.verbose === true ? { onStep: (step) => io.stderr.write(formatStep(step, paint, known)) } : {}),
      });
      for (const warning of report.warnings) reportFlowWarning(warning, io, known);
      if (!report.outcome.ok) {
        reportError(report.outcome.error, io, known);
        failed = report.outcome.error.code === 'ERR_CANCELLED' && interrupt.signal.aborted ? EXIT_INTERRUPTED : EXIT_FAILURE;
        return null;
      }
      const { token } = report.outcome;
      return {
        accessToken: token.accessToken,
        expiresAt: token.expiresAt,
        expiresIn: token.expiresIn,
        tokenEndpoint: token.tokenEndpoint,
        tokenType: token.tokenType,
        scope: token.scope,
        missingScopes: token.missingScopes,
        restInstanceUrl: token.restInstanceUrl,
        soapInstanceUrl: token.soapInstanceUrl,
      };
    } finally {
      interrupt.dispose();
    }
  };
  const fingerprint = credentialsFingerprint(profile, clientSecret);
  const obtained =
    settings.noCache === true
      ? await withTokenLock(userDataDir, profile.id, { waitMs: TOKEN_LOCK_WAIT_MS }, issue).then((token) =>
          token === null ? null : { token, cached: false },
        )
      : await cache.obtain(profile.id, fingerprint, { minValidMs, fresh: settings.fresh === true }, issue);
  if (obtained === null) return { ok: false, exitCode: failed };
  return { ok: true, ...obtained, profile, secrets: known, refused: () => cache.refused(profile.id, obtained.token.accessToken) };
}
