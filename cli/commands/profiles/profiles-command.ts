import { Option, type Command } from 'commander';
import { REGIONS } from '../../../shared/intelligence/regions';
import type { CliIo } from '../../cli-io';
import type { CliOutcome } from '../../cli-outcome';
import type { ProfilesOutputOptions, ProfilesSaveOptions } from './profiles-options';

const EXAMPLES = `
Examples:
  mctoken profiles list
  mctoken profiles save prod --client-id "$SA_ID" --region us1 --key-file key.pem
  mctoken profiles save staging --client-id "$SA_ID" --discovery-url "$DISCOVERY_URL" --key-file enc.pem --passphrase-env KEY_PASS
  mctoken profiles show prod --json
  mctoken profiles delete staging

Profiles are the app's own: the same profiles.json in the app's user-data folder (MCTW_USER_DATA_DIR overrides it) and the
same OS keychain entries, so a profile saved in the app works here and back. Keys live only in the keychain.`;

/** Registers `mctoken profiles list|show|save|delete`; the keychain and the router are loaded only when one runs. */
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
    .addHelpText('after', '\nExamples:\n  mctoken profiles list\n  mctoken profiles list --json | jq -r \'.profiles[].name\'')
    .action(async (options: ProfilesOutputOptions) => {
      const { runProfilesList } = await import('./run-profiles-list');
      outcome.exitCode = await runProfilesList(options, io);
    });

  profiles
    .command('show')
    .description("show one profile's settings and key fingerprint (never the key)")
    .argument('<name>', 'the profile name')
    .option('--json', 'print the profile as JSON')
    .addHelpText('after', '\nExamples:\n  mctoken profiles show prod\n  mctoken profiles show prod --json')
    .action(async (name: string, options: ProfilesOutputOptions) => {
      const { runProfilesShow } = await import('./run-profiles-show');
      outcome.exitCode = await runProfilesShow(name, options, io);
    });

  profiles
    .command('save')
    .description('save an Intelligence profile (or replace the settings of the one with that name); the key goes to the OS keychain')
    .argument('<name>', 'the profile name')
    .requiredOption('--client-id <id>', 'the service account id (client id)')
    .addOption(new Option('--region <region>', 'the Intelligence region').choices(REGIONS).conflicts('discoveryUrl'))
    .option('--discovery-url <url>', 'the discovery endpoint URL you were given')
    .option('--key-file <file>', 'the RSA private key file (PEM); may be left out when updating, to keep the stored key')
    .option('--passphrase-env <var>', 'the environment variable holding the passphrase of an encrypted key (used once, not stored)')
    .option('--query-style', 'send the token request parameters in the query string instead of a form POST body')
    .addHelpText(
      'after',
      '\nExamples:\n  mctoken profiles save prod --client-id "$SA_ID" --region us1 --key-file key.pem\n  mctoken profiles save eu --client-id "$SA_ID" --discovery-url "$DISCOVERY_URL" --key-file enc.pem --passphrase-env KEY_PASS',
    )
    .action(async (name: string, options: ProfilesSaveOptions) => {
      const { runProfilesSave } = await import('./run-profiles-save');
      outcome.exitCode = await runProfilesSave(name, options, io);
    });

  profiles
    .command('delete')
    .description('delete a profile and its keychain entry')
    .argument('<name>', 'the profile name')
    .addHelpText('after', '\nExamples:\n  mctoken profiles delete staging')
    .action(async (name: string) => {
      const { runProfilesDelete } = await import('./run-profiles-delete');
      outcome.exitCode = await runProfilesDelete(name, io);
    });
}
