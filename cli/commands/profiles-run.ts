// What `mctoken profiles list|show|delete|prune|reset` run, through the app's router and keychain (save is in
// profiles-save.ts). The services (router, profile store, keychain) are loaded only when a profiles command runs, not for
// --help or decode.
import { WorkbenchError, type ErrorPayload } from '../../shared/errors/workbench-error';
import type { ProfilesListing } from '../../shared/ipc/ipc-contract';
import { profileNotFoundByNameError } from '../../electron/services/profiles/profile-service-errors';
import { sameProfileName } from '../../shared/profiles/profile';
import { describeTokenState, formatProfile, formatProfileList, keychainProblems, tokenStateJson } from './profiles-output';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../terminal/run';
import { UsageError } from '../terminal/usage';
import { reportError, reportWarning } from '../terminal/report';
import { terminalJson, terminalSafe } from '../terminal/safe-text';

/** The options of `mctoken profiles list` and `show`. */
export interface ProfilesOutputOptions {
  json?: boolean;
}

/** The options of `mctoken profiles prune`. */
export interface ProfilesPruneOptions {
  dryRun?: boolean;
  yes?: boolean;
}

/** The options of `mctoken profiles reset`. */
export interface ProfilesResetOptions {
  keepCopy?: boolean;
}

/** The listing, through the app's router; a profiles file that cannot be read (corrupt, unreadable, newer) is thrown as its error. */
async function readListing(io: CliIo) {
  const { callRouter, openServices, profileNamed } = await import('../services');
  const services = openServices(io.env);
  const listing = await callRouter(services.router, 'profiles:list', null);
  const fileProblem = listing.problems.find(isFileProblem);
  if (fileProblem !== undefined) throw new WorkbenchError(fileProblem.code, fileProblem.message);
  return { listing, services, callRouter, profileNamed };
}

/** A problem with profiles.json itself (corrupt, unreadable, from a newer format): nothing can be listed or changed. */
const isFileProblem = (problem: ErrorPayload) => problem.code === 'ERR_PROFILES_IO' || problem.code === 'ERR_PROFILES_CORRUPT';

/**
 * `mctoken profiles list`: the saved profiles (text table, or the whole listing with --json), each entry's keychain state,
 * and the entries saved by a newer version; a missing keychain entry is a warning saying what to do. A profiles file that
 * cannot be read exits 1 with its coded error (with --json, the listing is printed first).
 */
export async function runProfilesList(options: ProfilesOutputOptions, io: CliIo): Promise<number> {
  const { callRouter, openServices } = await import('../services');
  const listing = await callRouter(openServices(io.env).router, 'profiles:list', null);
  const fileProblems = listing.problems.filter(isFileProblem);
  if (options.json === true) io.stdout.write(terminalJson(listing));
  if (fileProblems.length > 0) {
    for (const problem of fileProblems) reportError(problem, io);
    return EXIT_FAILURE;
  }
  for (const problem of [...listing.problems, ...keychainProblems(listing)]) reportWarning(`${problem.message} (${problem.code})`, io);
  if (options.json !== true) io.stdout.write(formatProfileList(listing));
  return EXIT_OK;
}

/** `mctoken profiles show NAME`: one profile's settings, key fingerprint (never the key) and keychain state, as text or --json. */
export async function runProfilesShow(name: string, options: ProfilesOutputOptions, io: CliIo): Promise<number> {
  const { listing, services, profileNamed } = await readListing(io);
  const profile = profileNamed(listing.profiles, name);
  if (profile === undefined) throw notFoundOrReadOnly(listing, name);
  for (const problem of keychainProblems({ ...listing, profiles: [profile] })) reportWarning(`${problem.message} (${problem.code})`, io);
  // The cached token's state from the same service the app's Profiles screen asks (a token for other credentials is none).
  const token = await services.profileTokens.state(profile);
  const now = Date.now();
  if (options.json === true) {
    io.stdout.write(terminalJson({ ...profile, tokenCache: tokenStateJson(token, now) }));
    return EXIT_OK;
  }
  io.stdout.write(
    `${formatProfile(profile, listing.keychain[profile.id])}${'Cached token:'.padEnd(16)}${describeTokenState(token, now)}\n`,
  );
  return EXIT_OK;
}

/** No readable profile has this name: ERR_PROFILE_READ_ONLY when an entry saved by a newer version has it, else ERR_PROFILE_NOT_FOUND. */
function notFoundOrReadOnly(listing: ProfilesListing, name: string): WorkbenchError {
  const foreign = listing.foreign.find((entry) => entry.name !== null && sameProfileName(entry.name, name));
  if (foreign !== undefined)
    return new WorkbenchError(
      'ERR_PROFILE_READ_ONLY',
      `Profile "${foreign.name ?? name}" was saved by a newer version of MC Token Workbench (${foreign.fields.join(', ')}): it is kept as it is and cannot be used or changed here. Use the newer version, or save a new profile under another name.`,
    );
  return profileNotFoundByNameError(name);
}

/** `mctoken profiles delete NAME`: removes the profile and its own keychain entries (no other), through the app's router. */
export async function runProfilesDelete(name: string, io: CliIo): Promise<number> {
  const { listing, services, callRouter, profileNamed } = await readListing(io);
  const profile = profileNamed(listing.profiles, name);
  if (profile === undefined) throw notFoundOrReadOnly(listing, name);
  await callRouter(services.router, 'profiles:delete', { id: profile.id });
  io.stdout.write(`${terminalSafe(`Deleted profile "${profile.name}" and its entry in the OS keychain.`)}\n`);
  return EXIT_OK;
}

/**
 * `mctoken profiles prune [--dry-run|--yes]`: the keychain entries this folder recorded writing that no profile stores any
 * longer (never another folder's), each with why; removed only with --yes.
 */
export async function runProfilesPrune(options: ProfilesPruneOptions, io: CliIo): Promise<number> {
  const { openServices } = await import('../services');
  const report = await openServices(io.env).profiles.prune(options.yes === true);
  if (report.entries.length === 0) {
    io.stdout.write('Nothing to prune: every keychain entry this folder wrote belongs to a saved profile.\n');
    return EXIT_OK;
  }
  const verb = report.removed ? 'Removed' : 'Would remove';
  const lines = report.entries.map(({ account, reason }) => `  ${account}: ${reason}`);
  const next = report.removed ? '' : '\nRun "mctoken profiles prune --yes" to remove them.';
  io.stdout.write(
    `${terminalSafe(`${verb} ${report.entries.length} keychain ${report.entries.length === 1 ? 'entry' : 'entries'}:\n${lines.join('\n')}${next}`, { keepNewlines: true })}\n`,
  );
  return EXIT_OK;
}

/** `mctoken profiles reset --keep-copy`: moves a corrupt profiles.json aside and starts empty; the keychain is not touched. */
export async function runProfilesReset(options: ProfilesResetOptions, io: CliIo): Promise<number> {
  if (options.keepCopy !== true)
    throw new UsageError('mctoken profiles reset moves the corrupt profiles file aside and keeps it: add --keep-copy.');
  const { openServices } = await import('../services');
  const services = openServices(io.env);
  const copy = await services.profiles.reset();
  io.stdout.write(
    `${terminalSafe(`Moved the corrupt profiles file to ${copy}: starting with no profiles. The OS keychain was not touched: repair the copy and put it back as profiles.json to get its profiles back with their secrets.`)}\n`,
  );
  return EXIT_OK;
}
