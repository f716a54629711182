// `mctoken token`: run the Intelligence token flow, or the Engagement server-to-server flow, and print the access token.
// Options, run and output, top to bottom; the Engagement pieces shared with whoami and refresh are in cli/engagement.ts.
import { Option, type Command } from 'commander';
import { TIMEOUT_HELP, parseMinValid, parseTimeoutMs, type IntelligenceOptions } from '../option-parsers';
import type { CachedToken } from '../../electron/services/token-cache/cached-token';
import {
  ENGAGEMENT_ONLY_FLAGS,
  addClientSecretOptions,
  addTenantOptions,
  draftFromOptions,
  flagsGiven,
  type EngagementOptions,
} from '../engagement';
import type { TokenRunDraft } from '../../shared/ipc/ipc-contract';
import { applyServiceAccountFile, missingFromServiceAccount, serviceAccountKeySource } from '../service-account-file';
import type { Product } from '../../shared/profiles/profile';
import { checkClientId } from '../../shared/intelligence/client-id';
import { REGIONS, discoveryUrlForRegion } from '../../shared/intelligence/regions';
import { EXIT_OK, type CliIo, type CliOutcome } from '../terminal/run';
import { UsageError, discoveryUrlOption, readEnv, usageCheck } from '../terminal/usage';
import { readSecretFile } from '../terminal/input';
import { type KnownSecrets, terminalJson, terminalSafe } from '../terminal/safe-text';

// ---- Options -----------------------------------------------------------------------------------------------------------

/** The options of `mctoken token`, as commander parses them (Intelligence's here, Engagement's from EngagementOptions). */
export interface TokenOptions extends EngagementOptions, IntelligenceOptions {
  profile?: string;
  json?: boolean;
  timeoutMs?: number;
  verbose?: boolean;
  minValid?: number;
  fresh?: boolean;
  /** False with --no-cache. */
  cache?: boolean;
}

/** The options only the Intelligence flow has, by their flags. */
const INTELLIGENCE_ONLY_FLAGS: Readonly<Record<string, string>> = {
  region: '--region',
  discoveryUrl: '--discovery-url',
  keyFile: '--key-file',
  serviceAccountFile: '--service-account-file',
  passphraseEnv: '--passphrase-env',
  queryStyle: '--query-style',
};

const EXAMPLES = `
Examples:
  mctoken token --client-id "$SA_ID" --region us1 --key-file key.pem
  mctoken token --client-id "$SA_ID" --discovery-url "$DISCOVERY_URL" --key-file key.pem --verbose
  MC_KEY_PASS=... mctoken token --client-id "$SA_ID" --region eu1 --key-file encrypted.pem --passphrase-env MC_KEY_PASS
  mctoken token --service-account-file service-account.json
  mctoken token --client-id "$CLIENT_ID" --client-secret-env MC_CLIENT_SECRET --subdomain "$SUBDOMAIN" --scope "email_read"
  mctoken token --client-id "$CLIENT_ID" --client-secret-file secret.txt --auth-url "$AUTH_URL" --account-id 510001234 --json
  mctoken token --profile prod --json
  mctoken token --profile prod --min-valid 300      # a cached token with at least 5 minutes left, else a new one
  curl -H "Authorization: Bearer $(mctoken token --profile prod)" https://...

A saved profile's token is cached in the OS keychain (never a file) and reused while it has --min-valid seconds left
(default 60), for the profile's exact credentials only; --json then says "cached": true. Ad-hoc options never cache.
Intelligence options (--region, --discovery-url, --key-file, --passphrase-env) and Engagement options (--client-secret-*,
--subdomain, --auth-url, --scope, --account-id) cannot be mixed (exit 2). An Engagement --json also lists missing_scopes:
requested scopes that were not granted (each named in a warning on stderr; the exit status stays 0).
--service-account-file reads serviceAccountId, discoveryEndpoint and privateKey from a JSON file (names seen in public
Intelligence tooling; Salesforce does not document the file); --client-id, --discovery-url/--region and --key-file give
what it lacks, never what it has. Its permissions are checked like a key file's.
The key file may be PKCS#1 or PKCS#8 PEM, even pasted with literal \\n escapes or quotes. Only https discovery URLs
are accepted (http only for localhost/127.0.0.1/::1); any other http URL is refused before connecting (exit 2).
Exit status: 0 token issued, 1 the flow failed (the OAuth error, its description and a hint on stderr), 2 wrong usage,
130 interrupted.`;

/** Registers `mctoken token`. */
export function registerTokenCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  const command = program
    .command('token')
    .summary('get an Intelligence API token, or an Engagement server-to-server token')
    .description(
      "Run the Marketing Cloud Intelligence token flow (discovery, RS256 client assertion, token request), or the Engagement server-to-server flow (v2/token with the installed package's client id and secret), and print the access token alone on stdout, so $(mctoken token ...) works. Use a saved profile (any product, a web or public app signed in with mctoken login --save too), or give the options of one.",
    )
    .addOption(
      new Option(
        '--profile <name>',
        'use a profile saved in the app, with "mctoken profiles save" or with "mctoken login --save" (any product)',
      ).conflicts([
        'clientId',
        'region',
        'discoveryUrl',
        'keyFile',
        'serviceAccountFile',
        'passphraseEnv',
        ...Object.keys(ENGAGEMENT_ONLY_FLAGS),
      ]),
    )
    .option('--client-id <id>', "the service account id (Intelligence) or the installed package's client id (Engagement)")
    .addOption(
      new Option(
        '--region <region>',
        'the Intelligence region, a shortcut for its discovery URL (guessed from the one documented URL: prefer --discovery-url)',
      )
        .choices(REGIONS)
        .conflicts('discoveryUrl'),
    )
    .option('--discovery-url <url>', 'the discovery endpoint URL you were given')
    .option('--key-file <file>', 'the RSA private key file (PEM)')
    .option(
      '--service-account-file <file>',
      'the service-account JSON (serviceAccountId, discoveryEndpoint, privateKey: names seen in public code, not documented); options give what it lacks',
    )
    .option('--passphrase-env <var>', 'the environment variable holding the passphrase of an encrypted key')
    .option(
      '--json',
      'print {access_token, expires_in, expires_at, cached, token_endpoint} as JSON (Engagement: also token_type, scope, rest/soap_instance_url, missing_scopes)',
    )
    .option('--min-valid <seconds>', 'with --profile: reuse a cached token only with at least this long left (default 60)', parseMinValid)
    .addOption(new Option('--fresh', 'with --profile: always get a new token (and cache it)').conflicts('cache'))
    .option('--no-cache', 'with --profile: get a new token, neither reading nor writing the token cache')
    .option('--timeout-ms <n>', TIMEOUT_HELP, parseTimeoutMs)
    .option('--verbose', 'print each step (status, duration, request and response with secrets masked) on stderr')
    .option(
      '--query-style',
      "send the token request parameters in the query string, as Salesforce's docs show, instead of a form POST body",
    )
    .addHelpText('after', EXAMPLES);
  addTenantOptions(addClientSecretOptions(command)).action(async (options: TokenOptions) => {
    outcome.exitCode = await runToken(options, io);
  });
}

// ---- Run ---------------------------------------------------------------------------------------------------------------

/**
 * Picks the product (a saved profile's, or the options'), resolves its credentials and gets the token (a saved profile's
 * from the token cache when it has one): the access token alone (or `--json`) on stdout; steps on stderr with --verbose,
 * warnings always. Returns the exit status.
 */
export async function runToken(options: TokenOptions, io: CliIo): Promise<number> {
  const engagement = flagsGiven(options, ENGAGEMENT_ONLY_FLAGS);
  const intelligence = flagsGiven(options, INTELLIGENCE_ONLY_FLAGS);
  if (engagement.length > 0 && intelligence.length > 0) {
    throw new UsageError(
      `Intelligence options (${intelligence.join(', ')}) cannot be mixed with Engagement options (${engagement.join(', ')}): give the options of one product.`,
    );
  }
  if (options.profile !== undefined) {
    const { profileToken } = await import('../profile-token');
    const settings = { ...options, minValidSeconds: options.minValid, noCache: options.cache === false };
    const result = await profileToken(options.profile, settings, io);
    if (!result.ok) return result.exitCode;
    io.stdout.write(tokenOutput(result.profile.product, result.token, result.cached, options.json === true, result.secrets));
    return EXIT_OK;
  }
  // Ad-hoc credentials are never cached: --fresh and --min-valid only mean something for a saved profile.
  const cacheFlags = [options.fresh === true ? '--fresh' : '', options.minValid === undefined ? '' : '--min-valid'].filter(Boolean);
  if (cacheFlags.length > 0)
    throw new UsageError(`${cacheFlags.join(' and ')} need --profile NAME: tokens are cached for saved profiles only.`);
  const product = engagement.length > 0 ? 'engagement' : 'intelligence';
  const { issueEngagementToken, issueIntelligenceToken } = await import('../issue-token');
  const issueIntelligence = ({ draft, keySource }: { draft: TokenRunDraft; keySource: string }) =>
    issueIntelligenceToken(draft, keySource, options, io);
  const result =
    product === 'engagement'
      ? await issueEngagementToken(await draftFromOptions('token', options, io.env), options, io)
      : await issueIntelligence(await draftFromIntelligenceOptions(options, io));
  if (!result.ok) return result.exitCode;
  io.stdout.write(tokenOutput(product, result.token, false, options.json === true, result.secrets));
  return EXIT_OK;
}

/**
 * The run's values from --client-id, --region or --discovery-url, --key-file and --passphrase-env. Everything that is a usage
 * problem (a missing option, an unset variable, an http discovery URL that is not loopback) is found before any file is read
 * or any connection made; the Intelligence service then checks the key as it checks a pasted one (its errors name the file).
 */
async function draftFromIntelligenceOptions(given: TokenOptions, io: CliIo): Promise<{ draft: TokenRunDraft; keySource: string }> {
  const { env } = io;
  const options = await applyServiceAccountFile(given, io);
  const { clientId, keyFile, region, discoveryUrl: url, privateKeyPem } = options;
  const incomplete = given.serviceAccountFile === undefined ? null : missingFromServiceAccount(given.serviceAccountFile, options);
  if (incomplete !== null) throw incomplete;
  if (clientId === undefined || (keyFile === undefined && privateKeyPem === undefined) || (region === undefined && url === undefined)) {
    const missing = [
      clientId === undefined ? '--client-id ID' : '',
      region === undefined && url === undefined ? '--region REGION or --discovery-url URL' : '',
      keyFile === undefined ? '--key-file KEY.pem' : '',
    ].filter(Boolean);
    throw new UsageError(`mctoken token needs ${missing.join(', ')}; or use a saved profile with --profile NAME.`);
  }
  const checkedClientId = usageCheck(() => checkClientId(clientId));
  const discoveryUrl = region === undefined ? discoveryUrlOption(url ?? '') : discoveryUrlForRegion(region);
  const passphrase = options.passphraseEnv === undefined ? undefined : readEnv(env, options.passphraseEnv, '--passphrase-env');
  // The key from --key-file, or from the service-account file: the service reads it, and its errors name where it came from.
  const fromKeyFile = privateKeyPem === undefined || given.serviceAccountFile === undefined;
  const pem = fromKeyFile ? await readSecretFile(keyFile ?? '', 'key file', io) : privateKeyPem;
  const keySource = fromKeyFile ? (keyFile ?? '') : serviceAccountKeySource(given.serviceAccountFile ?? '');
  const draft: TokenRunDraft = {
    clientId: checkedClientId,
    discoveryUrl,
    privateKeyPem: pem,
    tokenRequestStyle: 'form',
    ...(passphrase === undefined ? {} : { passphrase }),
  };
  return { draft, keySource };
}

// ---- Output ------------------------------------------------------------------------------------------------------------

/** What `mctoken token` prints: the access token alone, or the --json object with `cached` beside `expires_at`. */
export function tokenOutput(product: Product, token: CachedToken, cached: boolean, json: boolean, secrets: KnownSecrets): string {
  if (!json) return `${terminalSafe(token.accessToken, { secrets })}\n`;
  const expires = { expires_in: token.expiresIn, expires_at: new Date(token.expiresAt).toISOString(), cached };
  const fields =
    product !== 'intelligence'
      ? {
          access_token: token.accessToken,
          token_type: token.tokenType,
          ...expires,
          scope: token.scope,
          rest_instance_url: token.restInstanceUrl,
          soap_instance_url: token.soapInstanceUrl,
          token_endpoint: token.tokenEndpoint,
          missing_scopes: token.missingScopes,
        }
      : { access_token: token.accessToken, ...expires, token_endpoint: token.tokenEndpoint };
  return terminalJson(fields, { secrets });
}
