import { WorkbenchError } from '../../shared/errors/workbench-error';
import type { ProfilesListing } from '../../shared/ipc/ipc-contract';
import type { Profile } from '../../shared/profiles/profile';

/** The profile with this name, ignoring case (profile names are unique that way), or undefined. */
export function profileNamed(profiles: readonly Profile[], name: string): Profile | undefined {
  const wanted = name.toLowerCase();
  return profiles.find((profile) => profile.name.toLowerCase() === wanted);
}

/** The saved profile with this name (any case); ERR_PROFILE_NOT_FOUND saying how to list them. */
export async function findProfileByName(profiles: { list(): Promise<ProfilesListing> }, name: string): Promise<Profile> {
  const found = profileNamed((await profiles.list()).profiles, name);
  if (found === undefined) {
    throw new WorkbenchError('ERR_PROFILE_NOT_FOUND', `No profile is named "${name}": run "mctoken profiles list" to see the saved ones.`);
  }
  return found;
}
