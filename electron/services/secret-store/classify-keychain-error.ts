// Turns what keytar (libsecret, macOS Keychain Services, Windows Credential Manager) throws into an ERR_KEYCHAIN_* error.
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { KEYCHAIN_MESSAGES, keychainDeniedError, keychainLockedError, keychainUnavailableError, systemHint } from './keychain-errors';

// libsecret: "Cannot create an item in a locked collection"; macOS errSecInteractionNotAllowed when the keychain is locked.
const LOCKED = /\blocked\b|interaction is not allowed/i;
// macOS errSecUserCanceled / errSecAuthFailed, Windows "Access is denied", D-Bus AccessDenied, a dismissed Secret Service prompt.
const DENIED = /cancel|denied|not permitted|dismissed|passphrase you entered is not correct|not authori[sz]ed/i;

// libsecret on Linux without a session bus ("Cannot autolaunch D-Bus without X11 $DISPLAY", a bus address that leads nowhere)
// or without a Secret Service on it: the cure is a D-Bus session and a keyring daemon, so the hint says how to start both.
const NO_SESSION = /autolaunch|\$DISPLAY|could not connect|not provided by any \.service files/i;

/** The system's text of a thrown value, if it has one. */
export function systemText(error: unknown): string | undefined {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return undefined;
}

/**
 * Maps a keytar failure to ERR_KEYCHAIN_LOCKED, ERR_KEYCHAIN_DENIED or (anything else: no D-Bus, no Secret Service,
 * autolaunch impossible, an unknown system error) ERR_KEYCHAIN_UNAVAILABLE. The system's text goes into the hint,
 * unless it contains `secret`; without a session bus or Secret Service the hint also says how to start one. WorkbenchErrors pass through unchanged.
 */
export function classifyKeychainError(error: unknown, secret?: string): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const text = systemText(error);
  const said = systemHint(text, secret);
  const headless = text !== undefined && NO_SESSION.test(text);
  const hint = headless ? [said, KEYCHAIN_MESSAGES.headless].filter(Boolean).join(' ') : said;
  const options = { ...(hint ? { hint } : {}), cause: error };
  if (text !== undefined && LOCKED.test(text)) return keychainLockedError(options);
  if (text !== undefined && DENIED.test(text)) return keychainDeniedError(options);
  return keychainUnavailableError(options);
}
