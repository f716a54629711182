/** The keychain service name every secret of the app (and the CLI) is stored under. */
export const DEFAULT_KEYCHAIN_SERVICE = 'mc-token-workbench';

/** The keychain service name to use: env MCTW_KEYCHAIN_SERVICE when set (tests use a unique one), else the default. */
export function keychainServiceName(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const override = env.MCTW_KEYCHAIN_SERVICE?.trim();
  return override === undefined || override === '' ? DEFAULT_KEYCHAIN_SERVICE : override;
}
