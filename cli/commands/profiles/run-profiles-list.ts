import type { CliIo } from '../../cli-io';
import { EXIT_OK } from '../../exit-codes';
import { reportWarning } from '../../io/report-error';
import { callRouter } from '../../services/call-router';
import { openServices } from '../../services/open-services';
import { formatProfileList } from './profile-plain';
import type { ProfilesOutputOptions } from './profiles-options';

/** `mctoken profiles list`: the saved profiles (text table, or `{ profiles, problems }` with --json); problems also go to stderr. */
export async function runProfilesList(options: ProfilesOutputOptions, io: CliIo): Promise<number> {
  const listing = await callRouter(openServices(io.env).router, 'profiles:list', null);
  for (const problem of listing.problems) reportWarning(`${problem.message} (${problem.code})`, io);
  io.stdout.write(options.json === true ? `${JSON.stringify(listing, null, 2)}\n` : formatProfileList(listing.profiles));
  return EXIT_OK;
}
