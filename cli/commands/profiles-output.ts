// What `mctoken profiles list` and `show` print: the profiles, what each keeps in the OS keychain as the listing found it
// (never a secret), and the entries saved by a newer version, which are kept in the file and shown read-only.
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type {
  ForeignProfileEntry,
  ProfileKeychainState,
  ProfilesListing,
  SecretEntryState,
  TokenCacheState,
} from '../../shared/ipc/ipc-contract';
import type { KeyInfo } from '../../shared/keys/key-info';
import type { Profile } from '../../shared/profiles/profile';
import { formatTable } from '../terminal/paint';
import { terminalSafe } from '../terminal/safe-text';

/** A key described without the key: `RSA 2048 bits, pkcs1, SHA256:…`. */
export function describeKey(info: KeyInfo | null): string {
  return info === null ? 'none' : `${info.type} ${info.bits} bits, ${info.format}, ${info.fingerprint}`;
}

/** Where a profile gets its tokens: region, discovery URL, subdomain or auth URL. */
export function where(profile: Profile): string {
  return profile.region ?? profile.discoveryUrl ?? profile.subdomain ?? profile.authUrl ?? '-';
}

/** How each entry is named in messages. */
function entryName(profile: Profile, kind: keyof ProfileKeychainState): string {
  if (kind === 'clientSecret') return 'client secret';
  if (profile.product === 'engagement-web') return 'refresh token';
  return profile.product === 'intelligence' ? 'private key' : 'signing secret';
}

/** The entries the profile says it has, with their state (one per kind; absent kinds are not stored). */
function entries(profile: Profile, state: ProfileKeychainState | undefined): Array<[string, SecretEntryState]> {
  const found: Array<[string, SecretEntryState]> = [];
  if (profile.hasSecret) found.push([entryName(profile, 'secret'), state?.secret ?? 'unknown']);
  if (profile.hasClientSecret) found.push([entryName(profile, 'clientSecret'), state?.clientSecret ?? 'unknown']);
  return found;
}

const STATE_SUFFIX: Readonly<Record<SecretEntryState, string>> = {
  present: 'stored',
  missing: 'MISSING from the OS keychain',
  unknown: 'not checked (the keychain did not answer)',
};

/** What to do about each entry the keychain does not have: one problem per missing entry, naming the profile. */
export function keychainProblems(listing: ProfilesListing): ErrorPayload[] {
  return listing.profiles.flatMap((profile) =>
    entries(profile, listing.keychain[profile.id])
      .filter(([, state]) => state === 'missing')
      .map(([what]) => ({
        code: 'ERR_KEYCHAIN_NOT_FOUND' as const,
        message: `The ${what} of profile "${profile.name}" is not in the OS keychain (deleted there, or another keychain): save the profile again with its ${what} (mctoken profiles save "${profile.name}" … or Edit in the app).`,
      })),
  );
}

/** The KEY / SECRETS cell: the key's fingerprint, or which secrets are stored; an entry not found in the keychain says so. */
function storedSecrets(profile: Profile, state: ProfileKeychainState | undefined): string {
  const found = entries(profile, state).map(
    ([what, entryState]) => [what === 'private key' && profile.keyInfo !== null ? profile.keyInfo.fingerprint : what, entryState] as const,
  );
  if (found.length === 0) return 'none';
  if (found.every(([, entryState]) => entryState === 'present'))
    return profile.product === 'intelligence' ? found[0]![0] : `${found.map(([what]) => what).join(' + ')} stored`;
  return found.map(([what, entryState]) => `${what} ${STATE_SUFFIX[entryState]}`).join(', ');
}

/** One line per entry saved by a newer version: kept in the file as it is, and read-only here. */
function formatForeign(foreign: readonly ForeignProfileEntry[]): string {
  if (foreign.length === 0) return '';
  const lines = foreign.map(
    (entry) =>
      `  #${entry.index + 1} ${entry.name === null ? '(no name)' : `"${entry.name}"`} (${entry.product ?? 'unknown product'}): ${entry.fields.join(', ')}`,
  );
  return `\nSaved by a newer version (kept as they are, read-only here; use the newer version to change them):\n${terminalSafe(lines.join('\n'), { keepNewlines: true })}\n`;
}

/** The `mctoken profiles list` table: name, product, client id, region or discovery URL, key fingerprint or stored secrets. */
export function formatProfileList(listing: ProfilesListing): string {
  const { profiles } = listing;
  const table =
    profiles.length === 0
      ? 'No saved profiles. Save one with: mctoken profiles save NAME --client-id ID --region us1 --key-file key.pem\n'
      : formatTable([
          ['NAME', 'PRODUCT', 'CLIENT ID', 'REGION / DISCOVERY URL / SUBDOMAIN', 'KEY / SECRETS'],
          ...profiles.map((p) =>
            [p.name, p.product, p.clientId || '-', where(p), storedSecrets(p, listing.keychain[p.id])].map((cell) => terminalSafe(cell)),
          ),
        ]);
  return table + formatForeign(listing.foreign);
}

/** "yes, in the OS keychain", or what the keychain said when the entry is not there. */
function storedCell(stored: boolean, state: SecretEntryState | undefined): string {
  if (!stored) return 'no';
  if (state === 'missing') return 'MISSING: the profile says it is stored, the OS keychain has none';
  if (state === 'unknown' || state === undefined) return 'yes (not checked: the keychain did not answer)';
  return 'yes, in the OS keychain';
}

/** The `mctoken profiles show` text: every field of the profile; the key only as type, size, format and fingerprint. */
export function formatProfile(profile: Profile, state: ProfileKeychainState | undefined): string {
  const rows: [string, string][] = [
    ['Name', profile.name],
    ['Product', profile.product],
    ['Client id', profile.clientId || '-'],
    ['Region', profile.region ?? '-'],
    ['Discovery URL', profile.discoveryUrl ?? '-'],
    ['Token request', profile.tokenRequestStyle === 'query' ? 'query string (as in the docs)' : 'form POST body'],
    ['Key', describeKey(profile.keyInfo)],
    [profile.product === 'engagement-web' ? 'Refresh token' : 'Secret stored', storedCell(profile.hasSecret, state?.secret)],
    ['Created', profile.createdAt],
    ['Updated', profile.updatedAt],
  ];
  if (profile.secretEncoding !== null) rows.splice(7, 0, ['Secret encoding', profile.secretEncoding]);
  if (profile.product !== 'intelligence') {
    rows.splice(
      3,
      3,
      ['Subdomain', profile.subdomain ?? '-'],
      ['Auth URL', profile.authUrl ?? '-'],
      ['Scopes', profile.scope ?? "(the package's own)"],
      ['Account id', profile.accountId ?? '-'],
    );
    rows.splice(-2, 0, ['Client secret', storedCell(profile.hasClientSecret, state?.clientSecret)]);
  }
  return rows.map(([name, value]) => `${`${name}:`.padEnd(16)}${terminalSafe(value)}`).join('\n') + '\n';
}

/** The "Cached token:" line of `mctoken profiles show`: "none", or "yes, N min S s left (until ISO)". Never the token. */
export function describeTokenState(state: TokenCacheState, now: number): string {
  if (!state.cached) return 'none';
  const left = Math.max(0, Math.floor((state.expiresAt - now) / 1000));
  return `yes, ${Math.floor(left / 60)} min ${left % 60} s left (until ${new Date(state.expiresAt).toISOString()})`;
}

/** The `tokenCache` member of `mctoken profiles show --json`: whether a token is cached, until when and how long it has left. */
export function tokenStateJson(state: TokenCacheState, now: number): Record<string, unknown> {
  if (!state.cached) return { cached: false };
  const secondsLeft = Math.max(0, Math.floor((state.expiresAt - now) / 1000));
  return { cached: true, expiresAt: new Date(state.expiresAt).toISOString(), secondsLeft };
}
