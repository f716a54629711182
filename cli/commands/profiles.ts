// `mctoken profiles list|show|save|delete`: the app's saved profiles, through the app's own router and keychain.
// Options, run and output, top to bottom.
import { Option, type Command } from 'commander';
import { WorkbenchError, type ErrorPayload } from '../../shared/errors/workbench-error';
import { checkClientId } from '../../shared/intelligence/client-id';
import { REGIONS, type Region } from '../../shared/intelligence/regions';
import type { ProfilesListing, SaveProfileRequest } from '../../shared/ipc/ipc-contract';
import { profileNotFoundByNameError } from '../../electron/services/profiles/profile-service-errors';
import { sameProfileName, type Product } from '../../shared/profiles/profile';
import {
  ENGAGEMENT_ONLY_FLAGS,
  addClientSecretOptions,
  addTenantOptions,
  draftFromOptions,
  flagsGiven,
  type EngagementOptions,
} from '../engagement';
import { applyServiceAccountFile, missingFromServiceAccount, serviceAccountKeySource } from '../service-account-file';
import {
  describeKey,
  describeTokenState,
  formatProfile,
  formatProfileList,
  keychainProblems,
  tokenStateJson,
  where,
} from './profiles-output';
import { EXIT_FAILURE, EXIT_OK, type CliIo, type CliOutcome } from '../terminal/run';
import { UsageError, discoveryUrlOption, readEnv, usageCheck } from '../terminal/usage';
import { keyFileError, readSecretFile } from '../terminal/input';
import { reportError, reportWarning } from '../terminal/report';
import { terminalJson, terminalSafe } from '../terminal/safe-text';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken profiles save`, as commander parses them. */
export interface ProfilesSaveOptions extends EngagementOptions {
  product: Product;
  clientId?: string;
  region?: Region;
  discoveryUrl?: string;
  keyFile?: string;
  serviceAccountFile?: string;
  passphraseEnv?: string;
  queryStyle?: boolean;
}

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

const EXAMPLES = `
Examples:
  mctoken profiles list
  mctoken profiles save prod --client-id "$SA_ID" --region us1 --key-file key.pem
  mctoken profiles save prod --service-account-file service-account.json   # id, discovery URL and key from the file
  mctoken profiles save staging --client-id "$SA_ID" --discovery-url "$DISCOVERY_URL" --key-file enc.pem --passphrase-env KEY_PASS
  mctoken profiles save mc-prod --product engagement --client-id "$CLIENT_ID" --client-secret-env MC_CLIENT_SECRET --subdomain "$SUBDOMAIN"
  mctoken profiles show prod --json
  mctoken profiles delete staging
  mctoken profiles reset --keep-copy   # only for a corrupt profiles.json: moves it aside, starts empty
  mctoken profiles prune --dry-run     # keychain entries this folder wrote that no profile stores any longer

Profiles are the app's own: the same profiles.json in the app's user-data folder (MCTW_USER_DATA_DIR overrides it) and the
same OS keychain entries, so a profile saved in the app works here and back. Keys and secrets live only in the keychain.`;

/** Registers `mctoken profiles list|show|save|delete`. */
export function registerProfilesCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  const profiles = program
    .command('profiles')
    .summary('list, show, save, delete, prune and reset saved profiles (shared with the app)')
    .description('Manage the saved credential profiles the desktop app uses; private keys are kept in the OS keychain.')
    .helpCommand(false)
    .addHelpText('after', EXAMPLES);

  profiles
    .command('list')
    .description('list the saved profiles: name, product, client id, region or discovery URL, key fingerprint')
    .option('--json', 'print { profiles, problems } as JSON')
    .addHelpText('after', "\nExamples:\n  mctoken profiles list\n  mctoken profiles list --json | jq -r '.profiles[].name'")
    .action(async (options: ProfilesOutputOptions) => {
      outcome.exitCode = await runProfilesList(options, io);
    });

  profiles
    .command('show')
    .description("show one profile's settings and key fingerprint (never the key)")
    .argument('<name>', 'the profile name')
    .option('--json', 'print the profile as JSON')
    .addHelpText('after', '\nExamples:\n  mctoken profiles show prod\n  mctoken profiles show prod --json')
    .action(async (name: string, options: ProfilesOutputOptions) => {
      outcome.exitCode = await runProfilesShow(name, options, io);
    });

  const save = profiles
    .command('save')
    .description('save a profile (or replace the settings of the one with that name); the key or client secret goes to the OS keychain')
    .argument('<name>', 'the profile name')
    .addOption(
      new Option('--product <product>', 'the product of the profile').choices(['intelligence', 'engagement']).default('intelligence'),
    )
    .option('--client-id <id>', "the service account id (Intelligence) or the installed package's client id (Engagement); required")
    .addOption(
      new Option(
        '--region <region>',
        'the Intelligence region (its discovery URL is guessed from the one documented URL: prefer --discovery-url)',
      )
        .choices(REGIONS)
        .conflicts('discoveryUrl'),
    )
    .option('--discovery-url <url>', 'the discovery endpoint URL you were given')
    .option('--key-file <file>', 'the RSA private key file (PEM); may be left out when updating, to keep the stored key')
    .option(
      '--service-account-file <file>',
      'Intelligence: the service-account JSON (serviceAccountId, discoveryEndpoint, privateKey: names seen in public code, not documented)',
    )
    .option('--passphrase-env <var>', 'the environment variable holding the passphrase of an encrypted key (used once, not stored)')
    .option('--query-style', 'send the token request parameters in the query string instead of a form POST body')
    .addHelpText(
      'after',
      '\nExamples:\n  mctoken profiles save prod --client-id "$SA_ID" --region us1 --key-file key.pem\n  mctoken profiles save eu --client-id "$SA_ID" --discovery-url "$DISCOVERY_URL" --key-file enc.pem --passphrase-env KEY_PASS\n  mctoken profiles save mc --product engagement --client-id "$CLIENT_ID" --client-secret-file secret.txt --subdomain "$SUBDOMAIN" --scope "email_read"',
    );
  addTenantOptions(addClientSecretOptions(save)).action(async (name: string, options: ProfilesSaveOptions) => {
    outcome.exitCode = await (options.product === 'engagement' ? runEngagementSave(name, options, io) : runProfilesSave(name, options, io));
  });

  profiles
    .command('delete')
    .description('delete a profile and its keychain entry')
    .argument('<name>', 'the profile name')
    .addHelpText('after', '\nExamples:\n  mctoken profiles delete staging')
    .action(async (name: string) => {
      outcome.exitCode = await runProfilesDelete(name, io);
    });

  profiles
    .command('prune')
    .description('show (and with --yes remove) the keychain entries this folder wrote that no saved profile stores any longer')
    .option('--dry-run', 'only show what would be removed, and why')
    .addOption(new Option('--yes', 'remove them').conflicts('dryRun'))
    .addHelpText('after', '\nExamples:\n  mctoken profiles prune --dry-run\n  mctoken profiles prune --yes')
    .action(async (options: ProfilesPruneOptions) => {
      outcome.exitCode = await runProfilesPrune(options, io);
    });

  profiles
    .command('reset')
    .description('start over when profiles.json is corrupt: move it aside to a named copy (the OS keychain is not touched)')
    .option('--keep-copy', 'move the corrupt file to profiles.json.corrupt-<time> (required: nothing is ever deleted)')
    .addHelpText('after', '\nExamples:\n  mctoken profiles reset --keep-copy')
    .action(async (options: ProfilesResetOptions) => {
      outcome.exitCode = await runProfilesReset(options, io);
    });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------
// The services (router, profile store, keychain) are loaded only when a profiles command runs, not for --help or decode.

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
async function runProfilesList(options: ProfilesOutputOptions, io: CliIo): Promise<number> {
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
async function runProfilesShow(name: string, options: ProfilesOutputOptions, io: CliIo): Promise<number> {
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

/**
 * `mctoken profiles save NAME`: creates an Intelligence profile, or replaces the settings of the one with that name (keeping its
 * stored key when --key-file is left out), through the app's router: the key goes to the OS keychain, never to a file.
 */
async function runProfilesSave(name: string, options: ProfilesSaveOptions, io: CliIo): Promise<number> {
  const engagementOnly = flagsGiven(options, ENGAGEMENT_ONLY_FLAGS);
  if (engagementOnly.length > 0)
    throw new UsageError(
      `${engagementOnly.join(', ')} ${engagementOnly.length > 1 ? 'belong' : 'belongs'} to Engagement profiles: add --product engagement.`,
    );
  const fromFile = await applyServiceAccountFile(options, io);
  if (options.serviceAccountFile !== undefined && fromFile.clientId === undefined)
    throw (
      missingFromServiceAccount(options.serviceAccountFile, { ...fromFile, privateKeyPem: '-' }) ??
      new UsageError('--client-id ID is needed.')
    );
  if (fromFile.clientId === undefined)
    throw new UsageError('mctoken profiles save needs --client-id ID (or --service-account-file FILE, for Intelligence).');
  if (fromFile.region === undefined && fromFile.discoveryUrl === undefined) {
    throw new UsageError(
      `mctoken profiles save needs --region REGION or --discovery-url URL${options.serviceAccountFile === undefined ? '' : ` (${options.serviceAccountFile} has no discoveryEndpoint)`}.`,
    );
  }
  const clientId = usageCheck(() => checkClientId(fromFile.clientId ?? ''));
  const discoveryUrl = fromFile.region === undefined ? discoveryUrlOption(fromFile.discoveryUrl ?? '') : null;
  const passphrase = options.passphraseEnv === undefined ? undefined : readEnv(io.env, options.passphraseEnv, '--passphrase-env');
  const { callRouter, openServices, profileNamed } = await import('../services');
  const services = openServices(io.env);
  const existing = profileNamed((await callRouter(services.router, 'profiles:list', null)).profiles, name);
  if (existing !== undefined && existing.product !== 'intelligence') {
    throw new WorkbenchError(
      'ERR_PROFILE_NAME_TAKEN',
      `An Engagement profile is already named "${existing.name}": pick another name, or delete it first.`,
    );
  }
  const keySource =
    fromFile.privateKeyPem !== undefined && options.serviceAccountFile !== undefined
      ? { path: serviceAccountKeySource(options.serviceAccountFile), pem: fromFile.privateKeyPem }
      : options.keyFile === undefined
        ? undefined
        : { path: options.keyFile, pem: await readSecretFile(options.keyFile, 'key file', io) };
  if (existing === undefined && keySource === undefined)
    throw new UsageError(
      `A new profile needs its private key: add --key-file KEY.pem${options.serviceAccountFile === undefined ? '' : ` (${options.serviceAccountFile} has no privateKey)`}.`,
    );
  const request: SaveProfileRequest = {
    ...(existing === undefined ? {} : { id: existing.id }),
    name,
    product: 'intelligence',
    clientId,
    region: fromFile.region ?? null,
    discoveryUrl,
    tokenRequestStyle: options.queryStyle === true ? 'query' : 'form',
    ...(keySource === undefined ? {} : { privateKeyPem: keySource.pem }),
    ...(passphrase === undefined ? {} : { passphrase }),
  };
  let saved;
  try {
    saved = await callRouter(services.router, 'profiles:save', request);
  } catch (error) {
    if (error instanceof WorkbenchError && keySource !== undefined)
      throw keyFileError(error.toPayload(), keySource.path, passphrase !== undefined);
    throw error;
  }
  const verb = existing === undefined ? 'Saved' : 'Updated';
  io.stdout.write(
    terminalSafe(
      `${verb} profile "${saved.name}" (client id ${saved.clientId}, ${where(saved)}). Key: ${describeKey(saved.keyInfo)}, stored in the OS keychain.`,
    ) + '\n',
  );
  return EXIT_OK;
}

/**
 * `mctoken profiles save NAME --product engagement`: a server-to-server profile (client id, subdomain or auth URL, scopes,
 * account id); the client secret goes to the OS keychain. Updating an Engagement profile keeps its stored signing secret.
 */
async function runEngagementSave(name: string, options: ProfilesSaveOptions, io: CliIo): Promise<number> {
  const intelligenceOnly = flagsGiven(options, {
    region: '--region',
    discoveryUrl: '--discovery-url',
    keyFile: '--key-file',
    serviceAccountFile: '--service-account-file',
    passphraseEnv: '--passphrase-env',
    queryStyle: '--query-style',
  });
  if (intelligenceOnly.length > 0)
    throw new UsageError(
      `${intelligenceOnly.join(', ')} ${intelligenceOnly.length > 1 ? 'belong' : 'belongs'} to Intelligence profiles: leave out --product engagement.`,
    );
  const draft = await draftFromOptions('profiles save --product engagement', options, io.env);
  const { callRouter, openServices, profileNamed } = await import('../services');
  const services = openServices(io.env);
  const existing = profileNamed((await callRouter(services.router, 'profiles:list', null)).profiles, name);
  if (existing !== undefined && existing.product !== 'engagement') {
    throw new WorkbenchError(
      'ERR_PROFILE_NAME_TAKEN',
      `An Intelligence profile is already named "${existing.name}": pick another name, or delete it first.`,
    );
  }
  const saved = await callRouter(services.router, 'profiles:save', {
    ...(existing === undefined ? {} : { id: existing.id }),
    name,
    product: 'engagement',
    ...draft,
  });
  const verb = existing === undefined ? 'Saved' : 'Updated';
  io.stdout.write(
    `${verb} profile "${saved.name}" (client id ${saved.clientId}, ${where(saved)}). Client secret stored in the OS keychain.\n`,
  );
  return EXIT_OK;
}

/** `mctoken profiles delete NAME`: removes the profile and its own keychain entries (no other), through the app's router. */
async function runProfilesDelete(name: string, io: CliIo): Promise<number> {
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
async function runProfilesPrune(options: ProfilesPruneOptions, io: CliIo): Promise<number> {
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
async function runProfilesReset(options: ProfilesResetOptions, io: CliIo): Promise<number> {
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
