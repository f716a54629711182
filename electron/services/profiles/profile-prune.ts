// `mctoken profiles prune`: the only clean-up of keychain entries. It looks only at entries this user-data folder recorded
// writing (never at "every entry no profile refers to": another folder on the same keychain service owns those), and only
// when profiles.json reads completely; it removes nothing unless asked to.
import type { SecretStore } from '../secret-store/secret-store';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { profileAccounts } from './profile-secret-account';
import type { ProfilesSnapshot } from './profile-store';

/** An entry prune would remove (or removed), and why. */
export interface PruneEntry {
  account: string;
  reason: string;
}

/** What prune found: the entries it would remove, and whether it removed them. */
export interface PruneReport {
  entries: PruneEntry[];
  removed: boolean;
}

/** ERR_PROFILE_READ_ONLY: prune does not run while profiles.json holds entries this version cannot read (their entries may be in use). */
function pruneRefusedError(count: number): WorkbenchError {
  return new WorkbenchError(
    'ERR_PROFILE_READ_ONLY',
    `profiles.json holds ${count} ${count === 1 ? 'entry' : 'entries'} saved by a newer version, whose keychain entries this version cannot tell apart: nothing was pruned. Prune with the newer version.`,
  );
}

/**
 * The recorded entries no readable profile stores any longer, each checked in the keychain (one lookup each; entries already
 * gone are only dropped from the record). With `apply`, deletes them and drops them from the record. The caller holds the lock.
 */
export async function pruneRecorded(snapshot: ProfilesSnapshot, secrets: SecretStore, apply: boolean): Promise<PruneReport> {
  if (snapshot.foreign.length > 0) throw pruneRefusedError(snapshot.foreign.length);
  const inUse = new Set(
    snapshot.profiles.flatMap((profile) => profileAccounts(profile).flatMap(({ account, stored }) => (stored ? [account] : []))),
  );
  const entries: PruneEntry[] = [];
  const gone: string[] = [];
  for (const { account, profileId } of snapshot.recorded) {
    if (inUse.has(account)) continue;
    if (!(await secrets.has(account))) {
      gone.push(account);
      continue;
    }
    const owner = snapshot.profiles.find((profile) => profile.id === profileId);
    const reason =
      owner === undefined
        ? `written by this folder for a profile (id ${profileId}) that is no longer in profiles.json`
        : `written by this folder for profile "${owner.name}", which no longer stores this secret`;
    entries.push({ account, reason });
  }
  if (apply) {
    for (const { account } of entries) await secrets.delete(account);
    await snapshot.forget([...entries.map(({ account }) => account), ...gone]);
  }
  return { entries, removed: apply };
}
