// What `mctoken profiles save NAME` runs, for an Intelligence or an Engagement profile: the options checked, the profile
// saved through the app's router, its key or client secret to the OS keychain, never to a file. Loaded only when it runs.
import { WorkbenchError } from '../../shared/errors/workbench-error';
import { checkClientId } from '../../shared/intelligence/client-id';
import type { SaveProfileRequest } from '../../shared/ipc/ipc-contract';
import type { Product } from '../../shared/profiles/profile';
import { ENGAGEMENT_ONLY_FLAGS, draftFromOptions, flagsGiven, type EngagementOptions } from '../engagement';
import { applyServiceAccountFile, missingFromServiceAccount, serviceAccountKeySource } from '../service-account-file';
import { describeKey, where } from './profiles-output';
import { EXIT_OK, type CliIo } from '../terminal/run';
import { UsageError, discoveryUrlOption, readEnv, usageCheck } from '../terminal/usage';
import { keyFileError, readSecretFile } from '../terminal/input';
import { terminalSafe } from '../terminal/safe-text';
import type { IntelligenceOptions } from '../option-parsers';

/** The options of `mctoken profiles save`, as commander parses them. */
export interface ProfilesSaveOptions extends EngagementOptions, IntelligenceOptions {
  product: Product;
}

/**
 * `mctoken profiles save NAME`: creates an Intelligence profile, or replaces the settings of the one with that name (keeping its
 * stored key when --key-file is left out), through the app's router: the key goes to the OS keychain, never to a file.
 */
export async function runProfilesSave(name: string, options: ProfilesSaveOptions, io: CliIo): Promise<number> {
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
  const { existing, services, callRouter } = await profileToReplace(name, 'intelligence', io);
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
export async function runEngagementSave(name: string, options: ProfilesSaveOptions, io: CliIo): Promise<number> {
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
  const { existing, services, callRouter } = await profileToReplace(name, 'engagement', io);
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

/** How the profile holding a name is named in ERR_PROFILE_NAME_TAKEN. */
const TAKEN_BY: Record<Product, string> = {
  intelligence: 'An Intelligence',
  engagement: 'An Engagement',
  'engagement-web': 'A web or public app',
};

/**
 * The saved profile of this name that a save replaces (none for a new one), with the services to save through; a profile of
 * the other product under that name is ERR_PROFILE_NAME_TAKEN.
 */
async function profileToReplace(name: string, product: 'intelligence' | 'engagement', io: CliIo) {
  const { callRouter, openServices, profileNamed } = await import('../services');
  const services = openServices(io.env);
  const existing = profileNamed((await callRouter(services.router, 'profiles:list', null)).profiles, name);
  if (existing !== undefined && existing.product !== product) {
    throw new WorkbenchError(
      'ERR_PROFILE_NAME_TAKEN',
      `${TAKEN_BY[existing.product]} profile is already named "${existing.name}": pick another name, or delete it first.`,
    );
  }
  return { existing, services, callRouter };
}
