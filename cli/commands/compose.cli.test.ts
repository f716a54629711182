// `mctoken sign` and `mctoken send` as a child process: every template signs and verifies, keys from a file, a secret in hex
// (a Salt key), a saved profile's secret from the (throwaway) keychain; send against the local test activity, which checks
// the content type and the signature; a redirect elsewhere not followed; server text terminal-safe; usage errors exit 2.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compactVerify, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkbenchServices, type WorkbenchServices } from '../../electron/services/create-services';
import { startActivityServer, type ActivityServer } from '../../test/support/activity-server';
import { KEYCHAIN_ISOLATED as isolated } from '../../test/support/throwaway-keychain';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, runMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const SECRET = 'cli-compose-signing-secret-77aa01';
const SALT_HEX = '0x6b3a55e0261b0304143f805a24924d0c1c44524821305f31d9277843b8a10f4e';
const saltBytes = Uint8Array.from(Buffer.from(SALT_HEX.slice(2), 'hex'));
const env = { MC_JWT_SECRET: SECRET, MC_SALT: SALT_HEX };
const cli = (args: string[], input?: string) => runMctoken(args, { env, ...(input === undefined ? {} : { input }) });
const secretBytes = new TextEncoder().encode(SECRET);

describe('mctoken sign', () => {
  let dir: string;
  beforeAll(() => {
    assertCliBuilt();
    dir = mkdtempSync(join(tmpdir(), 'mctw-cli-compose-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['activity-execute', 'sso-v2', 'jwt'])('--template %s prints a token that verifies HS256', async (template) => {
    const run = await cli(['sign', '--template', template, '--secret-env', 'MC_JWT_SECRET']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const { payload } = await jwtVerify(run.stdout.trim(), secretBytes, { algorithms: ['HS256'] });
    if (template === 'activity-execute') expect(payload).toMatchObject({ keyValue: 'testemail123@gmail.com', mode: 0 });
    if (template === 'activity-execute') expect(payload.exp).toBeUndefined();
    if (template !== 'activity-execute') expect(payload.exp).toBe((payload.iat ?? 0) + (template === 'sso-v2' ? 900 : 3600));
  });

  it('a Salt key given in hex (with 0x) signs with its bytes; --expires-in and a payload on stdin', async () => {
    const run = await cli(
      [
        'sign',
        '--template',
        'activity-execute',
        '--payload-file',
        '-',
        '--secret-env',
        'MC_SALT',
        '--secret-encoding',
        'hex',
        '--expires-in',
        '90s',
      ],
      '{"inArguments":[{"k":"v"}],"keyValue":"c-1"}',
    );
    expect(run.code).toBe(0);
    const { payload } = await jwtVerify(run.stdout.trim(), saltBytes, { algorithms: ['HS256'] });
    expect(payload).toEqual({ inArguments: [{ k: 'v' }], keyValue: 'c-1', iat: expect.any(Number), exp: (payload.iat ?? 0) + 90 });
  });

  it('--key-file signs ES256 and RS256 (with --alg), --json names the key without showing it', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecFile = join(dir, 'ec.pem');
    writeFileSync(ecFile, ec.privateKey.export({ type: 'sec1', format: 'pem' }), { mode: 0o600 });
    const run = await cli(['sign', '--template', 'jwt', '--key-file', ecFile, '--alg', 'ES256', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { token: string; key: string; alg: string };
    expect(out.alg).toBe('ES256');
    expect(out.key).toMatch(/^EC P-256 private key SHA256:/);
    await expect(compactVerify(out.token, ec.publicKey)).resolves.toBeTruthy();
    const noAlg = await cli(['sign', '--template', 'jwt', '--key-file', ecFile]);
    expect([noAlg.code, noAlg.stderr]).toEqual([
      2,
      'error: Say which algorithm the key signs with: --alg RS256, PS256, ES256, ES384, ES512 or EdDSA. (ERR_USAGE)\n',
    ]);
    const wrong = await cli(['sign', '--template', 'jwt', '--key-file', ecFile, '--alg', 'RS256']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('(ERR_COMPOSE_KEY_MISMATCH)');
  });

  it('never produces alg none, refuses bad JSON with where it stopped, and asks for a key', async () => {
    expect(await cli(['sign', '--template', 'jwt', '--secret-env', 'MC_JWT_SECRET', '--alg', 'none'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('(ERR_COMPOSE_ALG_NONE)'),
    });
    const header = join(dir, 'header.json');
    writeFileSync(header, '{"alg":"none"}');
    expect(await cli(['sign', '--template', 'jwt', '--secret-env', 'MC_JWT_SECRET', '--header-file', header])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('(ERR_COMPOSE_ALG_NONE)'),
    });
    const bad = await cli(['sign', '--template', 'jwt', '--payload-file', '-', '--secret-env', 'MC_JWT_SECRET'], '{"a":1,,}');
    expect([bad.code, bad.stderr]).toEqual([
      1,
      'error: The payload is not valid JSON (line 1, column 8): check quotes, commas and brackets. (ERR_COMPOSE_JSON)\n',
    ]);
    const none = await cli(['sign', '--template', 'jwt']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Say what signs the token');
  });
});

describe('mctoken send', () => {
  let activity: ActivityServer;
  let dir: string;
  beforeAll(async () => {
    assertCliBuilt();
    activity = await startActivityServer({ secret: secretBytes });
    dir = mkdtempSync(join(tmpdir(), 'mctw-cli-send-'));
  });
  afterAll(async () => {
    await activity?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sign | send: the activity gets application/jwt, verifies it, and the report shows status, time, headers and body', async () => {
    const signed = await cli(['sign', '--template', 'activity-execute', '--secret-env', 'MC_JWT_SECRET']);
    const run = await cli(['send', `${activity.url}/execute`, '--token-file', '-'], signed.stdout);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(activity.requests.at(-1)).toMatchObject({ contentType: 'application/jwt', verified: true });
    expect(run.stdout).toMatch(
      new RegExp(`^POST ${activity.url}/execute \\(application/jwt, ${signed.stdout.trim().length} bytes\\)\\nHTTP 200 in \\d+ ms\\n`),
    );
    expect(run.stdout).toContain('\ncontent-type: application/json\n');
    expect(run.stdout).toContain('\n\n{"success":true,"keyValue":"testemail123@gmail.com"}\n');
  });

  it('an SSO JWT goes as the form field jwt by its kind; a 401 exits 1', async () => {
    const sso = await cli(['sign', '--template', 'sso-v2', '--secret-env', 'MC_JWT_SECRET']);
    const file = join(dir, 'sso.jwt');
    writeFileSync(file, sso.stdout);
    const run = await cli(['send', `${activity.url}/login`, '--token-file', file, '--json']);
    expect(run.code).toBe(0);
    expect(activity.requests.at(-1)).toMatchObject({ path: '/login', contentType: 'application/x-www-form-urlencoded', verified: true });
    expect(JSON.parse(run.stdout)).toMatchObject({ contentType: 'application/x-www-form-urlencoded', response: { status: 200 } });
    const wrong = await cli(['send', `${activity.url}/execute`, '--token-file', file]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('HTTP 401');
  });

  it('a redirect to another origin is printed, not followed; control characters from the server are escaped', async () => {
    const hits: string[] = [];
    const other = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', () => resolve()));
    const otherUrl = `http://localhost:${(other.address() as AddressInfo).port}/elsewhere`;
    const hostile = createServer((_req, res) => {
      res.writeHead(307, { location: otherUrl, 'x-note': 'ok' }).end('\u001b[31mred\u001b[0m\u202e');
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', () => resolve()));
    try {
      const signed = await cli(['sign', '--template', 'jwt', '--secret-env', 'MC_JWT_SECRET']);
      const url = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/execute`;
      const run = await cli(['send', url, '--token-file', '-'], signed.stdout);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Redirect to ${otherUrl}: not followed.`);
      expect(run.stdout).toContain('\\u001b[31mred\\u001b[0m\\u202e');
      expect(run.stdout).not.toContain('\u001b');
      expect(hits).toEqual([]);
    } finally {
      hostile.closeAllConnections();
      other.closeAllConnections();
      hostile.close();
      other.close();
    }
  });

  it('http to another host is refused before anything is sent (exit 2)', async () => {
    const run = await cli(['send', 'http://example.com/execute', '--token-file', '-'], 'a.b.c');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(ERR_URL_INSECURE)');
  });
});

describe.skipIf(!isolated)('mctoken sign --profile', () => {
  const keychainService = `mctw-test-cli-compose-${randomUUID()}`;
  let userDataDir: string;
  let services: WorkbenchServices;
  beforeAll(async () => {
    assertCliBuilt();
    userDataDir = mkdtempSync(join(tmpdir(), 'mctw-cli-compose-profile-'));
    services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.0.0-test' });
    await services.profiles.save({ name: 'mc-prod', product: 'engagement', clientId: '', signingSecret: SECRET });
  });
  afterAll(async () => {
    if (services) for (const account of await services.secrets.list()) await services.secrets.delete(account);
    rmSync(userDataDir, { recursive: true, force: true });
  });

  it("signs with the profile's stored JWT signing secret, which is never printed", async () => {
    const run = await runMctoken(['sign', '--template', 'sso-v2', '--profile', 'MC-PROD', '--json'], {
      env: { MCTW_USER_DATA_DIR: userDataDir, MCTW_KEYCHAIN_SERVICE: keychainService },
    });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { token: string; key: string };
    expect(out.key).toBe('the JWT signing secret of profile "mc-prod" as text (UTF-8) (33 bytes)');
    await expect(jwtVerify(out.token, secretBytes, { algorithms: ['HS256'] })).resolves.toBeTruthy();
  });
});

describe('transcript', () => {
  it('no run printed the secret or the Salt key', () => {
    expect(cliTranscript()).not.toContain(SECRET);
    expect(cliTranscript()).not.toContain(SALT_HEX.slice(2));
  });
});
