// A saved profile's token for `mctoken token`, `exec` and `whoami`, through the token cache (electron/services/token-cache):
// first the cached path, which reads profiles.json and the keychain entry and nothing else (no zod, no router, no key
// import, no network); then the full path, the profile service's runnable profile and one exchange under the profile's lock.
import type { Product } from '../shared/profiles/profile';
import { credentialsFingerprint, type CachedToken, type TokenCredentials } from '../electron/services/token-cache/cached-token';
import { readLeanProfile } from '../electron/services/token-cache/lean-profile';
import { createTokenCache, DEFAULT_MIN_VALID_MS, type TokenCache } from '../electron/services/token-cache/token-cache';
import { profileClientSecretAccount, profileTokenAccount } from '../electron/services/profiles/profile-secret-account';
import { defaultUserDataDir } from '../electron/services/paths';
import { keychainServiceName } from '../electron/services/secret-store/keychain-service-name';
import { keychainNotFoundError } from '../electron/services/secret-store/keychain-errors';
import { loadKeytar } from '../electron/services/secret-store/load-keytar';
import type { SecretStore } from '../electron/services/secret-store/secret-store';
import type { IssueSettings } from './issue-token';
import { EXIT_FAILURE, type CliIo } from './terminal/run';
import { reportWarning } from './terminal/report';
import { stepSecrets } from './terminal/steps';
import type { KnownSecrets } from './terminal/safe-text';

/** How to get the token: --min-valid, --fresh, --no-cache, and how a new one is fetched. */
export interface ProfileTokenSettings extends IssueSettings {
  /** Least seconds a reused token must have left (default 60). */
  minValidSeconds?: number | undefined;
  /** Always a new token (cached for the next calls). */
  fresh?: boolean | undefined;
  /** A new token, and the cache neither read nor written. */
  noCache?: boolean | undefined;
}

/** The profile a token is for, as far as its users need it (who-am-I finds the tenant with it). */
export type TokenProfile = TokenCredentials & { name: string };

/** A token for the profile, whether it was reused, and the secrets to mask in output; or the exit status (already reported). */
export type ProfileTokenResult =
  | { ok: true; token: CachedToken; cached: boolean; profile: TokenProfile; secrets: KnownSecrets; refused: () => Promise<void> }
  | { ok: false; exitCode: number };

function cacheOn(secrets: Pick<SecretStore, 'get' | 'set' | 'delete'>, env: NodeJS.ProcessEnv): TokenCache {
  return createTokenCache({ secrets, userDataDir: defaultUserDataDir(env) });
}

/**
 * The keychain as the cached path reads it: keytar's lookup alone. The full store (which asks D-Bus whether the keychain is
 * locked, through child_process) is loaded only to drop an entry.
 */
async function leanKeychain(env: NodeJS.ProcessEnv): Promise<Pick<SecretStore, 'get' | 'set' | 'delete'> | null> {
  const keytar = await loadKeytar().catch(() => null);
  if (keytar === null) return null;
  const service = keychainServiceName(env);
  const full = async () => (await import('../electron/services/secret-store/keytar-secret-store')).createKeytarSecretStore({ service });
  return {
    async get(account) {
      const secret = await keytar.getPassword(service, account);
      if (secret === null) throw keychainNotFoundError(account);
      return secret;
    },
    set: async (account, secret) => (await full()).set(account, secret),
    delete: async (account) => (await full()).delete(account),
  };
}

/** The cached path: a token only when everything is as expected, else null (and the full path says what is wrong). */
async function cachedToken(name: string, minValidMs: number, product: Product | undefined, env: NodeJS.ProcessEnv) {
  const profile = await readLeanProfile(defaultUserDataDir(env), name);
  if (profile === null || (product !== undefined && profile.product !== product)) return null;
  const keychain = await leanKeychain(env);
  if (keychain === null) return null;
  // Each entry read once: Engagement's token entry is read while its client secret (hashed into the fingerprint) is.
  const reads = new Map<string, Promise<string>>();
  const secrets = { ...keychain, get: (account: string) => reads.get(account) ?? reads.set(account, keychain.get(account)).get(account)! };
  const cache = cacheOn(secrets, env);
  let clientSecret: string | null = null;
  if (profile.product === 'engagement') {
    secrets.get(profileTokenAccount(profile.id)).catch(() => undefined);
    clientSecret = await secrets.get(profileClientSecretAccount(profile.id)).catch(() => null);
    if (clientSecret === null) return null;
  }
  const token = await cache.read(profile.id, credentialsFingerprint(profile, clientSecret), minValidMs);
  return token === null ? null : { token, profile, clientSecret, cache };
}

/**
 * The token of the saved profile `name` (of `product` when given): a cached one with the time asked for left, else a new
 * one, cached for the next calls (unless --no-cache). The profile service reports a missing or broken profile.
 */
export async function profileToken(
  name: string,
  settings: ProfileTokenSettings,
  io: CliIo,
  product?: Product,
): Promise<ProfileTokenResult> {
  const minValidMs = (settings.minValidSeconds ?? DEFAULT_MIN_VALID_MS / 1000) * 1000;
  if (settings.fresh !== true && settings.noCache !== true) {
    const hit = await cachedToken(name, minValidMs, product, io.env);
    if (hit !== null) {
      const { token, profile, clientSecret, cache } = hit;
      return {
        ok: true,
        token,
        cached: true,
        profile,
        secrets: [clientSecret],
        refused: () => cache.refused(profile.id, token.accessToken),
      };
    }
  }
  // The full path: the profile service's runnable profile, the cache re-read under the profile's lock, and one run
  // through the product's own service (the app's path too).
  const { cliServices, reportRun, withCliRun } = await import('./issue-token');
  const services = await cliServices(io);
  // A web or public app's profile gets its tokens with its stored refresh token, rotated under the profile's lock.
  const target = await services.profiles.runnable({ name }, product);
  if (target.product === 'engagement-web') {
    const { webAppProfileToken } = await import('./web-app-token');
    return webAppProfileToken(target, services.secrets, settings, minValidMs, io);
  }
  let secrets: KnownSecrets = [];
  return withCliRun(
    settings,
    io,
    () => secrets,
    async ({ signal, onStep }) => {
      const got = await services.profileTokens.obtain({
        ref: { name },
        product,
        minValidMs,
        fresh: settings.fresh,
        noCache: settings.noCache,
        timeoutMs: settings.timeoutMs,
        tokenRequestStyle: settings.queryStyle === true ? 'query' : undefined,
        signal,
        onStep,
        onResolved: ({ clientSecret }) => {
          secrets = [clientSecret];
        },
      });
      // The signed assertion of a new Intelligence token went to the token endpoint: masked wherever the server echoes it.
      secrets = [got.clientSecret, ...(got.run?.steps.flatMap(stepSecrets) ?? [])];
      const exitCode = reportRun({ warnings: got.run?.warnings ?? [], outcome: got }, secrets, signal, io);
      if (exitCode !== null || !got.ok) return { ok: false, exitCode: exitCode ?? EXIT_FAILURE };
      if (!got.cached && got.token.expiresIn * 1000 < minValidMs)
        reportWarning(
          `--min-valid ${minValidMs / 1000} is longer than a new token of this profile lives (${got.token.expiresIn} s): printing a new one anyway.`,
          io,
        );
      if (!got.cached && !got.stored && settings.noCache !== true)
        reportWarning('The token could not be kept in the OS keychain: it is printed, and the next call gets a new one.', io);
      const { token, cached, profile } = got;
      return { ok: true, token, cached, profile, secrets, refused: () => services.profileTokens.refused(profile.id, token.accessToken) };
    },
  );
}
