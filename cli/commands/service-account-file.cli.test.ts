// `--service-account-file F` for `mctoken token` and `mctoken profiles save`, end to end: the built CLI as a child process
// against the local identity provider; profiles on the real keychain. A good file, bad JSON, wrong permissions, a missing
// field, a field given twice; and a scan that no output carried the key.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startIdpServer, type IdpServer } from '../../test/support/idp-server';
import { pemBody, testKeyPair } from '../../test/support/test-keys';
import { KEYCHAIN_ISOLATED as isolated } from '../../test/support/throwaway-keychain';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, runMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const CLIENT_ID = 'sa-cli-file-5b8e21';
const ACCESS_TOKEN_LINE = /^[A-Za-z0-9_-]{20,}\n$/;
const keys = testKeyPair('cli-service-account');

let server: IdpServer;
let dir = '';

/** Writes a file in the test folder (0600 unless told) and returns its path. */
function file(name: string, content: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, content, { mode });
  return path;
}

const serviceAccount = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ serviceAccountId: CLIENT_ID, discoveryEndpoint: server.discoveryUrl('us1'), privateKey: keys.pkcs1Pem, ...fields });

beforeAll(async () => {
  assertCliBuilt();
  server = await startIdpServer({ clients: { [CLIENT_ID]: keys.publicPem } });
  dir = mkdtempSync(join(tmpdir(), 'mctw-cli-sa-file-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  const output = cliTranscript();
  expect(output).not.toContain(pemBody(keys.pkcs1Pem));
  expect(output).not.toContain(pemBody(keys.pkcs1Pem).slice(64, 128));
});

describe('mctoken token --service-account-file', () => {
  it('gets a token from the three fields of the file alone (extra fields ignored)', async () => {
    const run = await runMctoken(['token', '--service-account-file', file('good.json', serviceAccount({ note: { any: 1 } }))]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(ACCESS_TOKEN_LINE);
    expect(server.hasIssued(run.stdout.trim())).toBe(true);
  });

  it('takes what the file lacks from the options (the key from --key-file)', async () => {
    const partial = file('no-key.json', JSON.stringify({ serviceAccountId: CLIENT_ID, discoveryEndpoint: server.discoveryUrl('us1') }));
    const run = await runMctoken(['token', '--service-account-file', partial, '--key-file', file('key.pem', keys.pkcs8Pem)]);
    expect(run.code).toBe(0);
    expect(server.hasIssued(run.stdout.trim())).toBe(true);
  });

  it('warns, as for key files, when others may read the file, and still runs', async () => {
    const open = file('open.json', serviceAccount(), 0o644);
    const run = await runMctoken(['token', '--service-account-file', open]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `warning: service-account file ${open} is accessible by other users (permissions 0644): anyone on this computer may read it. Restrict it with: chmod 600 ${open}\n`,
    );
  });

  it('refuses a file that is not JSON, or not a service-account file, with its code (exit 1), sending nothing', async () => {
    const before = server.requests.length;
    const bad = file('bad.json', keys.pkcs1Pem);
    expect(await runMctoken(['token', '--service-account-file', bad])).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: service-account file ${bad}: The service-account file is not JSON: choose the .json file Intelligence gave you (or paste the key, the id and the discovery URL one by one). (ERR_SERVICE_ACCOUNT_FILE_JSON)\n`,
    });
    const wrongType = file('wrong-type.json', serviceAccount({ serviceAccountId: 42 }));
    expect(await runMctoken(['token', '--service-account-file', wrongType])).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: service-account file ${wrongType}: serviceAccountId is a number in the file, not a string. (ERR_SERVICE_ACCOUNT_FILE_INVALID)\nhint: The file is read for serviceAccountId, discoveryEndpoint and privateKey, as public Intelligence tooling reads them (Salesforce does not document the file). Fill the fields by hand instead if your file differs.\n`,
    });
    expect(server.requests.length).toBe(before);
  });

  it('names a missing field and the option that gives it (exit 2); a field given twice is a usage error too', async () => {
    const noKey = file('missing.json', JSON.stringify({ serviceAccountId: CLIENT_ID, discoveryEndpoint: server.discoveryUrl('us1') }));
    expect(await runMctoken(['token', '--service-account-file', noKey])).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${noKey} has no privateKey: add --key-file KEY.pem. The file is read for serviceAccountId, discoveryEndpoint and privateKey, as public Intelligence tooling reads them (Salesforce does not document the file). (ERR_USAGE)\n`,
    });
    const good = file('twice.json', serviceAccount());
    expect(await runMctoken(['token', '--service-account-file', good, '--client-id', CLIENT_ID])).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: --client-id (serviceAccountId) is also in ${good}: give each value once, in the file or as an option. (ERR_USAGE)\n`,
    });
    expect((await runMctoken(['token', '--service-account-file', good, '--subdomain', 'mcx'])).code).toBe(2);
  });

  it('names the file in key errors, never the key', async () => {
    const path = file('public.json', serviceAccount({ privateKey: keys.publicPem }));
    const run = await runMctoken(['token', '--service-account-file', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^error: key file ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(its privateKey\\): This is the public half`),
    );
  });
});

describe.skipIf(!isolated)('mctoken profiles save --service-account-file', () => {
  it('saves the profile from the file, the key into the keychain, and the profile gets a token', async () => {
    const env = {
      MCTW_USER_DATA_DIR: mkdtempSync(join(tmpdir(), 'mctw-cli-sa-userdata-')),
      MCTW_KEYCHAIN_SERVICE: `mctw-test-cli-${randomUUID()}`,
    };
    const saved = await runMctoken(['profiles', 'save', 'from-file', '--service-account-file', file('save.json', serviceAccount())], {
      env,
    });
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(new RegExp(`^Saved profile "from-file" \\(client id ${CLIENT_ID}, .*\\)\\. Key: RSA 2048 bits`));
    const token = await runMctoken(['token', '--profile', 'from-file', '--no-cache'], { env });
    expect(token.code).toBe(0);
    expect(server.hasIssued(token.stdout.trim())).toBe(true);
    const missing = file('save-missing.json', JSON.stringify({ privateKey: keys.pkcs1Pem }));
    expect(await runMctoken(['profiles', 'save', 'x', '--service-account-file', missing], { env })).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${missing} has no serviceAccountId, discoveryEndpoint: add --client-id ID, --discovery-url URL (or --region REGION). The file is read for serviceAccountId, discoveryEndpoint and privateKey, as public Intelligence tooling reads them (Salesforce does not document the file). (ERR_USAGE)\n`,
    });
    await runMctoken(['profiles', 'delete', 'from-file'], { env });
    rmSync(env.MCTW_USER_DATA_DIR, { recursive: true, force: true });
  });
});
