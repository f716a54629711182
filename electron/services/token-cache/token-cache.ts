// The token cache: one keychain entry per saved profile (`profile:<id>:token`, beside its secret), never a file. A token
// is handed out only for the exact credentials it was issued for (the fingerprint), only before it expires with the time
// asked for left, and never once a server refused it; any such entry is dropped when met. Getting a new token holds the
// profile's OS-level lock and re-reads the cache under it, so many processes asking at once make one exchange.
import { profileTokenAccount } from '../profiles/profile-secret-account';
import type { SecretStore } from '../secret-store/secret-store';
import { parseCacheEntry, serializeCacheEntry, type CachedToken } from './cached-token';

/** The least time a reused token must have left, by default (`--min-valid`). */
export const DEFAULT_MIN_VALID_MS = 60_000;

/** How long to wait for another process getting the same profile a token (two slow network steps and some). */
export const TOKEN_LOCK_WAIT_MS = 60_000;

/** What the cache needs: the keychain, the user-data folder (its lock files) and a clock. */
export interface TokenCacheDeps {
  secrets: Pick<SecretStore, 'get' | 'set' | 'delete'>;
  userDataDir: string;
  now?: () => number;
  lockWaitMs?: number;
}

/** What {@link TokenCache.obtain} gives: the token, whether it was reused, and for a new one whether the keychain kept it. */
export type ObtainedToken = { token: CachedToken; cached: true } | { token: CachedToken; cached: false; stored: boolean };

/** The token cache of saved profiles. */
export interface TokenCache {
  /** The cached token of the profile when it fits `fingerprint` and has `minValidMs` left; a mismatched or expired entry is dropped. */
  read(profileId: string, fingerprint: string, minValidMs: number): Promise<CachedToken | null>;
  /**
   * A token with `minValidMs` left: the cached one (unless `fresh`), else one from `issue` (null when it failed and said why),
   * cached for the profile. `issue` runs under the profile's lock after a second look at the cache.
   */
  obtain(
    profileId: string,
    fingerprint: string,
    settings: { minValidMs: number; fresh: boolean; signal?: AbortSignal | undefined },
    issue: () => Promise<CachedToken | null>,
  ): Promise<ObtainedToken | null>;
  /**
   * Runs `work` holding the profile's lock (the one `obtain` issues under), without reading or writing the cache: what spends
   * a single-use refresh token with --no-cache takes it too.
   */
  locked<T>(profileId: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T>;
  /** Caches a new token of the profile (a run from a saved profile got it); false when the keychain would not keep it. */
  store(profileId: string, fingerprint: string, token: CachedToken): Promise<boolean>;
  /** A server refused this token: drops it from the cache (a newer token another process cached stays). */
  refused(profileId: string, accessToken: string): Promise<void>;
}

/** Creates the cache on the keychain `secrets`; keychain failures on reading count as nothing cached. */
export function createTokenCache(deps: TokenCacheDeps): TokenCache {
  const { secrets, userDataDir } = deps;
  const now = deps.now ?? Date.now;
  const lockWaitMs = deps.lockWaitMs ?? TOKEN_LOCK_WAIT_MS;

  async function stored(profileId: string): Promise<ReturnType<typeof parseCacheEntry> | undefined> {
    try {
      return parseCacheEntry(await secrets.get(profileTokenAccount(profileId)));
    } catch {
      // Not found: nothing cached. Any other keychain trouble also leaves nothing to reuse; the exchange will say what is wrong.
      return undefined;
    }
  }

  const drop = (profileId: string): Promise<unknown> => secrets.delete(profileTokenAccount(profileId)).catch(() => false);

  async function read(profileId: string, fingerprint: string, minValidMs: number): Promise<CachedToken | null> {
    const entry = await stored(profileId);
    if (entry === undefined) return null;
    if (entry === null || entry.fingerprint !== fingerprint || entry.token.expiresAt <= now()) {
      await drop(profileId);
      return null;
    }
    return entry.token.expiresAt - now() >= minValidMs ? entry.token : null;
  }

  // A token that cannot be cached is still the caller's: the next call makes its own exchange.
  const store = (profileId: string, fingerprint: string, token: CachedToken): Promise<boolean> =>
    secrets.set(profileTokenAccount(profileId), serializeCacheEntry(fingerprint, token)).then(
      () => true,
      () => false,
    );

  async function locked<T>(profileId: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    // Loaded only to get a new token: the cached path never loads proper-lockfile.
    const { withTokenLock } = await import('./token-cache-lock');
    return withTokenLock(userDataDir, profileId, { waitMs: lockWaitMs, signal }, work);
  }

  return {
    read,
    store,
    locked,

    async obtain(profileId, fingerprint, { minValidMs, fresh, signal }, issue) {
      if (!fresh) {
        const cached = await read(profileId, fingerprint, minValidMs);
        if (cached !== null) return { token: cached, cached: true };
      }
      return locked(profileId, signal, async () => {
        // Whoever held the lock before us may have just cached one.
        if (!fresh) {
          const cached = await read(profileId, fingerprint, minValidMs);
          if (cached !== null) return { token: cached, cached: true };
        }
        const token = await issue();
        if (token === null) return null;
        return { token, cached: false, stored: await store(profileId, fingerprint, token) };
      });
    },

    async refused(profileId, accessToken) {
      const entry = await stored(profileId);
      if (entry === undefined) return;
      if (entry === null || entry.token.accessToken === accessToken) await drop(profileId);
    },
  };
}
