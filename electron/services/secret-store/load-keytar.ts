// Loads keytar lazily, so a missing or broken native module becomes ERR_KEYCHAIN_UNAVAILABLE instead of a crash at start-up.
import { keychainUnavailableError, systemHint } from './keychain-errors';
import { systemText } from './classify-keychain-error';

/** The part of keytar the secret store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** Imports the keytar module (or a stand-in module for tests of the failure path). */
export type KeytarImporter = () => Promise<unknown>;

/** The default importer: keytar itself (kept a literal specifier so bundlers keep it external). */
export const importKeytar: KeytarImporter = () => import('keytar');

const FUNCTIONS = ['getPassword', 'setPassword', 'deletePassword', 'findCredentials'] as const;

function asKeytarApi(loaded: unknown): KeytarApi | null {
  const candidates = [loaded, (loaded as { default?: unknown } | null)?.default];
  for (const candidate of candidates) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const record = candidate as Record<string, unknown>;
    if (FUNCTIONS.every((name) => typeof record[name] === 'function')) return candidate as KeytarApi;
  }
  return null;
}

/** Imports keytar with `importer` and checks its shape; throws ERR_KEYCHAIN_UNAVAILABLE (library failed to load) when it cannot. */
export async function loadKeytar(importer: KeytarImporter = importKeytar): Promise<KeytarApi> {
  let loaded: unknown;
  try {
    loaded = await importer();
  } catch (error) {
    const hint = systemHint(systemText(error));
    throw keychainUnavailableError({ moduleFailed: true, ...(hint ? { hint } : {}), cause: error });
  }
  const api = asKeytarApi(loaded);
  if (api === null)
    throw keychainUnavailableError({ moduleFailed: true, hint: 'The keychain module does not have the expected functions.' });
  return api;
}
