import type { CliIo } from '../../cli-io';
import { EXIT_OK } from '../../exit-codes';
import { findProfileByName } from '../../services/find-profile';
import { openServices } from '../../services/open-services';
import { formatProfile } from './profile-plain';
import type { ProfilesOutputOptions } from './profiles-options';

/** `mctoken profiles show NAME`: one profile's settings and key fingerprint (never the key), as text or --json. */
export async function runProfilesShow(name: string, options: ProfilesOutputOptions, io: CliIo): Promise<number> {
  const profile = await findProfileByName(openServices(io.env).profiles, name);
  io.stdout.write(options.json === true ? `${JSON.stringify(profile, null, 2)}\n` : formatProfile(profile));
  return EXIT_OK;
}
