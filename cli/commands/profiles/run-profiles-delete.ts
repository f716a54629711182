import type { CliIo } from '../../cli-io';
import { EXIT_OK } from '../../exit-codes';
import { callRouter } from '../../services/call-router';
import { findProfileByName } from '../../services/find-profile';
import { openServices } from '../../services/open-services';

/** `mctoken profiles delete NAME`: removes the profile and its keychain entry, through the app's router. */
export async function runProfilesDelete(name: string, io: CliIo): Promise<number> {
  const services = openServices(io.env);
  const profile = await findProfileByName(services.profiles, name);
  await callRouter(services.router, 'profiles:delete', { id: profile.id });
  io.stdout.write(`Deleted profile "${profile.name}" and its entry in the OS keychain.\n`);
  return EXIT_OK;
}
