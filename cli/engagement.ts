// What the Engagement commands share (token, whoami, refresh, profiles save): the package's options, reading the client
// secret from an environment variable or a file, and the credentials from the options (the run itself: cli/issue-token.ts).
// Bad input is a usage error (exit 2) found before any connection; the secret is never printed.
import { Option, type Command } from 'commander';
import { checkAccountId, checkClientSecret, checkPackageClientId } from '../shared/engagement/credentials';
import { parseScopes } from '../shared/engagement/scopes';
import { resolveTenant } from '../shared/engagement/tenant';
import type { EngagementDraft } from '../shared/ipc/ipc-contract';
import { UsageError, readEnv, usageCheck } from './terminal/usage';
import { readTextFile } from './terminal/input';

/** The Engagement options as commander parses them. */
export interface EngagementOptions {
  clientId?: string;
  clientSecretEnv?: string;
  clientSecretFile?: string;
  subdomain?: string;
  authUrl?: string;
  scope?: string;
  accountId?: string;
}

/** The options only the Engagement flow has, by their flags: mixing them with Intelligence ones is a usage error. */
export const ENGAGEMENT_ONLY_FLAGS: Readonly<Record<string, string>> = {
  clientSecretEnv: '--client-secret-env',
  clientSecretFile: '--client-secret-file',
  subdomain: '--subdomain',
  authUrl: '--auth-url',
  scope: '--scope',
  accountId: '--account-id',
};

/** The flags of `table` whose options were given. */
export function flagsGiven(options: object, table: Readonly<Record<string, string>>): string[] {
  return Object.entries(table)
    .filter(([key]) => (options as Record<string, unknown>)[key] !== undefined)
    .map(([, flag]) => flag);
}

/** Adds the secret options (env or file, not both) to a command. */
export function addClientSecretOptions(command: Command): Command {
  return command
    .addOption(new Option('--client-secret-env <var>', 'the environment variable holding the client secret').conflicts('clientSecretFile'))
    .option('--client-secret-file <file>', 'a file holding the client secret');
}

/** Adds the server-to-server target options: the subdomain or auth URL, scopes and account id. */
export function addTenantOptions(command: Command): Command {
  return command
    .addOption(new Option('--subdomain <sub>', 'the tenant subdomain (28 characters starting with mc)').conflicts('authUrl'))
    .option('--auth-url <url>', 'the auth base URL, https://<subdomain>.auth.marketingcloudapis.com/')
    .option('--scope <scopes>', 'space-separated scopes to ask for (default: the package\'s own; "" for none)')
    .option('--account-id <mid>', 'the MID of the business unit (account_id)');
}

/** The client secret from --client-secret-env or --client-secret-file; a usage error when neither is given or it is malformed. */
export async function readClientSecret(options: EngagementOptions, env: NodeJS.ProcessEnv): Promise<string> {
  let secret: string;
  if (options.clientSecretEnv !== undefined) secret = readEnv(env, options.clientSecretEnv, '--client-secret-env');
  else if (options.clientSecretFile !== undefined) secret = await readTextFile(options.clientSecretFile, 'client secret file');
  else
    throw new UsageError(
      'The client secret is needed: put it in an environment variable and pass --client-secret-env VAR, or use --client-secret-file FILE.',
    );
  return usageCheck(() => checkClientSecret(secret));
}

/**
 * The server-to-server credentials from the options, every value checked before any connection: missing options, an
 * http auth URL that is not loopback, bad scopes or account id are usage errors (exit 2).
 */
export async function draftFromOptions(command: string, options: EngagementOptions, env: NodeJS.ProcessEnv): Promise<EngagementDraft> {
  const missing = [
    options.clientId === undefined ? '--client-id ID' : '',
    options.clientSecretEnv === undefined && options.clientSecretFile === undefined
      ? '--client-secret-env VAR or --client-secret-file FILE'
      : '',
    options.subdomain === undefined && options.authUrl === undefined ? '--subdomain SUB or --auth-url URL' : '',
  ].filter(Boolean);
  if (missing.length > 0)
    throw new UsageError(`mctoken ${command} needs ${missing.join(', ')}; or use a saved profile with --profile NAME.`);
  const clientId = usageCheck(() => checkPackageClientId(options.clientId ?? ''));
  const tenant = usageCheck(() => resolveTenant({ subdomain: options.subdomain ?? null, authUrl: options.authUrl ?? null }));
  const scope = options.scope === undefined ? null : usageCheck(() => parseScopes(options.scope ?? '').join(' '));
  const accountId = usageCheck(() => checkAccountId(options.accountId)) ?? null;
  const clientSecret = await readClientSecret(options, env);
  // The auth URL as given: the flow resolves it again and warns about what it fixed (a pasted v2/token).
  const where = options.authUrl === undefined ? { subdomain: tenant.subdomain } : { authUrl: options.authUrl.trim() };
  return { clientId, clientSecret, ...where, scope, accountId };
}
