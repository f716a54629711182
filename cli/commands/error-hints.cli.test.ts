// The errors people meet with Engagement packages, as `mctoken` explains them: the built CLI as a child process against
// the local Engagement auth server. An auth URL pasted with v2/token, a scope not granted yet, errorcode 10007, and the
// package's own scopes and redirect URLs in whoami.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENHANCED_PACKAGE_HINT } from '../../shared/engagement/legacy-refresh';
import { SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../test/support/engagement-server';
import { makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, runMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const ENHANCED = { ...SAMPLE_PACKAGE, clientId: 'enhanced-cli-pkg', clientSecret: 'EnhancedCliSecret-3Vb8', enhanced: true };
const APP = {
  ...SAMPLE_PACKAGE,
  clientId: 'app-cli-pkg',
  application: {
    name: 'Acme\u001b[31m Sync',
    redirectUrl: ['https://127.0.0.1:80/', 'https://acme.example/cb'],
    appScopes: ['email_read'],
  },
};

let server: EngagementServer;
let dir = '';
const env = { MC_CLIENT_SECRET: SAMPLE_PACKAGE.clientSecret, MC_ENHANCED_SECRET: ENHANCED.clientSecret };
const args = (clientId: string, authUrl: string, ...more: string[]) => [
  '--client-id',
  clientId,
  '--client-secret-env',
  clientId === ENHANCED.clientId ? 'MC_ENHANCED_SECRET' : 'MC_CLIENT_SECRET',
  '--auth-url',
  authUrl,
  ...more,
];

beforeAll(async () => {
  assertCliBuilt();
  server = await startEngagementServer({ packages: [SAMPLE_PACKAGE, ENHANCED, APP] });
  dir = mkdtempSync(join(tmpdir(), 'mctw-cli-hints-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  expect(cliTranscript()).not.toContain(SAMPLE_PACKAGE.clientSecret);
  expect(cliTranscript()).not.toContain(ENHANCED.clientSecret);
});

describe('mctoken and the errors people meet', () => {
  it('an auth URL ending in v2/token (twice): cut back, said on stderr with its hint, token from <base>v2/token', async () => {
    const run = await runMctoken(['token', ...args(SAMPLE_PACKAGE.clientId, `${server.authBaseUrl}V2/token/v2/token/`)], { env });
    expect(run.code).toBe(0);
    expect(server.hasIssued(run.stdout.trim())).toBe(true);
    expect(run.stderr).toBe(
      `warning: The auth base URL ends in V2/token/v2/token/: that is the token URL, not the base. The workbench removed it and posts to ${server.authBaseUrl}v2/token.\n` +
        `hint: Give the base alone (${server.authBaseUrl}). A tool that appends v2/token to what it is given posts to .../v2/token/v2/token, and Marketing Cloud answers unsupported_grant_type there.\n`,
    );
    expect(server.requests.at(-1)).toMatchObject({ path: '/v2/token', status: 200 });
  });

  it('errorcode 10007 on a legacy refresh: the package is enhanced, and what to use instead (exit 1)', async () => {
    const refreshToken = server.issueRefreshToken(ENHANCED.clientId);
    const file = join(dir, 'sso.jwt');
    writeFileSync(
      file,
      await makeEngagementSsoJwt({ version: 2, extraClaims: { request: { rest: { authEndpoint: server.refreshUrl, refreshToken } } } }),
    );
    const run = await runMctoken(
      [
        'refresh',
        '--jwt-file',
        file,
        '--client-id',
        ENHANCED.clientId,
        '--client-secret-env',
        'MC_ENHANCED_SECRET',
        '--spend-refresh-token',
      ],
      { env },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'error: The auth endpoint refused the legacy refresh with HTTP 400 (errorcode 10007): this package may not use v1/requestToken. It said: This integration is not eligible',
    );
    expect(run.stderr).toContain('(ERR_LEGACY_ENDPOINT_NOT_ELIGIBLE)\n');
    expect(run.stderr).toMatch(/hint: The package is enhanced \(created since August 2019\)/);
    expect(run.stderr.endsWith(`hint: ${ENHANCED_PACKAGE_HINT}\n`)).toBe(true);
  });

  it("whoami prints the package's name, own scopes and redirect URLs from userinfo, terminal-safe", async () => {
    const run = await runMctoken(['whoami', ...args(APP.clientId, server.authBaseUrl)], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        'Package:       Acme\\u001b[31m Sync',
        'App scopes:    email_read',
        'Redirect URLs: https://127.0.0.1:80/ https://acme.example/cb',
        '',
      ].join('\n'),
    );
  });
});
