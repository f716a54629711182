// The SecretStore on the OS keychain through keytar: libsecret (gnome-keyring, KWallet) on Linux, Keychain Services on macOS,
// Credential Manager on Windows. Never falls back to files.
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { classifyKeychainError } from './classify-keychain-error';
import { keychainLockedError, keychainNotFoundError } from './keychain-errors';
import { importKeytar, loadKeytar, type KeytarApi, type KeytarImporter } from './load-keytar';
import { readSecretServiceLockState } from './secret-service-lock-state';
import type { KeychainStatus } from '../../../shared/ipc/ipc-contract';
import type { SecretStore } from './secret-store';

/** The account the probe looks up (never written): a lookup of a missing item neither prompts nor needs an unlocked keychain. */
export const PROBE_ACCOUNT = '__mctw_probe__';

/** Options of {@link createKeytarSecretStore}. */
export interface KeytarSecretStoreOptions {
  /** The keychain service name every entry is stored under (DEFAULT_KEYCHAIN_SERVICE in the app). */
  service: string;
  /** What imports keytar; only tests of the load-failure path pass another. */
  importKeytar?: KeytarImporter;
}

function requireName(value: string, what: string): void {
  if (value === '')
    throw new WorkbenchError('ERR_INTERNAL', `The keychain ${what} is empty: this is a bug in MC Token Workbench; please report it.`);
}

/**
 * Creates the keytar-backed SecretStore. keytar is imported on first use, so a missing native module or a missing Secret
 * Service is an ERR_KEYCHAIN_UNAVAILABLE error, not a crash. On Linux, where keytar answers "nothing" for a locked
 * collection, the Secret Service's lock state is asked over D-Bus to tell ERR_KEYCHAIN_LOCKED from ERR_KEYCHAIN_NOT_FOUND.
 */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions): SecretStore {
  const { service } = options;
  requireName(service, 'service name');
  const importer = options.importKeytar ?? importKeytar;
  let loaded: Promise<KeytarApi> | undefined;

  /** keytar, loaded once; a failed load is not remembered, so installing the keyring and retrying works. */
  function keytar(): Promise<KeytarApi> {
    loaded ??= loadKeytar(importer).catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  }

  async function call<T>(operation: (api: KeytarApi) => Promise<T>, secret?: string): Promise<T> {
    const api = await keytar();
    try {
      return await operation(api);
    } catch (error) {
      throw classifyKeychainError(error, secret);
    }
  }

  async function isLocked(): Promise<boolean> {
    return (await readSecretServiceLockState()) === 'locked';
  }

  return {
    async set(account: string, secret: string): Promise<void> {
      requireName(account, 'account name');
      if (secret === '')
        throw new WorkbenchError(
          'ERR_INTERNAL',
          'Refusing to store an empty secret in the OS keychain: this is a bug in MC Token Workbench; please report it.',
        );
      await call((api) => api.setPassword(service, account, secret), secret);
    },

    async get(account: string): Promise<string> {
      requireName(account, 'account name');
      const secret = await call((api) => api.getPassword(service, account));
      if (secret !== null) return secret;
      if (await isLocked()) throw keychainLockedError();
      throw keychainNotFoundError(account);
    },

    async has(account: string): Promise<boolean> {
      requireName(account, 'account name');
      // keytar has no "exists": the lookup returns the secret, which is compared with null and not kept.
      const found = (await call((api) => api.getPassword(service, account))) !== null;
      if (!found && (await isLocked())) throw keychainLockedError();
      return found;
    },

    async delete(account: string): Promise<boolean> {
      requireName(account, 'account name');
      const deleted = await call((api) => api.deletePassword(service, account));
      if (deleted) return true;
      if (await isLocked()) throw keychainLockedError();
      return false;
    },

    async list(): Promise<string[]> {
      const api = await keytar();
      // keytar's findCredentials crashes the whole process on a locked Secret Service collection: ask first.
      if (await isLocked()) throw keychainLockedError();
      try {
        const credentials = await api.findCredentials(service);
        return [...new Set(credentials.map((credential) => credential.account))].sort();
      } catch (error) {
        throw classifyKeychainError(error);
      }
    },

    async probe(): Promise<KeychainStatus> {
      try {
        await call((api) => api.getPassword(service, PROBE_ACCOUNT));
        if (await isLocked()) return { available: false, error: keychainLockedError().toPayload() };
        return { available: true };
      } catch (error) {
        return { available: false, error: classifyKeychainError(error).toPayload() };
      }
    },
  };
}
