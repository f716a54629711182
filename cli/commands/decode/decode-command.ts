import { Option, type Command } from 'commander';
import type { CliIo } from '../../cli-io';
import type { CliOutcome } from '../../cli-outcome';
import type { DecodeOptions } from './decode-options';

const EXAMPLES = `
Examples:
  mctoken decode eyJhbGciOi...                       decode and explain a token
  pbpaste | mctoken decode                           read it from stdin (or: mctoken decode - < token.txt)
  mctoken decode "$JWT" --secret-env MC_JWT_SECRET   verify an App Center SSO JWT with its signing secret
  mctoken decode "$JWT" --secret-file secret.txt --secret-encoding base64
  mctoken decode "$ASSERTION" --key-file public.pem  verify an RS256 token with a public key
  mctoken decode "$JWT" --json | jq '.claims[] | select(.documented | not)'

Exit status: 0 decoded (and verified, when a key was given; an expired token still decodes, with a warning),
1 malformed token or failed verification, 2 wrong usage.`;

/** Registers `mctoken decode`; the work itself is loaded only when the command runs. */
export function registerDecodeCommand(program: Command, io: CliIo, outcome: CliOutcome): void {
  program
    .command('decode')
    .summary('decode, explain and verify a token (offline)')
    .description(
      'Decode a JWT, a Marketing Cloud Engagement App Center SSO JWT or a four-segment Engagement access token: its kind, header, every claim explained, warnings and the signature status. Nothing is sent anywhere.',
    )
    .argument('[token]', 'the token; "-" or nothing (with piped input) reads it from stdin')
    .option('--json', 'print one JSON object instead of text')
    .addOption(new Option('--secret-file <file>', 'verify HS256 with the JWT signing secret in this file (a trailing newline is ignored)').conflicts(['secretEnv', 'keyFile']))
    .addOption(new Option('--secret-env <var>', 'verify HS256 with the JWT signing secret in this environment variable').conflicts(['keyFile']))
    .addOption(new Option('--secret-encoding <encoding>', 'how the secret is written (default: text)').choices(['text', 'base64', 'hex']))
    .addOption(new Option('--key-file <file>', 'verify RS/PS/ES signatures with this public key: PEM, X.509 certificate, JWK or JWK set'))
    .addHelpText('after', EXAMPLES)
    .action(async (token: string | undefined, options: DecodeOptions) => {
      const { runDecode } = await import('./run-decode');
      outcome.exitCode = await runDecode(token, options, io);
    });
}
