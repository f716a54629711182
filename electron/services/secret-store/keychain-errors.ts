// The ERR_KEYCHAIN_* errors: one place for their codes and wording.
import { WorkbenchError } from '../../../shared/errors/workbench-error';

/** The exact messages of the keychain errors (tests and UIs compare against these). */
export const KEYCHAIN_MESSAGES = {
  unavailable:
    'The OS keychain is not available: install and start gnome-keyring or KWallet (a Secret Service) and unlock it, then try again. Decoding and verifying tokens work without it.',
  moduleFailed:
    'The OS keychain library could not be loaded: install libsecret with gnome-keyring or KWallet, or reinstall MC Token Workbench, then try again. Decoding and verifying tokens work without it.',
  locked: 'The OS keychain is locked: unlock it (gnome-keyring, KWallet or Keychain Access) and try again.',
  denied: 'Access to the OS keychain was denied: allow MC Token Workbench when the system asks, then try again.',
  /** Added to the hint when Linux has no session bus or no Secret Service on it (SSH, a container, CI: no desktop session). */
  headless:
    'Without a desktop session, run the command in a D-Bus session with an unlocked keyring: dbus-run-session -- sh -c \'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; mctoken profiles list\'.',
} as const;

/** How much of the system's own error text a hint carries at most. */
const MAX_SYSTEM_TEXT = 160;

/** A hint quoting the system's error text (never a secret: callers pass the secret so it can be kept out). */
export function systemHint(systemText: string | undefined, secret?: string): string | undefined {
  if (systemText === undefined || systemText.trim() === '') return undefined;
  if (secret !== undefined && secret !== '' && systemText.includes(secret)) return undefined;
  const text = systemText.trim().replace(/\s+/g, ' ').slice(0, MAX_SYSTEM_TEXT);
  return `The system said: ${text}`;
}

/** ERR_KEYCHAIN_UNAVAILABLE: no Secret Service or D-Bus, or the keychain library failed to load. */
export function keychainUnavailableError(options: { moduleFailed?: boolean; hint?: string; cause?: unknown } = {}): WorkbenchError {
  const message = options.moduleFailed ? KEYCHAIN_MESSAGES.moduleFailed : KEYCHAIN_MESSAGES.unavailable;
  return new WorkbenchError('ERR_KEYCHAIN_UNAVAILABLE', message, { ...(options.hint ? { hint: options.hint } : {}), cause: options.cause });
}

/** ERR_KEYCHAIN_LOCKED: the keychain (collection) is locked. */
export function keychainLockedError(options: { hint?: string; cause?: unknown } = {}): WorkbenchError {
  return new WorkbenchError('ERR_KEYCHAIN_LOCKED', KEYCHAIN_MESSAGES.locked, {
    ...(options.hint ? { hint: options.hint } : {}),
    cause: options.cause,
  });
}

/** ERR_KEYCHAIN_DENIED: the user (or the system on their behalf) refused access. */
export function keychainDeniedError(options: { hint?: string; cause?: unknown } = {}): WorkbenchError {
  return new WorkbenchError('ERR_KEYCHAIN_DENIED', KEYCHAIN_MESSAGES.denied, {
    ...(options.hint ? { hint: options.hint } : {}),
    cause: options.cause,
  });
}

/** ERR_KEYCHAIN_NOT_FOUND: nothing is stored under this account name (account names are ids, never secrets). */
export function keychainNotFoundError(account: string): WorkbenchError {
  return new WorkbenchError(
    'ERR_KEYCHAIN_NOT_FOUND',
    `Nothing is stored in the OS keychain under "${account}": save the key or secret again.`,
  );
}
