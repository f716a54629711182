// The profile service's side of the OS keychain: the state of each profile's entries, the stored secrets a run needs (the
// private key imported, never handed out as text), and what a save and a delete use to write, put back and clear entries.
import { importPKCS8 } from 'jose';
import { isWorkbenchError, WorkbenchError } from '../../../shared/errors/workbench-error';
import type { ProfileKeychainState } from '../../../shared/ipc/ipc-contract';
import type { Product, Profile } from '../../../shared/profiles/profile';
import type { SecretEncoding } from '../../../shared/verify/verification';
import type { SecretStore } from '../secret-store/secret-store';
import { profileAccounts, profileClientSecretAccount, profileSecretAccount } from './profile-secret-account';
import { noSecretStoredError, profileInvalidError, secretGoneError, wrongProductError } from './profile-service-errors';

/** A profile ready for a token run, with its secret (main process only: never sent to the renderer or printed). */
export type RunnableProfile =
  | { product: 'intelligence'; profile: Profile; discoveryUrl: string; privateKey: CryptoKey }
  | { product: 'engagement'; profile: Profile; clientSecret: string }
  /** The refresh token is read under the profile's token lock when it is spent (electron/services/web-app). */
  | { product: 'engagement-web'; profile: Profile; clientSecret: string | null; tokenBaseUrl: string };

/** The runnable profile of one product. */
export type RunnableOf<P extends Product> = Extract<RunnableProfile, { product: P }>;

const PRIVATE_KEY = 'private key';
const SIGNING_SECRET = 'JWT signing secret';
const CLIENT_SECRET = 'client secret';

/** The keychain reads and writes of the profile service, over one secret store. */
export function createProfileKeychain(secrets: SecretStore) {
  /** The state of each entry the profiles say they have: one lookup per entry, the secret never kept. */
  async function keychainStates(profiles: readonly Profile[]): Promise<Record<string, ProfileKeychainState>> {
    const states: Record<string, ProfileKeychainState> = {};
    for (const profile of profiles) {
      const state: ProfileKeychainState = {};
      for (const { kind, account, stored } of profileAccounts(profile)) {
        if (stored)
          state[kind] = await secrets.has(account).then(
            (found) => (found ? 'present' : 'missing'),
            () => 'unknown' as const,
          );
      }
      states[profile.id] = state;
    }
    return states;
  }

  /** The stored secret of a profile; a missing keychain entry becomes an error naming the profile. */
  async function storedSecret(profile: Profile, what: string, account = profileSecretAccount(profile.id)): Promise<string> {
    try {
      return await secrets.get(account);
    } catch (error) {
      if (isWorkbenchError(error) && error.code === 'ERR_KEYCHAIN_NOT_FOUND') throw secretGoneError(profile.name, what);
      throw error;
    }
  }

  /** The secret stored before an overwrite, to put back if the profile write fails (null when there was none). */
  async function previousSecret(account: string, hadSecret: boolean): Promise<string | null> {
    if (!hadSecret) return null;
    try {
      return await secrets.get(account);
    } catch (error) {
      if (isWorkbenchError(error) && error.code === 'ERR_KEYCHAIN_NOT_FOUND') return null;
      throw error;
    }
  }

  /** Puts the keychain back as it was before a failed save; a failure here must not hide the save's own error. */
  async function restoreSecret(account: string, previous: string | null): Promise<void> {
    try {
      if (previous === null) await secrets.delete(account);
      else await secrets.set(account, previous);
    } catch {
      // The original error is what the user needs to see; the entry is overwritten on the next successful save.
    }
  }

  /** Deletes one entry of a deleted profile: one it says is stored must go (a missing one is fine); any other is cleared if it can be. */
  async function deleteEntry(account: string, stored: boolean): Promise<void> {
    try {
      await secrets.delete(account);
    } catch (error) {
      if (stored && !(isWorkbenchError(error) && error.code === 'ERR_KEYCHAIN_NOT_FOUND')) throw error;
    }
  }

  /** The stored private key imported once, non-extractable: whoever holds the CryptoKey can sign but cannot read the key out. */
  async function importStoredKey(profile: Profile, alg = 'RS256'): Promise<CryptoKey> {
    if (!profile.hasSecret) throw noSecretStoredError(profile.name, PRIVATE_KEY);
    const pem = await storedSecret(profile, PRIVATE_KEY);
    try {
      // The keychain holds the canonical unencrypted PKCS#8 written at save time, so it is imported as is.
      return await importPKCS8(pem, alg, { extractable: false });
    } catch {
      throw new WorkbenchError(
        'ERR_KEY_MALFORMED',
        `The private key of profile "${profile.name}" in the OS keychain cannot be read: edit the profile and paste the key again.`,
      );
    }
  }

  /** The profile with everything a token run needs from the keychain; ERR_PROFILE_INVALID when it lacks what its product needs. */
  async function runnableOf(profile: Profile): Promise<RunnableProfile> {
    if (profile.product === 'engagement-web') {
      if (!profile.hasSecret || profile.tokenBaseUrl === null || profile.tokenBaseUrl === undefined)
        throw profileInvalidError(
          `Profile "${profile.name}" has no refresh token stored: sign in again with mctoken login --save "${profile.name}".`,
        );
      const clientSecret = profile.hasClientSecret
        ? await storedSecret(profile, CLIENT_SECRET, profileClientSecretAccount(profile.id))
        : null;
      return { product: 'engagement-web', profile, clientSecret, tokenBaseUrl: profile.tokenBaseUrl };
    }
    if (profile.product === 'intelligence') {
      if (profile.discoveryUrl === null)
        throw profileInvalidError(
          `Profile "${profile.name}" has no discovery URL: edit it and choose a region or paste the discovery URL.`,
        );
      return { product: 'intelligence', profile, discoveryUrl: profile.discoveryUrl, privateKey: await importStoredKey(profile) };
    }
    if (!profile.hasClientSecret || (profile.subdomain === null && profile.authUrl === null)) {
      throw profileInvalidError(
        `Profile "${profile.name}" has no client secret and subdomain stored: it can verify SSO JWTs but not get a token. Edit it and add the client id, client secret and subdomain.`,
      );
    }
    return {
      product: 'engagement',
      profile,
      clientSecret: await storedSecret(profile, CLIENT_SECRET, profileClientSecretAccount(profile.id)),
    };
  }

  /** An Intelligence profile's stored key imported for `alg`; ERR_PROFILE_INVALID for a profile of another product. */
  async function privateKeyOf(profile: Profile, alg: string): Promise<CryptoKey> {
    if (profile.product !== 'intelligence') throw wrongProductError(profile.name, profile.product, PRIVATE_KEY);
    return importStoredKey(profile, alg);
  }

  /** An Engagement profile's JWT signing secret and its encoding, for verifying in the main process only. */
  async function signingSecretOf(profile: Profile): Promise<{ secret: string; encoding: SecretEncoding }> {
    if (profile.product !== 'engagement') throw wrongProductError(profile.name, profile.product, SIGNING_SECRET);
    if (!profile.hasSecret) throw noSecretStoredError(profile.name, SIGNING_SECRET);
    const secret = await storedSecret(profile, SIGNING_SECRET);
    return { secret, encoding: profile.secretEncoding ?? 'text' };
  }

  return { keychainStates, previousSecret, restoreSecret, deleteEntry, runnableOf, privateKeyOf, signingSecretOf };
}
