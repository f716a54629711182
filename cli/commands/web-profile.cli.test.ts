// Saved web and public apps (engagement-web profiles) in `token`, `whoami` and `exec --profile`, as child processes of the
// built CLI against the strict local authorization server: each through the profile token service (the refresh token
// rotated, a cached token reused), --verbose with every secret masked, a refused cached token retried once with a new
// one, Ctrl-C while refreshing (exit 130, the stored refresh token untouched), and no refresh token in any output or file.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkbenchServices, type WorkbenchServices } from '../../electron/services/create-services';
import { profileSecretAccount } from '../../electron/services/profiles/profile-secret-account';
import type { Profile } from '../../shared/profiles/profile';
import {
  PUBLIC_APP,
  SIGN_IN_USER,
  WEB_APP,
  startAuthorizationServer,
  type AuthorizationServer,
  type WebAppPackage,
} from '../../test/support/authorization-server';
import { signedIn } from '../../test/support/authorization-server/saved-sign-in';
import { startScriptedHttpServer } from '../../test/support/idp-server';
import { KEYCHAIN_ISOLATED as isolated } from '../../test/support/throwaway-keychain';
import { filesHoldingTokens } from '../test-support/token-cache-fixture';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, startMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const SCOPE = 'email_read offline';
let server: AuthorizationServer;
let services: WorkbenchServices;
let userDataDir: string;
let env: Record<string, string>;
let web: Profile;
let pub: Profile;
/** Every refresh token seen, for the leak check at the end. */
const refreshTokens = new Set<string>();

/** Signs in on the server's login form and saves the sign-in, as `mctoken login --save NAME` does. */
async function savedSignIn(name: string, pkg: WebAppPackage): Promise<Profile> {
  const fields = await signedIn(server, pkg, SIGN_IN_USER, SCOPE);
  refreshTokens.add(fields.refreshToken);
  return services.profiles.saveWebApp({ name, ...fields });
}

const storedRefreshToken = async (profile: Profile): Promise<string> => {
  const stored = await services.secrets.get(profileSecretAccount(profile.id));
  refreshTokens.add(stored);
  return stored;
};
const mctoken = (...args: string[]) => startMctoken(args, { env }).done;

beforeAll(async () => {
  assertCliBuilt();
  server = await startAuthorizationServer({ packages: [WEB_APP, PUBLIC_APP], users: [SIGN_IN_USER] });
  userDataDir = mkdtempSync(join(tmpdir(), 'mctw-cli-web-profile-'));
  const keychainService = `mctw-test-web-profile-${randomUUID()}`;
  env = { MCTW_USER_DATA_DIR: userDataDir, MCTW_KEYCHAIN_SERVICE: keychainService };
  services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.0.0-test' });
  web = await savedSignIn('web', WEB_APP);
  pub = await savedSignIn('public', PUBLIC_APP);
});
afterAll(async () => {
  for (const account of (await services?.secrets.list().catch(() => [])) ?? []) await services.secrets.delete(account);
  await server?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

describe.skipIf(!isolated)('saved web and public apps in token, whoami and exec --profile', () => {
  it('token --profile --verbose: the refresh step on stderr with the client secret and refresh tokens masked', async () => {
    const before = await storedRefreshToken(web);
    const run = await mctoken('token', '--profile', 'web', '--verbose');
    expect(run.code).toBe(0);
    expect(server.hasIssued(run.stdout.trim())).toBe(true);
    expect(run.stderr).toMatch(/^ok Refresh the token \(v2\/token, refresh_token: spends the stored refresh token\) \(\d+ ms\)$/m);
    expect(run.stderr).toMatch(/param refresh_token: \S+/);
    const after = await storedRefreshToken(web);
    expect(after).not.toBe(before);
    for (const secret of [WEB_APP.clientSecret!, before, after]) expect(run.stderr).not.toContain(secret);
  });

  it('whoami --profile: userinfo with the cached token, no refresh; the package scopes and redirect URLs', async () => {
    const refreshes = server.issued.refresh_token;
    const run = await mctoken('whoami', '--profile', 'web');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(`MID:           ${SIGN_IN_USER.mid}`);
    expect(run.stdout).toContain('Package:       Local web app');
    expect(run.stdout).toContain(`App scopes:    ${WEB_APP.scopes.join(' ')}`);
    expect(run.stdout).toContain(`Redirect URLs: ${WEB_APP.redirectUris.join(' ')}`);
    expect(run.stdout).toContain(`SOAP URL:      ${server.authBaseUrl}soap/`);
    expect(server.issued.refresh_token).toBe(refreshes);
    const json = await mctoken('whoami', '--profile', 'public', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ userinfo: { organization: { member_id: Number(SIGN_IN_USER.mid) } } });
    expect(server.issued.refresh_token).toBe(refreshes + 1);
  });

  it('whoami --profile: a cached token the server no longer takes is dropped, and one new token (refresh) is tried', async () => {
    const before = await storedRefreshToken(web);
    const refreshes = server.issued.refresh_token;
    // The server's clock past the cached token's expiry (this process's is not): userinfo answers 401 to it.
    server.advanceClock(2 * 60 * 60_000);
    const run = await mctoken('whoami', '--profile', 'web');
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(`MID:           ${SIGN_IN_USER.mid}`);
    expect(server.issued.refresh_token).toBe(refreshes + 1);
    expect(await storedRefreshToken(web)).not.toBe(before);
  });

  it('exec --profile: the cached token and the instance URLs in the environment', async () => {
    const token = JSON.parse((await mctoken('token', '--profile', 'web', '--json')).stdout) as Record<string, unknown>;
    expect(token).toMatchObject({ cached: true });
    const print = `process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MC_')))))`;
    const run = await mctoken('exec', '--profile', 'web', '--', process.execPath, '-e', print);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout)).toEqual({
      MC_ACCESS_TOKEN: token.access_token,
      MC_TOKEN_EXPIRES_AT: token.expires_at,
      MC_REST_URL: `${server.authBaseUrl}rest/`,
      MC_SOAP_URL: `${server.authBaseUrl}soap/`,
    });
  });

  it('Ctrl-C while the refresh is under way: exit 130, ERR_CANCELLED, the stored refresh token left as it was', async () => {
    let requests = 0;
    const stalled = await startScriptedHttpServer(() => void (requests += 1));
    try {
      const profile = await services.profiles.saveWebApp({
        name: 'stalled',
        clientId: WEB_APP.clientId,
        authUrl: `${stalled.url}/`,
        scope: SCOPE,
        redirectUri: 'https://127.0.0.1:80/',
        tokenBaseUrl: `${stalled.url}/`,
        clientSecret: WEB_APP.clientSecret,
        refreshToken: 'stalled-refresh-token-3k9',
      });
      const started = startMctoken(['token', '--profile', 'stalled', '--no-cache', '--timeout-ms', '600000'], { env });
      await vi.waitFor(() => expect(requests).toBe(1), { timeout: CLI_TEST_TIMEOUT_MS / 2, interval: 50 });
      started.child.kill('SIGINT');
      const run = await started.done;
      expect([run.code, run.stdout]).toEqual([130, '']);
      expect(run.stderr).toContain('(ERR_CANCELLED)');
      expect(await services.secrets.get(profileSecretAccount(profile.id))).toBe('stalled-refresh-token-3k9');
    } finally {
      await stalled.close();
    }
  });

  it('no refresh token or client secret was ever printed or written to a file', async () => {
    for (const profile of [web, pub]) await storedRefreshToken(profile);
    expect(refreshTokens.size).toBeGreaterThanOrEqual(5);
    const output = cliTranscript();
    for (const secret of [...refreshTokens, WEB_APP.clientSecret!]) expect(output).not.toContain(secret);
    expect(filesHoldingTokens(userDataDir, [...refreshTokens])).toEqual([]);
  });
});
