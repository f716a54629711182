// The profile service: saves profiles (secrets to the OS keychain first, then the profile), renames, deletes, and hands
// the main process a runnable profile (private key as a CryptoKey, or client secret) or a signing secret. Key material never leaves it otherwise.
import { randomUUID } from 'node:crypto';
import { importPKCS8 } from 'jose';
import { isWorkbenchError, WorkbenchError } from '../../../shared/errors/workbench-error';
import type { ProfilesListing, SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import type { KeyDecryptor, KeyInfo } from '../../../shared/keys/key-info';
import { loadPrivateKey } from '../../../shared/keys/load-private-key';
import { checkClientId } from '../../../shared/intelligence/client-id';
import type { Product, Profile } from '../../../shared/profiles/profile';
import type { SecretEncoding } from '../../../shared/verify/verification';
import type { SecretStore } from '../secret-store/secret-store';
import { checkNameFree, checkProduct, checkProfileName, checkSecretEncoding, intelligenceEndpoint, present } from './profile-fields';
import { issueFields, profileSchema } from './profile-schema';
import { serverToServerFields, type SecretPlan } from './engagement-fields';
import { isProfileSecretAccount, profileClientSecretAccount, profileSecretAccount, profileTokenAccount } from './profile-secret-account';
import { withProfilesLock } from './profiles-lock';
import { profileShapeError } from './profile-store-errors';
import {
  PROFILE_MESSAGES,
  keyRequiredError,
  noSecretStoredError,
  profileInvalidError,
  profileMissingError,
  profileNotFoundError,
  secretGoneError,
  otherProductError,
  profileNotFoundByNameError,
  wrongProductError,
} from './profile-service-errors';
import type { ProfileStore } from './profile-store';
import { createSerialQueue } from './serial-queue';

/** What the profile service needs. */
export interface ProfileServiceDeps {
  store: ProfileStore;
  secrets: SecretStore;
  /** Decrypts encrypted private keys (nodeKeyDecryptor in the app and the CLI). */
  decryptor: KeyDecryptor;
  now?: () => Date;
  newId?: () => string;
}

/** Saved profiles and their secrets, for the router, the token service and the CLI. */
export interface ProfileService {
  /** The saved profiles and any problem reading them. */
  list(): Promise<ProfilesListing>;
  /** The profile with this id; ERR_PROFILE_NOT_FOUND. */
  get(id: string): Promise<Profile>;
  /** Creates (no id) or updates (id) a profile; its secret goes to the keychain first. ERR_PROFILE_*, ERR_KEY_*, ERR_KEYCHAIN_*, ERR_URL_*. */
  save(request: SaveProfileRequest): Promise<Profile>;
  /** Renames a profile; ERR_PROFILE_NOT_FOUND, ERR_PROFILE_INVALID, ERR_PROFILE_NAME_TAKEN. */
  rename(id: string, name: string): Promise<Profile>;
  /** Deletes the profile's keychain entry, then the profile (a keychain entry already gone does not block it). */
  delete(id: string): Promise<{ id: string }>;
  /** The profile's JWT signing secret and its encoding, for verifying in the main process only. */
  getSigningSecret(id: string): Promise<{ secret: string; encoding: SecretEncoding }>;
  /**
   * The one check of "a runnable profile": the profile (one store read) with everything a token run needs, its secret
   * from the keychain (one key import for Intelligence). Found by id, or by name ignoring case (the CLI). `product` refuses a
   * profile of the other product first. ERR_PROFILE_NOT_FOUND, ERR_PROFILE_INVALID, ERR_KEYCHAIN_*, ERR_KEY_MALFORMED.
   */
  runnable(ref: string | { name: string }, product?: Product): Promise<RunnableProfile>;
}

/** A profile ready for a token run, with its secret (main process only: never sent to the renderer or printed). */
export type RunnableProfile =
  | { product: 'intelligence'; profile: Profile; discoveryUrl: string; privateKey: CryptoKey }
  | { product: 'engagement'; profile: Profile; clientSecret: string };

const SECRET_ENCODINGS: readonly SecretEncoding[] = ['text', 'base64', 'hex'];
const PRIVATE_KEY = 'private key';
const SIGNING_SECRET = 'JWT signing secret';
const CLIENT_SECRET = 'client secret';

/** The fields of a profile that depend on its product, plus what to do with its secret. */
interface ProductFields {
  clientId: string;
  region: Profile['region'];
  discoveryUrl: string | null;
  keyInfo: KeyInfo | null;
  secretEncoding: SecretEncoding | null;
  secret: SecretPlan;
  subdomain: string | null;
  authUrl: string | null;
  scope: string | null;
  accountId: string | null;
  clientSecret: SecretPlan;
}

const NO_SERVER_TO_SERVER = { subdomain: null, authUrl: null, scope: null, accountId: null } as const;

/**
 * A kept key must keep signing for the same client at the same site: otherwise whoever can call profiles:save could get
 * assertions signed for a client id or sent to a site of their choosing without ever knowing the key.
 */
function checkKeyStillFits(existing: Profile | undefined, clientId: string, discoveryUrl: string): void {
  if (existing === undefined) return;
  if (existing.clientId !== clientId) throw keyRequiredError(PROFILE_MESSAGES.keyForClientId);
  if (existing.discoveryUrl === null || new URL(existing.discoveryUrl).origin !== new URL(discoveryUrl).origin)
    throw keyRequiredError(PROFILE_MESSAGES.keyForDiscovery);
}

async function intelligenceFields(
  request: SaveProfileRequest,
  existing: Profile | undefined,
  decryptor: KeyDecryptor,
): Promise<ProductFields> {
  const pem = present(request.privateKeyPem);
  const keepKey = pem === undefined && existing?.product === 'intelligence' && existing.hasSecret && existing.keyInfo !== null;
  const missing: string[] = [];
  if (present(request.clientId) === undefined) missing.push('the service account id (client id)');
  if (present(request.region) === undefined && present(request.discoveryUrl) === undefined) missing.push('a region or a discovery URL');
  if (pem === undefined && !keepKey) missing.push('the private key');
  if (missing.length > 0) throw profileMissingError('intelligence', missing);
  const clientId = checkClientId(request.clientId);
  const endpoint = intelligenceEndpoint(request.region, request.discoveryUrl);
  const base = {
    clientId,
    ...endpoint,
    ...NO_SERVER_TO_SERVER,
    secretEncoding: null,
    clientSecret: { kind: 'none', dropStale: existing?.hasClientSecret === true },
  } as const;
  if (pem === undefined) checkKeyStillFits(existing, clientId, endpoint.discoveryUrl);
  if (pem === undefined) return { ...base, keyInfo: existing?.keyInfo ?? null, secret: { kind: 'keep' } };
  const passphrase = present(request.passphrase) === undefined ? undefined : request.passphrase;
  const loaded = await loadPrivateKey(pem, { decryptor, ...(passphrase === undefined ? {} : { passphrase }) });
  return { ...base, keyInfo: loaded.info, secret: { kind: 'write', secret: loaded.pkcs8Pem } };
}

function engagementFields(request: SaveProfileRequest, existing: Profile | undefined): ProductFields {
  const encoding = request.secretEncoding ?? (existing?.product === 'engagement' ? existing.secretEncoding : null) ?? 'text';
  if (!SECRET_ENCODINGS.includes(encoding)) throw profileInvalidError('Choose how the JWT signing secret is written: text, base64 or hex.');
  const { clientSecret, ...s2s } = serverToServerFields(request, existing);
  const base = { ...s2s, clientSecret, region: null, discoveryUrl: null, keyInfo: null };
  const secret = request.signingSecret !== undefined && request.signingSecret.trim() !== '' ? request.signingSecret : undefined;
  if (secret !== undefined) {
    checkSecretEncoding(secret, encoding);
    return { ...base, secretEncoding: encoding, secret: { kind: 'write', secret } };
  }
  if (existing?.product === 'engagement' && existing.hasSecret) return { ...base, secretEncoding: encoding, secret: { kind: 'keep' } };
  return { ...base, secretEncoding: null, secret: { kind: 'none', dropStale: existing?.hasSecret === true } };
}

/**
 * Creates the profile service. Saving writes the secret to the keychain first, then the profile; if the profile cannot be
 * written the keychain is put back as it was; if the keychain fails nothing is written. Mutations run one at a time.
 */
export function createProfileService(deps: ProfileServiceDeps): ProfileService {
  const { store, secrets, decryptor } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => randomUUID());
  const queue = createSerialQueue();

  /** The current profiles; a listing that could not read the file throws its ERR_PROFILES_IO before anything is written. */
  async function currentProfiles(): Promise<Profile[]> {
    const listing = await store.list();
    const ioProblem = listing.problems.find((problem) => problem.code === 'ERR_PROFILES_IO');
    if (ioProblem !== undefined) throw new WorkbenchError(ioProblem.code, ioProblem.message);
    return listing.profiles;
  }

  async function findProfileNamed(name: string): Promise<Profile> {
    const wanted = name.toLocaleLowerCase();
    const profile = (await currentProfiles()).find((candidate) => candidate.name.toLocaleLowerCase() === wanted);
    if (profile === undefined) throw profileNotFoundByNameError(name);
    return profile;
  }

  async function findProfile(id: string): Promise<Profile> {
    const profile = await store.get(id);
    if (profile === null) throw profileNotFoundError();
    return profile;
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

  async function save(request: SaveProfileRequest): Promise<Profile> {
    const product: Product = checkProduct(request.product);
    const name = checkProfileName(request.name);
    const profiles = await currentProfiles();
    const existing = request.id === undefined ? undefined : profiles.find((profile) => profile.id === request.id);
    if (request.id !== undefined && existing === undefined) throw profileNotFoundError();
    checkNameFree(name, profiles, existing?.id);
    const fields =
      product === 'intelligence' ? await intelligenceFields(request, existing, decryptor) : engagementFields(request, existing);
    const id = existing?.id ?? newId();
    const stamp = now().toISOString();
    const profile: Profile = {
      id,
      name,
      product,
      clientId: fields.clientId,
      region: fields.region,
      discoveryUrl: fields.discoveryUrl,
      tokenRequestStyle: request.tokenRequestStyle ?? existing?.tokenRequestStyle ?? 'form',
      keyInfo: fields.keyInfo,
      secretEncoding: fields.secretEncoding,
      hasSecret: fields.secret.kind !== 'none',
      subdomain: fields.subdomain,
      authUrl: fields.authUrl,
      scope: fields.scope,
      accountId: fields.accountId,
      hasClientSecret: fields.clientSecret.kind !== 'none',
      createdAt: existing?.createdAt ?? stamp,
      updatedAt: stamp,
    };
    const shape = profileSchema.safeParse(profile);
    if (!shape.success) throw profileShapeError(issueFields(shape.error));
    const plans = [
      { account: profileSecretAccount(id), plan: fields.secret, had: existing?.hasSecret === true },
      { account: profileClientSecretAccount(id), plan: fields.clientSecret, had: existing?.hasClientSecret === true },
    ];
    // Secrets first, remembering what they replace, so a failed profile write can put the keychain back as it was.
    const written: Array<{ account: string; previous: string | null }> = [];
    try {
      for (const { account, plan, had } of plans) {
        if (plan.kind !== 'write') continue;
        const previous = await previousSecret(account, had);
        await secrets.set(account, plan.secret);
        written.push({ account, previous });
      }
      const saved = await store.put(profile);
      for (const { account, plan } of plans) if (plan.kind === 'none' && plan.dropStale) await secrets.delete(account).catch(() => false);
      // A re-saved profile's cached token goes: it may be for credentials the profile no longer has.
      if (existing !== undefined) await secrets.delete(profileTokenAccount(id)).catch(() => false);
      return saved;
    } catch (error) {
      for (const { account, previous } of written.reverse()) await restoreSecret(account, previous);
      throw error;
    }
  }

  async function rename(id: string, newName: string): Promise<Profile> {
    const name = checkProfileName(newName);
    const profiles = await currentProfiles();
    const profile = profiles.find((candidate) => candidate.id === id);
    if (profile === undefined) throw profileNotFoundError();
    checkNameFree(name, profiles, id);
    return store.put({ ...profile, name, updatedAt: now().toISOString() });
  }

  async function remove(id: string): Promise<{ id: string }> {
    const profile = await findProfile(id);
    const account = profileSecretAccount(id);
    if (profile.hasSecret) {
      try {
        await secrets.delete(account);
      } catch (error) {
        if (!(isWorkbenchError(error) && error.code === 'ERR_KEYCHAIN_NOT_FOUND')) throw error;
      }
    } else {
      // Nothing should be stored; clear a stale entry if the keychain answers, but never let it block the delete.
      await secrets.delete(account).catch(() => false);
    }
    // The client secret's entry goes too; one already missing (or a keychain that no longer answers for it) does not block the delete.
    await secrets.delete(profileClientSecretAccount(id)).catch(() => false);
    await secrets.delete(profileTokenAccount(id)).catch(() => false);
    if (!(await store.remove(id))) throw profileNotFoundError();
    return { id };
  }

  /** The stored private key imported once, non-extractable: whoever holds the CryptoKey can sign but cannot read the key out. */
  async function importStoredKey(profile: Profile): Promise<CryptoKey> {
    if (!profile.hasSecret) throw noSecretStoredError(profile.name, PRIVATE_KEY);
    const pem = await storedSecret(profile, PRIVATE_KEY);
    try {
      // The keychain holds the canonical unencrypted PKCS#8 written at save time, so it is imported as is.
      return await importPKCS8(pem, 'RS256', { extractable: false });
    } catch {
      throw new WorkbenchError(
        'ERR_KEY_MALFORMED',
        `The private key of profile "${profile.name}" in the OS keychain cannot be read: edit the profile and paste the key again.`,
      );
    }
  }

  /**
   * Removes keychain entries no profile refers to (left by a crash between writing a secret and its profile, or by an older
   * version that lost a profile to a concurrent writer). It runs after each save and delete, under the profiles lock: that
   * is when no other writer can be between its two steps, and the keychain is already being talked to. It only runs when
   * the file was read without any problem before and after the change, so a profile skipped as unreadable (and moved aside
   * by the write) never loses its secret.
   */
  async function removeOrphanedSecrets(): Promise<void> {
    const listing = await store.list();
    if (listing.problems.length > 0) return;
    // An Engagement profile's client secret lives beside its main secret: both are referenced, as is a cached token.
    const referenced = new Set(
      listing.profiles.flatMap((profile) =>
        profile.hasClientSecret
          ? [profileSecretAccount(profile.id), profileClientSecretAccount(profile.id), profileTokenAccount(profile.id)]
          : [profileSecretAccount(profile.id), profileTokenAccount(profile.id)],
      ),
    );
    const accounts = await secrets.list().catch(() => [] as string[]);
    for (const account of accounts) {
      if (isProfileSecretAccount(account) && !referenced.has(account)) await secrets.delete(account).catch(() => false);
    }
  }

  /** One mutation at a time in this process, and under the OS-level profiles lock across processes; orphans swept after. */
  const mutate = <T>(work: () => Promise<T>, sweep: boolean): Promise<T> =>
    queue.run(() =>
      withProfilesLock(store.path, async () => {
        const readCleanly = sweep && (await store.list()).problems.length === 0;
        const result = await work();
        if (readCleanly) await removeOrphanedSecrets();
        return result;
      }),
    );

  return {
    list: () => store.list(),
    get: findProfile,
    save: (request) => mutate(() => save(request), true),
    rename: (id, name) => mutate(() => rename(id, name), false),
    delete: (id) => mutate(() => remove(id), true),

    async runnable(ref: string | { name: string }, product?: Product): Promise<RunnableProfile> {
      const profile = typeof ref === 'string' ? await findProfile(ref) : await findProfileNamed(ref.name);
      if (product !== undefined && profile.product !== product) throw otherProductError(profile.product);
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
    },

    async getSigningSecret(id: string): Promise<{ secret: string; encoding: SecretEncoding }> {
      const profile = await findProfile(id);
      if (profile.product !== 'engagement') throw wrongProductError(profile.name, profile.product, SIGNING_SECRET);
      if (!profile.hasSecret) throw noSecretStoredError(profile.name, SIGNING_SECRET);
      const secret = await storedSecret(profile, SIGNING_SECRET);
      return { secret, encoding: profile.secretEncoding ?? 'text' };
    },
  };
}
