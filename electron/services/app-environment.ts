/**
 * The environment the desktop app takes its overrides from. MCTW_* variables (MCTW_USER_DATA_DIR, MCTW_KEYCHAIN_SERVICE)
 * exist for development and tests; the packaged app ignores them, so whoever can set a user's environment cannot point the
 * signed app at another profiles folder or another keychain service.
 */
export function appEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): Readonly<Record<string, string | undefined>> {
  if (!isPackaged) return env;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toUpperCase().startsWith('MCTW_')));
}
