// `mctoken profiles list|show|save|delete`: the app's saved profiles, through the app's own router and keychain.
// Options, run and output, top to bottom.
import { Option, type Command } from 'commander';
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { checkClientId } from '../../shared/intelligence/client-id';
import { REGIONS, type Region } from '../../shared/intelligence/regions';
import type { SaveProfileRequest } from '../../shared/ipc/ipc-contract';
import type { KeyInfo } from '../../shared/keys/key-info';
import type { Profile } from '../../shared/profiles/profile';
import {
  ENGAGEMENT_ONLY_FLAGS,
  addClientSecretOptions,
  addTenantOptions,
  draftFromOptions,
  flagsGiven,
  type EngagementOptions,
} from '../engagement';
import {
  EXIT_OK,
  UsageError,
  discoveryUrlOption,
  formatTable,
  keyFileError,
  readEnv,
  readSecretFile,
  reportWarning,
  terminalJson,
  terminalSafe,
  usageCheck,
  type CliIo,
  type CliOutcome,
} from '../terminal';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken profiles save`, as commander parses them. */
export interface ProfilesSaveOptions extends EngagementOptions {
  product: 'intelligence' | 'engagement';
  clientId: string;
  region?: Region;
  discoveryUrl?: string;
  keyFile?: string;
  passphraseEnv?: string;
  queryStyle?: boolean;
}

/** The options of `mctoken profiles list` and `show`. */
export interface ProfilesOutputOptions {
  json?: boolean;
}

const EXAMPLES = `
Examples:
  mctoken profiles list
  mctoken profiles save prod --client-id "$SA_ID" --region us1 --key-file key.pem
  mctoken profiles save staging --client-id "$SA_ID" --discovery-url "$DISCOVERY_URL" --key-file enc.pem --passphrase-env KEY_PASS
  mctoken profiles save mc-prod --product engagement --client-id "$CLIENT_ID" --client-secret-env MC_CLIENT_SECRET --subdomain "$SUBDOMAIN"
  mctoken profiles show prod --json
  mctoken profiles delete staging

Profiles are the app's own: the same profiles.json in the app's user-data folder (MCTW_USER_DATA_DIR overrides it) and the
same OS keychain entries, so a profile saved in the app works here and back. Keys and secrets live only in the keychain.`;

/** Registers `mctoken profiles list|show|save|delete`. */
export function registerProfilesCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  const profiles = program
    .command('profiles')
    .summary('list, show, save and delete saved profiles (shared with the app)')
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
    .requiredOption('--client-id <id>', "the service account id (Intelligence) or the installed package's client id (Engagement)")
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
}

// ---- Run ---------------------------------------------------------------------------------------------------------------
// The services (router, profile store, keychain) are loaded only when a profiles command runs, not for --help or decode.

/** `mctoken profiles list`: the saved profiles (text table, or `{ profiles, problems }` with --json); problems also go to stderr. */
async function runProfilesList(options: ProfilesOutputOptions, io: CliIo): Promise<number> {
  const { callRouter, openServices } = await import('../services');
  const listing = await callRouter(openServices(io.env).router, 'profiles:list', null);
  for (const problem of listing.problems) reportWarning(`${problem.message} (${problem.code})`, io);
  io.stdout.write(options.json === true ? terminalJson(listing) : formatProfileList(listing.profiles));
  return EXIT_OK;
}

/** `mctoken profiles show NAME`: one profile's settings and key fingerprint (never the key), as text or --json. */
async function runProfilesShow(name: string, options: ProfilesOutputOptions, io: CliIo): Promise<number> {
  const { findProfileByName, openServices } = await import('../services');
  const services = openServices(io.env);
  const profile = await findProfileByName(services.profiles, name);
  const { describeCachedToken } = await import('../token-status');
  const cachedToken = await describeCachedToken(profile, services.secrets, io.env);
  io.stdout.write(options.json === true ? terminalJson(profile) : `${formatProfile(profile)}${'Cached token:'.padEnd(16)}${cachedToken}\n`);
  return EXIT_OK;
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
  if (options.region === undefined && options.discoveryUrl === undefined) {
    throw new UsageError('mctoken profiles save needs --region REGION or --discovery-url URL.');
  }
  const clientId = usageCheck(() => checkClientId(options.clientId));
  const discoveryUrl = options.region === undefined ? discoveryUrlOption(options.discoveryUrl ?? '') : null;
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
  if (existing === undefined && options.keyFile === undefined)
    throw new UsageError('A new profile needs its private key: add --key-file KEY.pem.');
  const request: SaveProfileRequest = {
    ...(existing === undefined ? {} : { id: existing.id }),
    name,
    product: 'intelligence',
    clientId,
    region: options.region ?? null,
    discoveryUrl,
    tokenRequestStyle: options.queryStyle === true ? 'query' : 'form',
    ...(options.keyFile === undefined ? {} : { privateKeyPem: await readSecretFile(options.keyFile, 'key file', io) }),
    ...(passphrase === undefined ? {} : { passphrase }),
  };
  let saved;
  try {
    saved = await callRouter(services.router, 'profiles:save', request);
  } catch (error) {
    if (error instanceof WorkbenchError && options.keyFile !== undefined)
      throw keyFileError(error.toPayload(), options.keyFile, passphrase !== undefined);
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

/** `mctoken profiles delete NAME`: removes the profile and its keychain entry, through the app's router. */
async function runProfilesDelete(name: string, io: CliIo): Promise<number> {
  const { callRouter, findProfileByName, openServices } = await import('../services');
  const services = openServices(io.env);
  const profile = await findProfileByName(services.profiles, name);
  await callRouter(services.router, 'profiles:delete', { id: profile.id });
  io.stdout.write(`${terminalSafe(`Deleted profile "${profile.name}" and its entry in the OS keychain.`)}\n`);
  return EXIT_OK;
}

// ---- Output ------------------------------------------------------------------------------------------------------------

/** A key described without the key: `RSA 2048 bits, pkcs1, SHA256:…`. */
function describeKey(info: KeyInfo | null): string {
  return info === null ? 'none' : `${info.type} ${info.bits} bits, ${info.format}, ${info.fingerprint}`;
}

function where(profile: Profile): string {
  return profile.region ?? profile.discoveryUrl ?? profile.subdomain ?? profile.authUrl ?? '-';
}

/** What a profile keeps in the keychain, without the secrets. */
function storedSecrets(profile: Profile): string {
  if (profile.keyInfo !== null) return profile.keyInfo.fingerprint;
  const kept = [profile.hasClientSecret ? 'client secret' : '', profile.hasSecret ? 'signing secret' : ''].filter(Boolean);
  return kept.length === 0 ? 'none' : `${kept.join(' + ')} stored`;
}

/** The `mctoken profiles list` table: name, product, client id, region or discovery URL, key fingerprint. */
function formatProfileList(profiles: Profile[]): string {
  if (profiles.length === 0)
    return 'No saved profiles. Save one with: mctoken profiles save NAME --client-id ID --region us1 --key-file key.pem\n';
  const rows = profiles.map((p) => [p.name, p.product, p.clientId || '-', where(p), storedSecrets(p)].map((cell) => terminalSafe(cell)));
  return formatTable([['NAME', 'PRODUCT', 'CLIENT ID', 'REGION / DISCOVERY URL / SUBDOMAIN', 'KEY / SECRETS'], ...rows]);
}

/** The `mctoken profiles show` text: every field of the profile; the key only as type, size, format and fingerprint. */
function formatProfile(profile: Profile): string {
  const rows: [string, string][] = [
    ['Name', profile.name],
    ['Product', profile.product],
    ['Client id', profile.clientId || '-'],
    ['Region', profile.region ?? '-'],
    ['Discovery URL', profile.discoveryUrl ?? '-'],
    ['Token request', profile.tokenRequestStyle === 'query' ? 'query string (as in the docs)' : 'form POST body'],
    ['Key', describeKey(profile.keyInfo)],
    ['Secret stored', profile.hasSecret ? 'yes, in the OS keychain' : 'no'],
    ['Created', profile.createdAt],
    ['Updated', profile.updatedAt],
  ];
  if (profile.secretEncoding !== null) rows.splice(7, 0, ['Secret encoding', profile.secretEncoding]);
  if (profile.product === 'engagement') {
    rows.splice(
      3,
      3,
      ['Subdomain', profile.subdomain ?? '-'],
      ['Auth URL', profile.authUrl ?? '-'],
      ['Scopes', profile.scope ?? "(the package's own)"],
      ['Account id', profile.accountId ?? '-'],
    );
    rows.splice(-2, 0, ['Client secret', profile.hasClientSecret ? 'yes, in the OS keychain' : 'no']);
  }
  return rows.map(([name, value]) => `${`${name}:`.padEnd(16)}${terminalSafe(value)}`).join('\n') + '\n';
}
