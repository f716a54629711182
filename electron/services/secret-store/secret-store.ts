import type { KeychainStatus } from '../../../shared/ipc/ipc-contract';

/**
 * Where secrets live (the OS keychain), without the rest of the code knowing which library talks to it.
 * Every failure is a WorkbenchError with an ERR_KEYCHAIN_* code; no secret ever appears in an error.
 */
export interface SecretStore {
  /** Stores (or overwrites) the secret under `account`. */
  set(account: string, secret: string): Promise<void>;
  /** The secret stored under `account`; ERR_KEYCHAIN_NOT_FOUND when there is none. */
  get(account: string): Promise<string>;
  /** Whether a secret is stored under `account` (one lookup; the secret is dropped at once, never kept or returned). */
  has(account: string): Promise<boolean>;
  /** Deletes the secret under `account`; false when there was none. */
  delete(account: string): Promise<boolean>;
  /** The accounts that hold a secret (never the secrets). */
  list(): Promise<string[]>;
  /** Checks that the keychain answers (and, where it can tell, that it is unlocked) without prompting or writing. */
  probe(): Promise<KeychainStatus>;
}
