import { Option, type Command } from 'commander';
import { REGIONS } from '../../../shared/intelligence/regions';
import type { CliIo } from '../../cli-io';
import type { CliOutcome } from '../../cli-outcome';
import { parseTimeoutMs } from '../../parse-timeout-ms';
import type { TokenOptions } from './token-options';

const EXAMPLES = `
Examples:
  mctoken token --client-id "$SA_ID" --region us1 --key-file key.pem
  mctoken token --client-id "$SA_ID" --discovery-url "$DISCOVERY_URL" --key-file key.pem --verbose
  MC_KEY_PASS=... mctoken token --client-id "$SA_ID" --region eu1 --key-file encrypted.pem --passphrase-env MC_KEY_PASS
  mctoken token --profile prod --json
  curl -H "Authorization: Bearer $(mctoken token --profile prod)" https://...

The key file may be PKCS#1 or PKCS#8 PEM, even pasted with literal \\n escapes or quotes. Only https discovery URLs
are accepted (http only for localhost/127.0.0.1/::1); any other http URL is refused before connecting (exit 2).
Exit status: 0 token issued, 1 the flow failed (the OAuth error, its description and a hint on stderr), 2 wrong usage,
130 interrupted.`;

/** Registers `mctoken token`; the token flow and the keychain are loaded only when the command runs. */
export function registerTokenCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  program
    .command('token')
    .summary('get a Marketing Cloud Intelligence API access token')
    .description(
      'Run the Marketing Cloud Intelligence token flow (discovery, RS256 client assertion, token request) and print the access token alone on stdout, so $(mctoken token ...) works. Use a saved profile, or give the service account id, the region or discovery URL and the private key file.',
    )
    .addOption(new Option('--profile <name>', 'use a profile saved in the app or with "mctoken profiles save"').conflicts(['clientId', 'region', 'discoveryUrl', 'keyFile', 'passphraseEnv']))
    .option('--client-id <id>', 'the service account id (client id)')
    .addOption(new Option('--region <region>', 'the Intelligence region, a shortcut for its discovery URL').choices(REGIONS).conflicts('discoveryUrl'))
    .option('--discovery-url <url>', 'the discovery endpoint URL you were given')
    .option('--key-file <file>', 'the RSA private key file (PEM)')
    .option('--passphrase-env <var>', 'the environment variable holding the passphrase of an encrypted key')
    .option('--json', 'print {access_token, expires_in, expires_at, token_endpoint} as JSON')
    .option('--timeout-ms <n>', 'give up on a network step after this many milliseconds (default 15000)', parseTimeoutMs)
    .option('--verbose', 'print each step (status, duration, request and response with secrets masked) on stderr')
    .option('--query-style', "send the token request parameters in the query string, as Salesforce's docs show, instead of a form POST body")
    .addHelpText('after', EXAMPLES)
    .action(async (options: TokenOptions) => {
      const { runToken } = await import('./run-token');
      outcome.exitCode = await runToken(options, io);
    });
}
