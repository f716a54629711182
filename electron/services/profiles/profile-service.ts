// The profile service: saves profiles (secrets to the OS keychain first, then the profile), renames, deletes, and hands
// the main process a runnable profile (private key as a CryptoKey, or client secret) or a signing secret. Key material never leaves it otherwise.
// What each product stores is in product-fields.ts, the keychain reads and writes in profile-keychain.ts.
import { randomUUID } from 'node:crypto';
import type { ProfilesListing, SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import type { KeyDecryptor } from '../../../shared/keys/key-info';
import { sameProfileName, type Product, type Profile } from '../../../shared/profiles/profile';
import type { SecretEncoding } from '../../../shared/verify/verification';
import type { SecretStore } from '../secret-store/secret-store';
import { checkNameFree, checkProduct, checkProfileName } from './profile-fields';
import { engagementFields, intelligenceFields, profileFromFields, webProductFields, type ProductFields } from './product-fields';
import type { SaveWebAppRequest } from './web-app-fields';
import { profileAccounts, profileClientSecretAccount, profileSecretAccount, profileTokenAccount } from './profile-secret-account';
import { createProfileKeychain, type RunnableOf, type RunnableProfile } from './profile-keychain';
import { pruneRecorded, type PruneReport } from './profile-prune';
import { withProfilesLock } from './profiles-lock';
import { profileReadOnlyError } from './profile-store-errors';
import { otherProductError, profileNotFoundError, profileNotFoundByNameError, webAppSaveError } from './profile-service-errors';
import type { ProfilesSnapshot, ProfileStore } from './profile-store';
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

/** Saved profiles and their secrets, for the router, the Intelligence and Engagement services and the CLI. */
export interface ProfileService {
  /** The saved profiles, any problem reading them, the entries kept unread, and the state of each profile's keychain entries. */
  list(): Promise<ProfilesListing>;
  /** The profile with this id; ERR_PROFILE_NOT_FOUND. */
  get(id: string): Promise<Profile>;
  /** Creates (no id) or updates (id) a profile; its secret goes to the keychain first. ERR_PROFILE_*, ERR_KEY_*, ERR_KEYCHAIN_*, ERR_URL_*. */
  save(request: SaveProfileRequest): Promise<Profile>;
  /** Renames a profile; ERR_PROFILE_NOT_FOUND, ERR_PROFILE_INVALID, ERR_PROFILE_NAME_TAKEN. */
  rename(id: string, name: string): Promise<Profile>;
  /** Deletes the profile's keychain entries, then the profile (an entry already gone does not block it). */
  delete(id: string): Promise<{ id: string }>;
  /** Moves a corrupt profiles.json aside (returns where) so saving can start over; the keychain is not touched. */
  reset(): Promise<string>;
  /** The keychain entries this folder wrote that no profile stores any longer; with `apply`, removes them. */
  prune(apply: boolean): Promise<PruneReport>;
  /** The profile's JWT signing secret and its encoding, for verifying in the main process only. */
  getSigningSecret(id: string): Promise<{ secret: string; encoding: SecretEncoding }>;
  /**
   * The one check of "a runnable profile": the profile (one store read) with everything a token run needs, its secret
   * from the keychain (one key import for Intelligence). Found by id, or by name ignoring case (the CLI). `product` refuses a
   * profile of the other product first, so the answer is that product's. ERR_PROFILE_NOT_FOUND, ERR_PROFILE_INVALID,
   * ERR_KEYCHAIN_*, ERR_KEY_MALFORMED.
   */
  runnable<P extends Product>(ref: string | { name: string }, product: P): Promise<RunnableOf<P>>;
  runnable(ref: string | { name: string }, product?: Product): Promise<RunnableProfile>;
  /** An Intelligence profile's stored RSA key imported for `alg` (RS* or PS*), non-extractable, for Compose to sign with in the main process. */
  privateKeyFor(id: string, alg: string): Promise<CryptoKey>;
  /**
   * Saves a web or public app's sign-in as an engagement-web profile (its refresh token and client secret to the keychain
   * first): a new one, or the engagement-web profile of that name signed in again. Main process and CLI only.
   */
  saveWebApp(request: SaveWebAppRequest): Promise<Profile>;
}

// The runnable profile's types live beside the keychain reads that fill them; callers keep importing them from here.
export type { RunnableOf, RunnableProfile } from './profile-keychain';

/**
 * Creates the profile service. Saving writes the secret to the keychain first, then the profile; if the profile cannot be
 * written the keychain is put back as it was; if the keychain fails nothing is written. Mutations run one at a time.
 */
export function createProfileService(deps: ProfileServiceDeps): ProfileService {
  const { store, secrets, decryptor } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => randomUUID());
  const queue = createSerialQueue();
  const { keychainStates, previousSecret, restoreSecret, deleteEntry, runnableOf, privateKeyOf, signingSecretOf } =
    createProfileKeychain(secrets);

  async function findProfileNamed(name: string): Promise<Profile> {
    const snapshot = await store.open();
    const profile = snapshot.profiles.find((candidate) => sameProfileName(candidate.name, name));
    if (profile !== undefined) return profile;
    const foreign = snapshot.foreign.find((entry) => entry.name !== null && sameProfileName(entry.name, name));
    throw foreign === undefined ? profileNotFoundByNameError(name) : profileReadOnlyError(foreign.name);
  }

  /** The readable profile with this id in the snapshot; an entry kept unread is ERR_PROFILE_READ_ONLY, none ERR_PROFILE_NOT_FOUND. */
  function profileIn(snapshot: ProfilesSnapshot, id: string): Profile {
    const profile = snapshot.profiles.find((candidate) => candidate.id === id);
    if (profile !== undefined) return profile;
    const foreign = snapshot.foreign.find((entry) => entry.id === id);
    throw foreign === undefined ? profileNotFoundError() : profileReadOnlyError(foreign.name);
  }

  /** Every name taken in the file, the unread entries' included (a newer version must not find two profiles of one name). */
  const takenNames = (snapshot: ProfilesSnapshot) => [...snapshot.profiles, ...snapshot.foreign];

  const findProfile = async (id: string): Promise<Profile> => profileIn(await store.open(), id);

  async function save(request: SaveProfileRequest, web?: SaveWebAppRequest): Promise<Profile> {
    // A web app profile comes only from saveWebApp: profiles:save never carries a refresh token.
    if (request.product === 'engagement-web' && web === undefined) throw webAppSaveError();
    const product: Product = web === undefined ? checkProduct(request.product) : 'engagement-web';
    const name = checkProfileName(request.name);
    const snapshot = await store.open();
    const named = snapshot.profiles.find((candidate) => candidate.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    // Signing in again with --save NAME updates that web app profile.
    const existing =
      request.id === undefined
        ? web !== undefined && named?.product === 'engagement-web'
          ? named
          : undefined
        : profileIn(snapshot, request.id);
    checkNameFree(name, takenNames(snapshot), existing?.id);
    const fields: ProductFields & { redirectUri?: string; tokenBaseUrl?: string } =
      web !== undefined
        ? webProductFields(web, existing)
        : product === 'intelligence'
          ? await intelligenceFields(request, existing, decryptor)
          : engagementFields(request, existing);
    const id = existing?.id ?? newId();
    const stamp = now().toISOString();
    const profile = profileFromFields({ id, name, product, stamp }, request, fields, existing);
    const plans = [
      { account: profileSecretAccount(id), plan: fields.secret, had: existing?.hasSecret === true },
      { account: profileClientSecretAccount(id), plan: fields.clientSecret, had: existing?.hasClientSecret === true },
    ];
    // Recorded before they are written, so `profiles prune` can find an entry left by a crash between the two steps.
    await snapshot.record(plans.flatMap(({ account, plan }) => (plan.kind === 'write' ? [{ account, profileId: id }] : [])));
    // Secrets first, remembering what they replace, so a failed profile write can put the keychain back as it was.
    const written: Array<{ account: string; previous: string | null }> = [];
    try {
      for (const { account, plan, had } of plans) {
        if (plan.kind !== 'write') continue;
        const previous = await previousSecret(account, had);
        await secrets.set(account, plan.secret);
        written.push({ account, previous });
      }
      const saved = await snapshot.put(profile);
      for (const { account, plan } of plans) if (plan.kind === 'none' && plan.dropStale) await secrets.delete(account).catch(() => false);
      // A re-saved profile's cached token goes: it may be for credentials the profile no longer has.
      if (existing !== undefined) await secrets.delete(profileTokenAccount(id)).catch(() => false);
      return saved;
    } catch (error) {
      for (const { account, previous } of written.reverse()) await restoreSecret(account, previous);
      // An entry that never reached the keychain, and had none before, is not this folder's to prune.
      const neverWritten = plans.filter(
        ({ account, plan, had }) => plan.kind === 'write' && !had && !written.some((w) => w.account === account),
      );
      await snapshot.forget(neverWritten.map(({ account }) => account)).catch(() => undefined);
      throw error;
    }
  }

  async function rename(id: string, newName: string): Promise<Profile> {
    const name = checkProfileName(newName);
    const snapshot = await store.open();
    const profile = profileIn(snapshot, id);
    checkNameFree(name, takenNames(snapshot), id);
    return snapshot.put({ ...profile, name, updatedAt: now().toISOString() });
  }

  /**
   * Deletes the profile's own keychain entries (and only those: never a sweep of entries no profile here refers to, which
   * would take the secrets of profiles saved in another user-data folder on the same keychain), then the profile.
   */
  async function remove(id: string): Promise<{ id: string }> {
    const snapshot = await store.open();
    const profile = profileIn(snapshot, id);
    // An unread entry with the same id (a duplicate) refers to the same entries: they stay for it.
    const shared = snapshot.foreign.some((entry) => entry.id === id);
    const accounts = profileAccounts(profile);
    if (!shared) for (const { account, stored } of accounts) await deleteEntry(account, stored);
    // Its cached token goes with it (a cache, never recorded or pruned: nothing else refers to it).
    if (!shared) await secrets.delete(profileTokenAccount(id)).catch(() => false);
    if (!(await snapshot.remove(id, shared ? [] : accounts.map(({ account }) => account)))) throw profileNotFoundError();
    return { id };
  }

  /** One mutation at a time in this process, and under the OS-level profiles lock across processes. */
  const mutate = <T>(work: () => Promise<T>): Promise<T> => queue.run(() => withProfilesLock(store.path, work));

  return {
    async list(): Promise<ProfilesListing> {
      const listing = await store.list();
      return { ...listing, keychain: await keychainStates(listing.profiles) };
    },
    get: findProfile,
    save: (request) => mutate(() => save(request)),
    rename: (id, name) => mutate(() => rename(id, name)),
    delete: (id) => mutate(() => remove(id)),
    reset: () => mutate(() => store.reset()),
    prune: (apply) => mutate(async () => pruneRecorded(await store.open(), secrets, apply)),

    saveWebApp: (request) => mutate(() => save({ ...request, product: 'engagement-web', clientSecret: undefined }, request)),

    // Its product check makes the answer that product's: the one place the narrowing is taken on trust.
    runnable: (async (ref: string | { name: string }, product?: Product): Promise<RunnableProfile> => {
      const profile = typeof ref === 'string' ? await findProfile(ref) : await findProfileNamed(ref.name);
      if (product !== undefined && profile.product !== product) throw otherProductError(profile.product, product);
      return runnableOf(profile);
    }) as ProfileService['runnable'],

    privateKeyFor: async (id, alg) => privateKeyOf(await findProfile(id), alg),
    getSigningSecret: async (id) => signingSecretOf(await findProfile(id)),
  };
}
