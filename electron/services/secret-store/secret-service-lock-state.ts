// Linux only: asks the Secret Service (gnome-keyring, KWallet) over D-Bus whether the default collection is locked.
// keytar cannot tell: a lookup in a locked collection returns null (like "not found"), a delete returns false, and
// keytar's findCredentials even crashes the process (libsecret hands it a null secret). So this asks D-Bus directly,
// with the dbus-send or gdbus command-line tools, which every desktop with a Secret Service has.
import { execFile } from 'node:child_process';

/** Whether the Secret Service's default collection is locked; 'unknown' when it cannot be asked (not Linux, no tool, no bus). */
export type SecretServiceLockState = 'locked' | 'unlocked' | 'unknown';

/** The collection keytar stores into (libsecret's SECRET_COLLECTION_DEFAULT). */
export const DEFAULT_COLLECTION_PATH = '/org/freedesktop/secrets/aliases/default';

const TIMEOUT_MS = 5_000;

interface LockQuery {
  command: string;
  args: (collection: string) => string[];
  parse: (stdout: string) => SecretServiceLockState;
}

const QUERIES: readonly LockQuery[] = [
  {
    command: 'dbus-send',
    args: (collection) => [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      collection,
      'org.freedesktop.DBus.Properties.Get',
      'string:org.freedesktop.Secret.Collection',
      'string:Locked',
    ],
    parse: (stdout) => (/boolean\s+true/.test(stdout) ? 'locked' : /boolean\s+false/.test(stdout) ? 'unlocked' : 'unknown'),
  },
  {
    command: 'gdbus',
    args: (collection) => [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      collection,
      '--method',
      'org.freedesktop.DBus.Properties.Get',
      'org.freedesktop.Secret.Collection',
      'Locked',
    ],
    parse: (stdout) => (/<true>/.test(stdout) ? 'locked' : /<false>/.test(stdout) ? 'unlocked' : 'unknown'),
  },
];

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ok: true; stdout: string } | { ok: false; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      if (error) resolve({ ok: false, missing: (error as NodeJS.ErrnoException).code === 'ENOENT' });
      else resolve({ ok: true, stdout: String(stdout) });
    });
  });
}

/**
 * Reads the `Locked` property of a Secret Service collection (default: the default collection) over the session bus.
 * Never prompts and never throws: 'unknown' when not on Linux, when neither dbus-send nor gdbus is installed, or when the bus
 * or the collection does not answer.
 */
export async function readSecretServiceLockState(
  options: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; collection?: string } = {},
): Promise<SecretServiceLockState> {
  if ((options.platform ?? process.platform) !== 'linux') return 'unknown';
  const env = options.env ?? process.env;
  const collection = options.collection ?? DEFAULT_COLLECTION_PATH;
  for (const query of QUERIES) {
    const result = await run(query.command, query.args(collection), env);
    if (result.ok) return query.parse(result.stdout);
    if (!result.missing) return 'unknown';
  }
  return 'unknown';
}
