// `mctoken token` (Engagement options), `whoami` and `refresh` end to end: the built CLI as a child process against the local
// Engagement auth server on 127.0.0.1; profiles on the real keychain; a scan that no output carried the client secret or a
// spent refresh token.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  OTHER_MID,
  REFRESH_GRACE_MS,
  SAMPLE_MID,
  SAMPLE_PACKAGE,
  startEngagementServer,
  type EngagementServer,
} from '../../test/support/engagement-server';
import { makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../test/support/throwaway-keychain';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, runMctoken, startMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const SECRET_ENV = { MC_CLIENT_SECRET: SAMPLE_PACKAGE.clientSecret };
const INVALID_CLIENT_HINT =
  'The client id or secret is wrong, or the installed package has no server-to-server API Integration component. In Setup > Apps > Installed Packages, open the package, check that its API Integration is "Server-to-Server", and copy the client id and secret again.';

let server: EngagementServer;
let dir = '';
const spent: string[] = [];

const base = (...more: string[]) => [
  '--client-id',
  SAMPLE_PACKAGE.clientId,
  '--client-secret-env',
  'MC_CLIENT_SECRET',
  '--auth-url',
  server.authBaseUrl,
  ...more,
];
const cli = (args: string[], env: Record<string, string> = {}) => runMctoken(args, { env: { ...SECRET_ENV, ...env } });

beforeAll(async () => {
  assertCliBuilt();
  server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
  dir = mkdtempSync(join(tmpdir(), 'mctw-cli-engagement-'));
});
afterEach(() => server.setFault('none'));
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  const output = cliTranscript();
  expect(output).not.toContain(SAMPLE_PACKAGE.clientSecret);
  for (const token of spent) expect(output).not.toContain(token);
});

describe('mctoken token (Engagement)', () => {
  it('prints the access token alone; the secret may come from a file', async () => {
    const run = await cli(['token', ...base()]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('.')).toHaveLength(4);
    expect(server.hasIssued(run.stdout.trim())).toBe(true);
    const file = join(dir, 'secret.txt');
    writeFileSync(file, `${SAMPLE_PACKAGE.clientSecret}\n`);
    const fromFile = await runMctoken([
      'token',
      '--client-id',
      SAMPLE_PACKAGE.clientId,
      '--client-secret-file',
      file,
      '--auth-url',
      server.authBaseUrl,
    ]);
    expect(fromFile.code).toBe(0);
  });

  it('--json: the contract fields; missing scopes named on stderr and in missing_scopes, exit 0', async () => {
    const run = await cli(['token', ...base('--scope', 'email_read journeys_read sms_send', '--account-id', OTHER_MID, '--json')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "warning: Requested but not granted: journeys_read, sms_send. The package's API Integration lacks these permissions.\nhint: If you just added them to the package, wait: the docs say permission changes take up to five minutes to reach new tokens. Then get a new token.\n",
    );
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'access_token',
      'token_type',
      'expires_in',
      'expires_at',
      'cached',
      'scope',
      'rest_instance_url',
      'soap_instance_url',
      'token_endpoint',
      'missing_scopes',
    ]);
    expect(json).toMatchObject({
      token_type: 'Bearer',
      expires_in: 1079,
      scope: 'email_read',
      rest_instance_url: server.restBaseUrl,
      soap_instance_url: server.soapBaseUrl,
      token_endpoint: `${server.authBaseUrl}v2/token`,
      missing_scopes: ['journeys_read', 'sms_send'],
    });
    expect(Date.parse(String(json.expires_at))).toBeGreaterThan(Date.now());
  });

  it('--verbose shows the steps with the secret and the token masked', async () => {
    const run = await cli(['token', ...base('--verbose')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`param client_secret: <masked: 8 chars>`);
    expect(run.stderr).toMatch(/^ok Request the access token \(v2\/token\) \(\d+ ms\)$/m);
    expect(run.stderr).not.toContain(run.stdout.trim());
  });

  it('explains OAuth errors, a 500, an HTML page and a timeout (exit 1)', async () => {
    expect(await cli(['token', ...base()], { MC_CLIENT_SECRET: 'wrong-secret' })).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: invalid_client: Invalid client ID or secret. (ERR_OAUTH_INVALID_CLIENT)\nhint: ${INVALID_CLIENT_HINT}\n`,
    });
    expect((await cli(['token', ...base('--account-id', '999')])).stderr).toMatch(
      /^error: access_denied: The client does not have access to this account\. \(ERR_OAUTH_ACCESS_DENIED\)\nhint: The package cannot reach/,
    );
    expect((await cli(['token', ...base('--scope', 'email_reed')])).stderr).toMatch(
      /^error: invalid_scope: Unknown scope: email_reed\. \(ERR_OAUTH_INVALID_SCOPE\)\n/,
    );
    server.setFault('server-error');
    expect(await cli(['token', ...base()])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: The token endpoint answered HTTP 500 without an OAuth error: the service may be down. Try again later. (ERR_TOKEN_ENDPOINT_HTTP)\n',
    });
    server.setFault('html');
    expect((await cli(['token', ...base()])).stderr).toContain('(ERR_TOKEN_ENDPOINT_NOT_JSON)');
    server.setFault('slow', { delayMs: 10_000 });
    expect((await cli(['token', ...base('--timeout-ms', '400')])).stderr).toMatch(
      /^error: The token endpoint \(127\.0\.0\.1:\d+\) did not answer within 0\.4 s: check the network\/VPN or try again\. \(ERR_TIMEOUT\)\n$/,
    );
  });

  it('stops on Ctrl-C with exit 130', async () => {
    server.setFault('slow', { delayMs: 30_000 });
    const before = server.requests.length;
    const started = startMctoken(['token', ...base()], { env: SECRET_ENV });
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThan(before), { timeout: CLI_TEST_TIMEOUT_MS / 2, interval: 50 });
    started.child.kill('SIGINT');
    expect(await started.done).toEqual({
      code: 130,
      stdout: '',
      stderr: 'error: Cancelled: the request to the token endpoint was stopped before it finished. (ERR_CANCELLED)\n',
    });
  });

  it('refuses wrong usage before connecting (exit 2)', async () => {
    const before = server.requests.length;
    expect(await cli(['token', ...base('--key-file', 'k.pem')])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: Intelligence options (--key-file) cannot be mixed with Engagement options (--client-secret-env, --auth-url): give the options of one product. (ERR_USAGE)\n',
    });
    expect((await cli(['token', '--client-id', 'c', '--subdomain', 'mcx'])).stderr).toBe(
      'error: mctoken token needs --client-secret-env VAR or --client-secret-file FILE; or use a saved profile with --profile NAME. (ERR_USAGE)\n',
    );
    expect(
      await cli(['token', '--client-id', 'c', '--client-secret-env', 'MC_CLIENT_SECRET', '--auth-url', 'http://example.com/']),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: The auth base URL uses http:// on example.com: only https:// is allowed (http only for localhost). Use the https:// address. (ERR_URL_INSECURE)\n',
    });
    expect((await runMctoken(['token', ...base()], { env: { MC_CLIENT_SECRET: undefined } })).stderr).toBe(
      'error: --client-secret-env names the environment variable MC_CLIENT_SECRET, which is not set: export it first. (ERR_USAGE)\n',
    );
    expect((await cli(['token', ...base('--account-id', 'BU-1')])).code).toBe(2);
    expect((await cli(['token', ...base('--subdomain', 'mcx')])).code).toBe(2);
    expect(server.requests.length).toBe(before);
  });
});

describe('mctoken whoami', () => {
  it('prints MID, enterprise id, stack, region, user, REST and SOAP URLs', async () => {
    const run = await cli(['whoami', ...base()]);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `MID:           ${SAMPLE_MID}`,
        'Enterprise id: 514000001',
        'Enterprise:    Test Enterprise',
        'Stack:         S7',
        'Region:        NA1',
        'User:          Test User <test.user@example.com>',
        `REST URL:      ${server.restBaseUrl}`,
        `SOAP URL:      ${server.soapBaseUrl}`,
        'Package:       Test App',
        'App scopes:    email_read email_write data_extensions_read',
        'Redirect URLs: none',
        '',
      ].join('\n'),
    });
  });

  it('shows server text with its control characters and bidi overrides escaped (no terminal escape sequences)', async () => {
    server.addPackage({ ...SAMPLE_PACKAGE, clientId: 'hostile-pkg', enterpriseName: 'Evil\u001b[31mCorp\u0007\u202e' });
    const run = await cli([
      'whoami',
      '--client-id',
      'hostile-pkg',
      '--client-secret-env',
      'MC_CLIENT_SECRET',
      '--auth-url',
      server.authBaseUrl,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Enterprise:    Evil\\u001b[31mCorp\\u0007\\u202e\n');
    expect(run.stdout).not.toContain('\u001b');
  });

  it('--json: {userinfo, endpoints} with userinfo as sent; a failing userinfo exits 1', async () => {
    const run = await cli(['whoami', ...base('--account-id', OTHER_MID, '--json')]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { userinfo: { organization: { member_id: number } }; endpoints: unknown };
    expect(Object.keys(json)).toEqual(['userinfo', 'endpoints']);
    expect(json.userinfo.organization.member_id).toBe(Number(OTHER_MID));
    expect(json.endpoints).toEqual({ rest: server.restBaseUrl, soap: server.soapBaseUrl });
    server.setFault('server-error', { only: 'userinfo' });
    expect(await cli(['whoami', ...base()])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: The userinfo endpoint answered HTTP 500: the service may be down. Try again later. (ERR_API_HTTP)\n',
    });
  });
});

describe('mctoken refresh', () => {
  async function jwtFile(): Promise<{ file: string; refreshToken: string }> {
    const refreshToken = server.issueRefreshToken(SAMPLE_PACKAGE.clientId);
    spent.push(refreshToken);
    const file = join(dir, `${randomUUID()}.jwt`);
    writeFileSync(
      file,
      await makeEngagementSsoJwt({ version: 2, extraClaims: { request: { rest: { authEndpoint: server.refreshUrl, refreshToken } } } }),
    );
    return { file, refreshToken };
  }
  const refreshArgs = (file: string, ...more: string[]) => [
    'refresh',
    '--jwt-file',
    file,
    '--client-id',
    SAMPLE_PACKAGE.clientId,
    '--client-secret-env',
    'MC_CLIENT_SECRET',
    ...more,
  ];

  it('refuses without --spend-refresh-token (exit 2), sending nothing', async () => {
    const { file } = await jwtFile();
    const before = server.requests.length;
    expect(await cli(refreshArgs(file))).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: The refresh token in the JWT works once (a second use fails after a 5-minute grace): add --spend-refresh-token to spend it. (ERR_USAGE)\n',
    });
    expect(server.requests.length).toBe(before);
  });

  it('prints the new access token; --json gives {accessToken, expiresIn, refreshToken}; a second use after the grace fails', async () => {
    const { file } = await jwtFile();
    // The local server is not a Marketing Cloud auth host: every refresh says so loudly, first.
    const loud = `warning: WARNING: the client secret is posted to ${new URL(server.refreshUrl).host}, which is not a Marketing Cloud auth host (<subdomain>.auth.marketingcloudapis.com) but this computer. Stop unless you run that server.\n`;
    const plain = await cli(refreshArgs(file, '--spend-refresh-token'));
    expect(plain.code).toBe(0);
    expect(server.hasIssued(plain.stdout.trim())).toBe(true);
    expect(plain.stderr).toBe(
      `${loud}warning: The old refresh token is spent; the new one is printed only with --json: run with --json next time to keep it.\n`,
    );
    const json = await cli(refreshArgs(file, '--spend-refresh-token', '--json'));
    const answer = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(answer.expiresIn).toBe(3600);
    server.advanceClock(REFRESH_GRACE_MS + 1000);
    expect(await cli(refreshArgs(file, '--spend-refresh-token'))).toEqual({
      code: 1,
      stdout: '',
      stderr:
        loud +
        'error: The auth endpoint refused the refresh with HTTP 401: Unauthorized (errorcode 1). (ERR_REFRESH_REJECTED)\nhint: The client id or secret is wrong, or the refresh token was already used (it works once, with a 5-minute grace) or has expired (up to 700 days). Open the app from Marketing Cloud again for a fresh JWT.\n',
    });
  });

  it('says when the JWT has no refresh token', async () => {
    const file = join(dir, 'no-refresh.jwt');
    writeFileSync(file, await makeEngagementSsoJwt({ version: 2, extraClaims: { request: { rest: { refreshToken: undefined } } } }));
    expect((await cli(refreshArgs(file, '--spend-refresh-token'))).stderr).toMatch(
      /^error: This JWT carries no refresh token: .+ \(ERR_REFRESH_NOT_AVAILABLE\)\n$/,
    );
  });
});

describe.skipIf(!isolated)(`Engagement profiles in the CLI${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const env = () => ({ MCTW_USER_DATA_DIR: join(dir, 'user-data'), MCTW_KEYCHAIN_SERVICE: `mctw-test-cli-eng-${process.pid}` });

  afterAll(async () => {
    await runMctoken(['profiles', 'delete', 'mc-prod'], { env: env() });
  });

  it('profiles save --product engagement, then token --profile and whoami --profile; the secret stays in the keychain', async () => {
    const saved = await cli(
      ['profiles', 'save', 'mc-prod', '--product', 'engagement', ...base('--scope', 'email_read journeys_read')],
      env(),
    );
    expect(saved).toEqual({
      code: 0,
      stderr: '',
      stdout: `Saved profile "mc-prod" (client id ${SAMPLE_PACKAGE.clientId}, ${server.authBaseUrl}). Client secret stored in the OS keychain.\n`,
    });
    const token = await runMctoken(['token', '--profile', 'mc-prod', '--json'], { env: env() });
    expect(token.code).toBe(0);
    expect(JSON.parse(token.stdout)).toMatchObject({ missing_scopes: ['journeys_read'] });
    const whoami = await runMctoken(['whoami', '--profile', 'mc-prod'], { env: env() });
    expect(whoami.stdout).toContain(`MID:           ${SAMPLE_MID}`);
    const shown = await runMctoken(['profiles', 'show', 'mc-prod'], { env: env() });
    expect(shown.stdout).toContain('Client secret:  yes, in the OS keychain');
    expect(shown.stdout).toContain('Scopes:         email_read journeys_read');
    expect(
      (await runMctoken(['profiles', 'save', 'mc-prod', '--client-id', 'x', '--region', 'us1', '--key-file', 'k.pem'], { env: env() }))
        .stderr,
    ).toBe('error: An Engagement profile is already named "mc-prod": pick another name, or delete it first. (ERR_PROFILE_NAME_TAKEN)\n');
    expect((await runMctoken(['profiles', 'save', 'x', '--client-id', 'x', '--subdomain', 'mcx'], { env: env() })).stderr).toBe(
      'error: --subdomain belongs to Engagement profiles: add --product engagement. (ERR_USAGE)\n',
    );
  });
});
