// What `mctoken profiles show` says about a profile's cached token: whether there is one for its current credentials and
// how long it has left. Never the token.
import type { Profile } from '../shared/profiles/profile';
import { credentialsFingerprint } from '../electron/services/token-cache/cached-token';
import { createTokenCache } from '../electron/services/token-cache/token-cache';
import { profileClientSecretAccount } from '../electron/services/profiles/profile-secret-account';
import { defaultUserDataDir } from '../electron/services/paths';
import type { SecretStore } from '../electron/services/secret-store/secret-store';

/** "none", or "yes, N min S s left (until ISO)": a token for other credentials, or expired, counts as none (and is dropped). */
export async function describeCachedToken(
  profile: Profile,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv,
  now: () => number = Date.now,
): Promise<string> {
  const clientSecret =
    profile.product !== 'intelligence' ? await secrets.get(profileClientSecretAccount(profile.id)).catch(() => null) : null;
  const cache = createTokenCache({ secrets, userDataDir: defaultUserDataDir(env), now });
  const token = await cache.read(profile.id, credentialsFingerprint(profile, clientSecret), 0);
  if (token === null) return 'none';
  const left = Math.max(0, Math.floor((token.expiresAt - now()) / 1000));
  return `yes, ${Math.floor(left / 60)} min ${left % 60} s left (until ${new Date(token.expiresAt).toISOString()})`;
}
