// `mctoken profiles list|show|save|delete|prune|reset`: the app's saved profiles, through the app's own router and keychain.
// The subcommands and their options, top to bottom; what each runs is in profiles-run.ts (list, show, delete, prune, reset)
// and profiles-save.ts, what list and show print in profiles-output.ts.
import { Option, type Command } from 'commander';
import { REGIONS } from '../../shared/intelligence/regions';
import { addClientSecretOptions, addTenantOptions } from '../engagement';
import type { CliIo, CliOutcome } from '../terminal/run';
import {
  runProfilesDelete,
  runProfilesList,
  runProfilesPrune,
  runProfilesReset,
  runProfilesShow,
  type ProfilesOutputOptions,
  type ProfilesPruneOptions,
  type ProfilesResetOptions,
} from './profiles-run';
import { runEngagementSave, runProfilesSave, type ProfilesSaveOptions } from './profiles-save';

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
