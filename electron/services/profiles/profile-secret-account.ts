// The keychain account names of a profile's entries. One table: a new kind of entry (e.g. a cached token) is one more row,
// and deleting a profile deletes every row's entry.
import type { ProfileKeychainState } from '../../../shared/ipc/ipc-contract';
import type { Profile } from '../../../shared/profiles/profile';

/** The entries a profile can have, as named in ProfileKeychainState. */
export type ProfileEntryKind = keyof ProfileKeychainState;

/** Each entry: its account name (today's names, which existing keychains hold) and whether the profile says it is stored. */
const ENTRIES: Readonly<Record<ProfileEntryKind, { account: (id: string) => string; stored: (profile: Profile) => boolean }>> = {
  secret: { account: (id) => `profile:${id}`, stored: (profile) => profile.hasSecret },
  clientSecret: { account: (id) => `profile:${id}:client-secret`, stored: (profile) => profile.hasClientSecret },
};

/** The keychain account a profile's secret (private key or JWT signing secret) is stored under: `profile:<id>`. */
export function profileSecretAccount(profileId: string): string {
  return ENTRIES.secret.account(profileId);
}

/** The keychain account of an Engagement profile's client secret: `profile:<id>:client-secret` (beside its signing secret). */
export function profileClientSecretAccount(profileId: string): string {
  return ENTRIES.clientSecret.account(profileId);
}

/** Every entry a profile of this id may have, whether or not it says it is stored (deleting the profile deletes them all). */
export function profileAccounts(profile: Profile): Array<{ kind: ProfileEntryKind; account: string; stored: boolean }> {
  return (Object.keys(ENTRIES) as ProfileEntryKind[]).map((kind) => ({
    kind,
    account: ENTRIES[kind].account(profile.id),
    stored: ENTRIES[kind].stored(profile),
  }));
}

/** The keychain account of a profile's cached access token: `profile:<id>:token` (see electron/services/token-cache). */
export function profileTokenAccount(profileId: string): string {
  return `profile:${profileId}:token`;
}
