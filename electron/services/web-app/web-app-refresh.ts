// A saved web or public app's next access token: its stored refresh token spent at v2/token and the new one (refresh tokens
// rotate) written to the keychain before the access token is handed out. The profile token service
// (electron/services/token-cache) calls it holding the profile's token lock, so two processes never spend the same refresh
// token: the second waits, then reuses the first one's cached token, or spends the new refresh token the first one stored.
import { toErrorPayload, WorkbenchError } from '../../../shared/errors/workbench-error';
import type { FlowStep } from '../../../shared/exchange/flow-types';
import { runWebRefresh } from '../../../shared/engagement/run-web-refresh';
import type { WebAppReport, WebRefreshStepId } from '../../../shared/engagement/web-app-types';
import type { Profile } from '../../../shared/profiles/profile';
import { profileSecretAccount } from '../profiles/profile-secret-account';
import type { ProfileRunPorts } from '../token-cache/profile-token-service';
import type { SecretStore } from '../secret-store/secret-store';

/** What to run again when a refresh token is refused: the profile's own sign-in, saved under its name again. */
export function signInAgainCommand(profile: Pick<Profile, 'name' | 'clientId' | 'subdomain' | 'authUrl' | 'hasClientSecret'>): string {
  const where = profile.subdomain !== null ? `--subdomain ${profile.subdomain}` : `--auth-url ${profile.authUrl ?? 'URL'}`;
  const secret = profile.hasClientSecret ? ' --client-secret-env VAR' : '';
  return `Sign in again and save over it: mctoken login --client-id ${profile.clientId}${secret} ${where} --save "${profile.name}" (or in the app: Engagement credentials, "Web or public app", then "Save as profile" with the same name).`;
}

/** What a refresh needs: the saved profile and its client secret (null for a public app). */
export interface WebAppRefreshTarget {
  profile: Profile;
  clientSecret: string | null;
  tokenBaseUrl: string;
}

/**
 * Reads the stored refresh token, refreshes, and stores the new refresh token; the report's outcome is the access token
 * only once the new refresh token is stored. A refused refresh token is ERR_REFRESH_TOKEN_REFUSED saying how to sign in again.
 */
export async function refreshWebApp(
  target: WebAppRefreshTarget,
  deps: {
    secrets: Pick<SecretStore, 'get' | 'set'>;
    fetch: typeof fetch;
    now?: () => number;
    onStep?: (step: FlowStep<WebRefreshStepId>) => void;
    timeoutMs?: number;
    signal?: AbortSignal;
  },
): Promise<WebAppReport<WebRefreshStepId>> {
  const { profile } = target;
  const account = profileSecretAccount(profile.id);
  const signInAgain = signInAgainCommand(profile);
  let refreshToken: string;
  try {
    refreshToken = await deps.secrets.get(account);
  } catch (error) {
    const gone = error instanceof WorkbenchError && error.code === 'ERR_KEYCHAIN_NOT_FOUND';
    const failure = gone
      ? new WorkbenchError('ERR_REFRESH_TOKEN_REFUSED', `Profile "${profile.name}" has no refresh token in the OS keychain.`, {
          hint: signInAgain,
        })
      : error;
    return { steps: [], warnings: [], outcome: { ok: false, error: toErrorPayload(failure) } };
  }
  const report = await runWebRefresh(
    {
      tokenBaseUrl: target.tokenBaseUrl,
      clientId: profile.clientId,
      clientSecret: target.clientSecret,
      refreshToken,
      requestedScopes: profile.scope === null ? null : profile.scope.split(' ').filter((name) => name !== ''),
      signInAgain,
      ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
      ...(deps.signal === undefined ? {} : { signal: deps.signal }),
    },
    {
      fetch: deps.fetch,
      ...(deps.now === undefined ? {} : { now: deps.now }),
      ...(deps.onStep === undefined ? {} : { onStep: deps.onStep }),
    },
  );
  if (!report.outcome.ok) return report;
  const next = report.outcome.token.refreshToken;
  // A server that did not rotate leaves the stored one in place.
  if (next !== null && next !== refreshToken) {
    try {
      await deps.secrets.set(account, next);
    } catch (error) {
      const payload = toErrorPayload(error);
      return {
        ...report,
        outcome: {
          ok: false,
          error: {
            ...payload,
            message: `The new refresh token could not be stored in the OS keychain (${payload.message}): the old one is spent, so this profile must sign in again.`,
            hint: signInAgain,
          },
        },
      };
    }
  }
  return { ...report, outcome: { ok: true, token: { ...report.outcome.token, refreshToken: null } } };
}

/**
 * The profile token service's web-app port on the keychain and fetch: a runnable engagement-web profile refreshed. The
 * service calls it only under the profile's token lock.
 */
export function createWebAppPort(deps: {
  secrets: Pick<SecretStore, 'get' | 'set'>;
  fetch: typeof fetch;
  now?: () => number;
}): ProfileRunPorts['webApp'] {
  return {
    refreshProfile: (runnable, { onStep, signal, timeoutMs }) =>
      refreshWebApp(runnable, {
        ...deps,
        ...(onStep === undefined ? {} : { onStep }),
        ...(signal === undefined ? {} : { signal }),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      }),
  };
}
