// Whether the tests run with the throwaway keychain of scripts/with-keyring.sh, and the one reason given when they do not.

/** True when scripts/with-keyring.sh started a private, throwaway Secret Service keyring for this run. */
export const KEYCHAIN_ISOLATED = process.env.MCTW_KEYRING === 'isolated';

/** Why keychain tests skip without it: they never touch a real keychain. */
export const KEYCHAIN_SKIP_REASON =
  'needs the throwaway OS keychain: run under `bash scripts/with-keyring.sh` (Linux with gnome-keyring); the tests never touch a real keychain';
