// --service-account-file F for `mctoken token` and `mctoken profiles save`: the service-account JSON Intelligence hands out
// gives the service account id, the discovery URL and the key; an option gives whatever the file lacks. The file's field
// names come from public Intelligence tooling, not Salesforce's docs (shared/intelligence/service-account-file.ts).
import { WorkbenchError } from '../shared/errors/workbench-error';
import {
  SERVICE_ACCOUNT_NAMES_SOURCE,
  missingServiceAccountFields,
  parseServiceAccountFile,
  type ServiceAccountField,
  type ServiceAccountFile,
} from '../shared/intelligence/service-account-file';
import { UsageError } from './terminal/usage';
import { readSecretFile } from './terminal/input';
import type { CliIo } from './terminal/run';

/** The Intelligence options a service-account file can stand in for, as commander parses them. */
export interface ServiceAccountOptions {
  serviceAccountFile?: string;
  clientId?: string;
  region?: string;
  discoveryUrl?: string;
  keyFile?: string;
}

/** The options with the file's fields filled in; the key, when the file holds it, as text (never a path). */
export type WithServiceAccount<T extends ServiceAccountOptions> = T & { privateKeyPem?: string };

/** The option that gives each field one by one. */
const OPTION_OF: Readonly<Record<ServiceAccountField, string>> = {
  serviceAccountId: '--client-id ID',
  discoveryEndpoint: '--discovery-url URL (or --region REGION)',
  privateKey: '--key-file KEY.pem',
};

/** Where a key read from the file is named in key errors. */
export function serviceAccountKeySource(path: string): string {
  return `${path} (its privateKey)`;
}

/**
 * Reads --service-account-file (permissions checked as for key files: a warning when others may read it) and fills the
 * options from it. A field given both in the file and by its option is a usage error (which one is meant is unclear);
 * a malformed file is ERR_SERVICE_ACCOUNT_FILE_* naming the file. Options without the flag come back as they are.
 */
export async function applyServiceAccountFile<T extends ServiceAccountOptions>(options: T, io: CliIo): Promise<WithServiceAccount<T>> {
  const path = options.serviceAccountFile;
  if (path === undefined) return options;
  const text = await readSecretFile(path, 'service-account file', io);
  let file;
  try {
    file = parseServiceAccountFile(text);
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    throw new WorkbenchError(
      error.code,
      `service-account file ${path}: ${error.message}`,
      error.hint === undefined ? {} : { hint: error.hint },
    );
  }
  const both = [
    file.serviceAccountId !== undefined && options.clientId !== undefined ? '--client-id (serviceAccountId)' : '',
    file.discoveryEndpoint !== undefined && (options.discoveryUrl !== undefined || options.region !== undefined)
      ? `${options.region === undefined ? '--discovery-url' : '--region'} (discoveryEndpoint)`
      : '',
    file.privateKey !== undefined && options.keyFile !== undefined ? '--key-file (privateKey)' : '',
  ].filter(Boolean);
  if (both.length > 0)
    throw new UsageError(
      `${both.join(', ')} ${both.length > 1 ? 'are' : 'is'} also in ${path}: give each value once, in the file or as an option.`,
    );
  return {
    ...options,
    ...(file.serviceAccountId === undefined ? {} : { clientId: file.serviceAccountId }),
    ...(file.discoveryEndpoint === undefined ? {} : { discoveryUrl: file.discoveryEndpoint }),
    ...(file.privateKey === undefined ? {} : { privateKeyPem: file.privateKey }),
  };
}

/**
 * The usage error for values neither the file nor an option gave, naming the option for each, e.g.
 * "sa.json has no privateKey: add --key-file KEY.pem". Null when nothing is missing.
 */
export function missingFromServiceAccount(path: string, options: WithServiceAccount<ServiceAccountOptions>): UsageError | null {
  const have: ServiceAccountFile = {
    ...(options.clientId === undefined ? {} : { serviceAccountId: options.clientId }),
    ...(options.discoveryUrl === undefined && options.region === undefined ? {} : { discoveryEndpoint: '-' }),
    ...(options.privateKeyPem === undefined && options.keyFile === undefined ? {} : { privateKey: '-' }),
  };
  const missing = missingServiceAccountFields(have);
  if (missing.length === 0) return null;
  return new UsageError(
    `${path} has no ${missing.join(', ')}: add ${missing.map((field) => OPTION_OF[field]).join(', ')}. The file is read for ${SERVICE_ACCOUNT_NAMES_SOURCE}.`,
  );
}
