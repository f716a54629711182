// `mctoken login` and the stored refresh token, as child processes of the built CLI against the strict local authorization
// server: the pasted redirect on stdin, each refusal's exit status and code, --save to the keychain, `token --profile`
// rotating the refresh token, 8 processes refreshing at once losing none, and no code or refresh token in any output or file.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkbenchServices, type WorkbenchServices } from '../../electron/services/create-services';
import { profileSecretAccount } from '../../electron/services/profiles/profile-secret-account';
import {
  PUBLIC_APP,
  SIGN_IN_USER,
  WEB_APP,
  startAuthorizationServer,
  type AuthorizationServer,
} from '../../test/support/authorization-server';
import { KEYCHAIN_ISOLATED as isolated } from '../../test/support/throwaway-keychain';
import { filesHoldingTokens } from '../test-support/token-cache-fixture';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, startMctoken, type CliRun } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS * 3, hookTimeout: CLI_TEST_TIMEOUT_MS });

let server: AuthorizationServer;
let services: WorkbenchServices;
let userDataDir: string;
let env: Record<string, string>;
/** Every code and refresh token seen, for the leak checks at the end. */
const secrets = new Set<string>();

beforeAll(async () => {
  assertCliBuilt();
  server = await startAuthorizationServer({ packages: [WEB_APP, PUBLIC_APP], users: [SIGN_IN_USER], tokenDelayMs: 30 });
  userDataDir = mkdtempSync(join(tmpdir(), 'mctw-cli-login-'));
  const keychainService = `mctw-test-login-${randomUUID()}`;
  env = { MCTW_USER_DATA_DIR: userDataDir, MCTW_KEYCHAIN_SERVICE: keychainService, WEB_SECRET: WEB_APP.clientSecret! };
  services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.0.0-test' });
});
afterAll(async () => {
  for (const account of (await services?.secrets.list().catch(() => [])) ?? []) await services.secrets.delete(account);
  await server?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

const webArgs = () => [
  'login',
  '--client-id',
  WEB_APP.clientId,
  '--client-secret-env',
  'WEB_SECRET',
  '--auth-url',
  server.authBaseUrl,
  '--no-open',
];

/**
 * Runs `mctoken login`, reads the authorize URL from its stderr, signs in on the server's form as a browser would, and
 * pastes `paste(redirect)` on its stdin (the redirect address itself by default).
 */
async function login(args: string[], paste: (redirect: string) => string = (r) => r, deny = false): Promise<CliRun & { redirect: string }> {
  const started = startMctoken(args, { env, keepStdinOpen: true });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    started.child.stderr!.on('data', (chunk: Buffer | string) => {
      stderr += String(chunk);
      const found = /^\s+(http:\/\/127\.0\.0\.1:\d+\/v2\/authorize\?\S+)$/m.exec(stderr);
      if (found !== null) resolve(found[1]!);
    });
    started.child.on('close', () => reject(new Error(`login ended before printing the URL: ${stderr}`)));
  });
  const outcome = await server.signIn(url, { ...SIGN_IN_USER, deny });
  const redirect = 'redirect' in outcome ? outcome.redirect : '';
  const code = new URL(redirect).searchParams.get('code');
  if (code !== null) secrets.add(code);
  started.child.stdin!.end(`${paste(redirect)}\n`);
  return { ...(await started.done), redirect };
}

describe.skipIf(!isolated)('mctoken login', () => {
  it('prints the authorize URL on stderr, takes the pasted address on stdin, and prints the access token', async () => {
    const run = await login([...webArgs(), '--scope', 'email_read offline']);
    expect(run.code).toBe(0);
    expect(server.hasIssued(run.stdout.trim())).toBe(true);
    expect(run.stderr).toContain('redirect_uri=https%3A%2F%2F127.0.0.1%3A80%2F');
  });

  it('--json gives the answer with missing_scopes and refresh_token; a public app sends no secret', async () => {
    const run = await login([...webArgs(), '--scope', 'email_read offline journeys_read', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ token_type: 'Bearer', scope: 'email_read offline', missing_scopes: ['journeys_read'] });
    expect(typeof json.refresh_token).toBe('string');
    secrets.add(String(json.refresh_token));
    expect(run.stderr).toContain('up to five minutes');
    const pub = await login(['login', '--client-id', PUBLIC_APP.clientId, '--auth-url', server.authBaseUrl, '--no-open', '--json']);
    expect(pub.code).toBe(0);
    secrets.add(String((JSON.parse(pub.stdout) as { refresh_token: string }).refresh_token));
  });

  it('exit 1 with its own code for a state mismatch, access_denied, a reused code, an error page and another address', async () => {
    const mismatch = await login(webArgs(), (r) => r.replace(/state=[^&]+/, 'state=forged'));
    expect([mismatch.code, mismatch.stderr]).toEqual([1, expect.stringContaining('ERR_AUTH_STATE_MISMATCH')]);
    const denied = await login(webArgs(), undefined, true);
    expect([denied.code, denied.stderr]).toEqual([1, expect.stringContaining('ERR_AUTH_DENIED')]);
    const first = await login(webArgs());
    expect(first.code).toBe(0);
    const reused = await login(webArgs(), (r) => r.replace(/code=[^&]+/, `code=${new URL(first.redirect).searchParams.get('code')}`));
    expect([reused.code, reused.stderr]).toEqual([1, expect.stringContaining('ERR_AUTH_CODE_REFUSED')]);
    expect(reused.stderr).toContain('works once');
    const other = await login(webArgs(), (r) => r.replace('https://127.0.0.1:80/', 'https://evil.example/'));
    expect([other.code, other.stderr]).toEqual([1, expect.stringContaining('ERR_AUTH_REDIRECT_INVALID')]);
  });

  it('wrong usage is exit 2 before anything is printed or sent', async () => {
    const before = server.requests.length;
    const run = await startMctoken(
      ['login', '--client-id', WEB_APP.clientId, '--auth-url', server.authBaseUrl, '--redirect-uri', 'ftp://x/'],
      { env },
    ).done;
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('ERR_REDIRECT_URI_INVALID')]);
    expect(server.requests.length).toBe(before);
  });
});

describe.skipIf(!isolated)('a saved sign-in (engagement-web profile)', () => {
  it('--save keeps the refresh token in the keychain only; token --profile rotates it; a spent one says to sign in again', async () => {
    const saved = await login([...webArgs(), '--scope', 'email_read offline', '--save', 'web', '--json']);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).not.toHaveProperty('refresh_token');
    const profile = (await services.profiles.list()).profiles.find((p) => p.name === 'web')!;
    expect(profile).toMatchObject({
      product: 'engagement-web',
      hasSecret: true,
      hasClientSecret: true,
      redirectUri: 'https://127.0.0.1:80/',
    });
    const stored = await services.secrets.get(profileSecretAccount(profile.id));
    secrets.add(stored);
    const shown = await startMctoken(['profiles', 'show', 'web'], { env }).done;
    expect([shown.code, shown.stdout]).toEqual([0, expect.stringContaining('Refresh token:  yes, in the OS keychain')]);

    const token = await startMctoken(['token', '--profile', 'web', '--json'], { env }).done;
    expect([token.code, token.stderr]).toEqual([0, '']);
    expect(JSON.parse(token.stdout)).toMatchObject({ cached: false, scope: 'email_read offline' });
    const rotated = await services.secrets.get(profileSecretAccount(profile.id));
    expect(rotated).not.toBe(stored);
    secrets.add(rotated);
    const cached = await startMctoken(['token', '--profile', 'web', '--json'], { env }).done;
    expect(JSON.parse(cached.stdout)).toMatchObject({ cached: true });

    // Spent elsewhere (the stored one put back after it was used): refused, with the command to sign in again.
    await services.secrets.set(profileSecretAccount(profile.id), stored);
    const refused = await startMctoken(['token', '--profile', 'web', '--fresh'], { env }).done;
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('ERR_REFRESH_TOKEN_REFUSED')]);
    expect(refused.stderr).toContain('mctoken login --client-id');
    // Signing in again under the same name updates the profile.
    const again = await login([...webArgs(), '--scope', 'email_read offline', '--save', 'web']);
    expect(again.code).toBe(0);
    expect((await services.profiles.list()).profiles.filter((p) => p.name === 'web')).toHaveLength(1);
  });

  it.each([1, 2, 3])('round %i: 8 processes refreshing at once lose no refresh token', async (round) => {
    const profile = (await services.profiles.list()).profiles.find((p) => p.name === 'web')!;
    const before = server.issued.refresh_token;
    // --fresh: every process spends the refresh token (one after another, under the lock); without it the first refreshes
    // and the others reuse its token.
    const fresh = round === 1 ? [] : ['--fresh'];
    const runs = await Promise.all(Array.from({ length: 8 }, () => startMctoken(['token', '--profile', 'web', ...fresh], { env }).done));
    expect(runs.map((run) => [run.code, run.stderr])).toEqual(runs.map(() => [0, '']));
    expect(server.issued.refresh_token - before).toBe(round === 1 ? 1 : 8);
    if (round === 1) expect(new Set(runs.map((run) => run.stdout)).size).toBe(1);
    for (const run of runs) expect(server.hasIssued(run.stdout.trim())).toBe(true);
    // The one stored is the one live refresh token left, and it still works.
    const stored = await services.secrets.get(profileSecretAccount(profile.id));
    secrets.add(stored);
    const next = await startMctoken(['token', '--profile', 'web', '--no-cache'], { env }).done;
    expect([next.code, next.stderr]).toEqual([0, '']);
  });

  it('no code or refresh token was ever printed or written to a file', () => {
    expect(secrets.size).toBeGreaterThan(5);
    const output = cliTranscript();
    const printedOnPurpose = new Set<string>();
    for (const match of output.matchAll(/"refresh_token": "([^"]+)"/g)) printedOnPurpose.add(match[1]!);
    for (const secret of secrets) if (!printedOnPurpose.has(secret)) expect(output).not.toContain(secret);
    expect(filesHoldingTokens(userDataDir, [...secrets])).toEqual([]);
  });
});
