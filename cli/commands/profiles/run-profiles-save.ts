import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { checkClientId } from '../../../shared/intelligence/client-id';
import type { SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import type { CliIo } from '../../cli-io';
import { EXIT_OK } from '../../exit-codes';
import { readEnv } from '../../io/read-env';
import { readTextFile } from '../../io/read-text-file';
import { callRouter } from '../../services/call-router';
import { discoveryUrlOption } from '../../services/discovery-url-option';
import { profileNamed } from '../../services/find-profile';
import { keyFileError } from '../../services/key-file-error';
import { openServices } from '../../services/open-services';
import { usageCheck } from '../../usage-check';
import { UsageError } from '../../usage-error';
import { describeKey } from './profile-plain';
import type { ProfilesSaveOptions } from './profiles-options';

/**
 * `mctoken profiles save NAME`: creates an Intelligence profile, or replaces the settings of the one with that name (keeping its
 * stored key when --key-file is left out), through the app's router: the key goes to the OS keychain, never to a file.
 */
export async function runProfilesSave(name: string, options: ProfilesSaveOptions, io: CliIo): Promise<number> {
  if (options.region === undefined && options.discoveryUrl === undefined) {
    throw new UsageError('mctoken profiles save needs --region REGION or --discovery-url URL.');
  }
  const clientId = usageCheck(() => checkClientId(options.clientId));
  const discoveryUrl = options.region === undefined ? discoveryUrlOption(options.discoveryUrl ?? '') : null;
  const passphrase = options.passphraseEnv === undefined ? undefined : readEnv(io.env, options.passphraseEnv, '--passphrase-env');
  const services = openServices(io.env);
  const existing = profileNamed((await callRouter(services.router, 'profiles:list', null)).profiles, name);
  if (existing !== undefined && existing.product !== 'intelligence') {
    throw new WorkbenchError('ERR_PROFILE_NAME_TAKEN', `An Engagement profile is already named "${existing.name}": pick another name, or delete it first.`);
  }
  if (existing === undefined && options.keyFile === undefined) throw new UsageError('A new profile needs its private key: add --key-file KEY.pem.');
  const request: SaveProfileRequest = {
    ...(existing === undefined ? {} : { id: existing.id }),
    name,
    product: 'intelligence',
    clientId,
    region: options.region ?? null,
    discoveryUrl,
    tokenRequestStyle: options.queryStyle === true ? 'query' : 'form',
    ...(options.keyFile === undefined ? {} : { privateKeyPem: await readTextFile(options.keyFile, 'key file') }),
    ...(passphrase === undefined ? {} : { passphrase }),
  };
  let saved;
  try {
    saved = await callRouter(services.router, 'profiles:save', request);
  } catch (error) {
    if (error instanceof WorkbenchError && options.keyFile !== undefined) throw keyFileError(error.toPayload(), options.keyFile, passphrase !== undefined);
    throw error;
  }
  const verb = existing === undefined ? 'Saved' : 'Updated';
  io.stdout.write(`${verb} profile "${saved.name}" (client id ${saved.clientId}, ${saved.region ?? saved.discoveryUrl ?? '-'}). Key: ${describeKey(saved.keyInfo)}, stored in the OS keychain.\n`);
  return EXIT_OK;
}
