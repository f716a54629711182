// `mctoken token` end to end: the built CLI against the local identity provider on 127.0.0.1, for every region and key
// shape, the OAuth failures, the fault modes and the usage errors; and a scan that no output ever carried the key.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REGIONS } from '../../shared/intelligence/regions';
import { startIdpServer, startScriptedHttpServer, type IdpServer } from '../../test/support/idp-server';
import { pemBody, testKeyPair } from '../../test/support/test-keys';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, runMctoken, startMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const CLIENT_ID = 'sa-cli-0f3c9a71';
const INVALID_CLIENT_HINT =
  'The key does not match this client id, or the client id belongs to another region. Check the region/discovery URL and that you pasted the key generated with this service account.';
const ACCESS_TOKEN_LINE = /^[A-Za-z0-9_-]{20,}\n$/;

let server: IdpServer;
let dir = '';
const keys: Record<string, string> = {};

function tokenArgs(keyFile: string, region: (typeof REGIONS)[number] = 'us1'): string[] {
  return ['token', '--client-id', CLIENT_ID, '--discovery-url', server.discoveryUrl(region), '--key-file', keyFile];
}

beforeAll(async () => {
  assertCliBuilt();
  const pair = testKeyPair();
  server = await startIdpServer({ clients: { [CLIENT_ID]: pair.publicPem } });
  dir = mkdtempSync(join(tmpdir(), 'mctw-cli-token-'));
  const files: Record<string, string> = {
    pkcs1: pair.pkcs1Pem,
    pkcs8: pair.pkcs8Pem,
    escaped: pair.pkcs1Escaped,
    quoted: JSON.stringify(pair.pkcs8Pem),
    pkcs8Encrypted: pair.pkcs8EncryptedPem,
    pkcs1Encrypted: pair.pkcs1EncryptedPem,
    wrong: testKeyPair('cli-wrong-key').pkcs1Pem,
    public: pair.publicPem,
  };
  for (const [name, content] of Object.entries(files)) {
    keys[name] = join(dir, `${name}.pem`);
    writeFileSync(keys[name]!, content, { mode: 0o600 });
  }
});

afterEach(() => server.setFault('none'));

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  const output = cliTranscript();
  for (const pem of [
    testKeyPair().pkcs1Pem,
    testKeyPair().pkcs8Pem,
    testKeyPair().pkcs8EncryptedPem,
    testKeyPair().pkcs1EncryptedPem,
    testKeyPair('cli-wrong-key').pkcs1Pem,
  ]) {
    expect(output).not.toContain(pemBody(pem));
    expect(output).not.toContain(pemBody(pem).slice(64, 128));
  }
  expect(output).not.toContain(testKeyPair().passphrase);
});

describe('mctoken token: getting a token', () => {
  it.each(REGIONS)('prints only the access token for region %s with a PKCS#1 key', async (region) => {
    const run = await runMctoken(tokenArgs(keys.pkcs1!, region));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(ACCESS_TOKEN_LINE);
    expect(server.hasIssued(run.stdout.trim())).toBe(true);
    expect(server.requests.at(-1)).toMatchObject({ endpoint: 'token', region, style: 'form', status: 200 });
  });

  it.each([
    ['PKCS#8', 'pkcs8'],
    ['PKCS#1 pasted with literal \\n escapes', 'escaped'],
    ['PKCS#8 inside a quoted JSON string', 'quoted'],
  ])('accepts a %s key', async (_label, name) => {
    const run = await runMctoken(tokenArgs(keys[name]!, 'eu2'));
    expect(run.code).toBe(0);
    expect(server.hasIssued(run.stdout.trim())).toBe(true);
  });

  it.each([['pkcs8Encrypted'], ['pkcs1Encrypted']])('accepts the encrypted key %s with --passphrase-env', async (name) => {
    const run = await runMctoken([...tokenArgs(keys[name]!), '--passphrase-env', 'MC_KEY_PASS'], {
      env: { MC_KEY_PASS: testKeyPair().passphrase },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(server.hasIssued(run.stdout.trim())).toBe(true);
  });

  it.skipIf(process.platform === 'win32')(
    'warns, as ssh does, when the key file can be read by other users, and still gets the token',
    async () => {
      const open = join(dir, 'open-key.pem');
      writeFileSync(open, testKeyPair().pkcs1Pem, { mode: 0o644 });
      chmodSync(open, 0o644);
      const run = await runMctoken(tokenArgs(open));
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(ACCESS_TOKEN_LINE);
      expect(run.stderr).toBe(
        `warning: key file ${open} is accessible by other users (permissions 0644): anyone on this computer may read it. Restrict it with: chmod 600 ${open}\n`,
      );
      chmodSync(open, 0o600);
      expect((await runMctoken(tokenArgs(open))).stderr).toBe('');
    },
  );

  it('prints {access_token, expires_in, expires_at, token_endpoint} with --json', async () => {
    const before = Date.now();
    const run = await runMctoken([...tokenArgs(keys.pkcs1!, 'eu1'), '--json']);
    const after = Date.now();
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['access_token', 'expires_in', 'expires_at', 'cached', 'token_endpoint']);
    expect(server.hasIssued(out.access_token)).toBe(true);
    expect(out.expires_in).toBe(300);
    expect(out.token_endpoint).toBe(server.tokenUrl('eu1'));
    expect(out.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const expiresAt = Date.parse(out.expires_at);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 299_000);
    expect(expiresAt).toBeLessThanOrEqual(after + 300_000);
  });

  it('sends the parameters in the query string with --query-style', async () => {
    const run = await runMctoken([...tokenArgs(keys.pkcs1!), '--query-style']);
    expect(run.code).toBe(0);
    expect(server.requests.at(-1)).toMatchObject({ endpoint: 'token', style: 'query', bodyNames: [] });
    expect(server.requests.at(-1)?.queryNames.sort()).toEqual(['client_assertion', 'client_assertion_type', 'client_id', 'grant_type']);
  });

  it('prints each step on stderr with --verbose, masking the assertion and the access token', async () => {
    const run = await runMctoken([...tokenArgs(keys.pkcs1!), '--verbose']);
    expect(run.code).toBe(0);
    const token = run.stdout.trim();
    expect(server.hasIssued(token)).toBe(true);
    expect(run.stderr).toMatch(
      /^ok Find the token endpoint \(discovery\) \(\d+ ms\)\n {3}GET http:\/\/127\.0\.0\.1:\d+\/us1\/\.well-known\/openid-configuration\n/m,
    );
    expect(run.stderr).toMatch(/^ok Sign the client assertion \(RS256\) \(\d+ ms\)$/m);
    expect(run.stderr).toMatch(
      /^ {3}claims \{"iss":"sa-cli-0f3c9a71","sub":"sa-cli-0f3c9a71","aud":"https:\/\/idp\.intelligence\.salesforce\.com"/m,
    );
    expect(run.stderr).toMatch(/^ok Request the access token \(\d+ ms\)\n {3}POST http:\/\/127\.0\.0\.1:\d+\/us1\/token\n/m);
    expect(run.stderr).toMatch(/^ {5}param client_assertion: <masked: \d+ chars>$/m);
    expect(run.stderr).toMatch(/^ {3}-> HTTP 200$/m);
    expect(run.stderr).not.toContain(token);
    expect(run.stderr).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
  });
});

describe('mctoken token: failures (exit 1, the error, its description and the hint on stderr)', () => {
  it('reports invalid_client with its hint for a key that does not belong to the client', async () => {
    const run = await runMctoken(tokenArgs(keys.wrong!));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: invalid_client: .+ \(ERR_OAUTH_INVALID_CLIENT\)\n/);
    expect(run.stderr.endsWith(`hint: ${INVALID_CLIENT_HINT}\n`)).toBe(true);
    expect(server.requests.at(-1)).toMatchObject({ endpoint: 'token', status: 401, error: 'invalid_client' });
  });

  it('reports invalid_client for a client id the server does not know', async () => {
    const run = await runMctoken([
      'token',
      '--client-id',
      'sa-unknown',
      '--discovery-url',
      server.discoveryUrl('us2'),
      '--key-file',
      keys.pkcs1!,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: invalid_client: .+ \(ERR_OAUTH_INVALID_CLIENT\)\nhint: /);
  });

  it('says an encrypted key needs its passphrase, before any request', async () => {
    const requestsBefore = server.requests.length;
    const run = await runMctoken(tokenArgs(keys.pkcs8Encrypted!));
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: The key in ${keys.pkcs8Encrypted} is encrypted and needs its passphrase: put it in an environment variable and pass --passphrase-env VAR. (ERR_KEY_ENCRYPTED)\n`,
    });
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('names the key file when the passphrase is wrong or the file is a public key', async () => {
    const wrong = await runMctoken([...tokenArgs(keys.pkcs8Encrypted!), '--passphrase-env', 'P'], { env: { P: 'not the passphrase' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      new RegExp(`^error: key file ${keys.pkcs8Encrypted!.replace(/[.]/g, '\\.')}: .+ \\(ERR_KEY_PASSPHRASE\\)\\n`),
    );
    const publicKey = await runMctoken(tokenArgs(keys.public!));
    expect(publicKey.code).toBe(1);
    expect(publicKey.stderr).toMatch(new RegExp(`^error: key file ${keys.public!.replace(/[.]/g, '\\.')}: .+ \\(ERR_KEY_PUBLIC\\)\\n`));
  });

  it('names the key file and the problem when it cannot be read', async () => {
    const run = await runMctoken(['token', '--client-id', CLIENT_ID, '--region', 'us1', '--key-file', './no-such-key.pem'], { cwd: dir });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: cannot read key file ./no-such-key.pem: no such file (ERR_FILE_READ)\nhint: Check the path and that the file is readable.\n',
    });
  });

  it('times out a slow server after --timeout-ms', async () => {
    server.setFault('slow', { delayMs: 10_000 });
    const run = await runMctoken([...tokenArgs(keys.pkcs1!), '--timeout-ms', '400']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error: The discovery endpoint \(127\.0\.0\.1:\d+\) did not answer within 0\.4 s: check the network\/VPN or try again\. \(ERR_TIMEOUT\)\n$/,
    );
  });

  it('stops on Ctrl-C (SIGINT) with ERR_CANCELLED and exit 130', async () => {
    server.setFault('slow', { delayMs: 30_000 });
    const requestsBefore = server.requests.length;
    const started = startMctoken(tokenArgs(keys.pkcs1!));
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThan(requestsBefore), {
      timeout: CLI_TEST_TIMEOUT_MS / 2,
      interval: 50,
    });
    started.child.kill('SIGINT');
    expect(await started.done).toEqual({
      code: 130,
      stdout: '',
      stderr: 'error: Cancelled: the request to the discovery endpoint was stopped before it finished. (ERR_CANCELLED)\n',
    });
  });

  it('stops on Ctrl-C in the middle of an endless body, at once', async () => {
    let bodyStarted!: () => void;
    const midBody = new Promise<void>((resolve) => (bodyStarted = resolve));
    const endless = await startScriptedHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"token_endpoint":"', () => bodyStarted());
      const timer = setInterval(() => res.write('x'), 200);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const started = startMctoken([
        'token',
        '--client-id',
        CLIENT_ID,
        '--discovery-url',
        endless.url,
        '--key-file',
        keys.pkcs1!,
        '--timeout-ms',
        '600000',
      ]);
      // The request reaching the server means the CLI is mid-run with its Ctrl-C handler in place.
      await midBody;
      const interrupted = Date.now();
      started.child.kill('SIGINT');
      expect(await started.done).toEqual({
        code: 130,
        stdout: '',
        stderr: 'error: Cancelled: the request to the discovery endpoint was stopped before it finished. (ERR_CANCELLED)\n',
      });
      expect(Date.now() - interrupted).toBeLessThan(2000);
    } finally {
      await endless.close();
    }
  });

  it('--verbose shows a hostile body capped and escaped: no raw control character reaches the terminal', async () => {
    const hostile = `<html>\u001b]0;pwned\u0007\r\u001b[2K\u001b[32mok\u001b[0m Intelligence token \u009b31m\u007f${'A'.repeat(200_000)}</html>`;
    const page = await startScriptedHttpServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(hostile));
    try {
      const run = await runMctoken([
        'token',
        '--client-id',
        CLIENT_ID,
        '--discovery-url',
        page.url,
        '--key-file',
        keys.pkcs1!,
        '--verbose',
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('ERR_DISCOVERY_NOT_JSON');
      // eslint-disable-next-line no-control-regex
      expect(run.stderr.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(run.stderr).toContain(
        '<html>\\u001b]0;pwned\\u0007\\u000d\\u001b[2K\\u001b[32mok\\u001b[0m Intelligence token \\u009b31m\\u007fAAAA',
      );
      expect(run.stderr).toMatch(/… \(\d+ more characters not shown\)/);
      expect(run.stderr.length).toBeLessThan(8 * 1024);
    } finally {
      await page.close();
    }
  });

  it('reports a 500 from discovery and from the token endpoint', async () => {
    server.setFault('server-error');
    const discovery = await runMctoken(tokenArgs(keys.pkcs1!));
    expect(discovery).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: The discovery endpoint answered HTTP 500: the service may be down; try again later. (ERR_DISCOVERY_HTTP)\n',
    });
    server.setFault('server-error', { only: 'token' });
    const token = await runMctoken(tokenArgs(keys.pkcs1!));
    expect(token.code).toBe(1);
    expect(token.stderr).toMatch(
      /^error: The token endpoint answered HTTP 500 .+ \((ERR_TOKEN_ENDPOINT_HTTP|ERR_TOKEN_ENDPOINT_NOT_JSON)\)\n/,
    );
  });

  it('reports an HTML page instead of JSON (a 200 page, a 502 proxy page, and on the token endpoint)', async () => {
    server.setFault('html', { status: 200 });
    const run = await runMctoken(tokenArgs(keys.pkcs1!));
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: The discovery URL returned an HTML page, not the JSON discovery document: check the URL (a login page, a proxy or a wrong address?). (ERR_DISCOVERY_NOT_JSON)\n',
    });
    server.setFault('html');
    expect((await runMctoken(tokenArgs(keys.pkcs1!))).stderr).toBe(
      'error: The discovery endpoint answered HTTP 502: the service may be down; try again later. (ERR_DISCOVERY_HTTP)\n',
    );
    server.setFault('html', { only: 'token' });
    const token = await runMctoken(tokenArgs(keys.pkcs1!));
    expect(token.code).toBe(1);
    expect(token.stderr).toMatch(/\(ERR_TOKEN_ENDPOINT_NOT_JSON\)\n/);
  });

  it('reports a reset connection', async () => {
    server.setFault('reset');
    const run = await runMctoken(tokenArgs(keys.pkcs1!));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Could not reach 127\.0\.0\.1:\d+: the connection was reset before an answer came\. Check the URL, the network or VPN, then try again\. \(ERR_NETWORK\)\n/,
    );
  });

  it('warns about a skewed server clock when the assertion is rejected', async () => {
    server.setFault('clock-skew', { skewSeconds: 900 });
    const run = await runMctoken(tokenArgs(keys.pkcs1!));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^warning: .+$/m);
    expect(run.stderr).toMatch(/^error: invalid_grant: .+ \(ERR_OAUTH_INVALID_GRANT\)\nhint: /m);
  });
});

describe('mctoken token: usage errors (exit 2, before any file is read or connection made)', () => {
  it('refuses an http discovery URL that is not loopback, without connecting', async () => {
    // A listener on this machine's non-loopback address (when it has one) proves no connection was even attempted.
    const address = Object.values(networkInterfaces())
      .flat()
      .find((info) => info !== undefined && info.family === 'IPv4' && !info.internal)?.address;
    let connections = 0;
    let listener: Server | null = null;
    let url = 'http://idp.example.com/us1/.well-known/openid-configuration';
    if (address !== undefined) {
      listener = createServer((socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) => listener!.listen(0, address, resolve));
      const port = (listener.address() as { port: number }).port;
      url = `http://${address}:${port}/us1/.well-known/openid-configuration`;
    }
    const requestsBefore = server.requests.length;
    const run = await runMctoken(['token', '--client-id', CLIENT_ID, '--discovery-url', url, '--key-file', keys.pkcs1!]);
    listener?.close();
    const host = new URL(url).hostname;
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: The discovery URL uses http:// on ${host}: only https:// is allowed (http only for localhost). Use the https:// address. (ERR_URL_INSECURE)\n`,
    });
    expect(connections).toBe(0);
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('says what is missing', async () => {
    expect(await runMctoken(['token'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: mctoken token needs --client-id ID, --region REGION or --discovery-url URL, --key-file KEY.pem; or use a saved profile with --profile NAME. (ERR_USAGE)\n',
    });
    expect((await runMctoken(['token', '--client-id', CLIENT_ID, '--region', 'us1'])).stderr).toBe(
      'error: mctoken token needs --key-file KEY.pem; or use a saved profile with --profile NAME. (ERR_USAGE)\n',
    );
  });

  it('refuses conflicting options, unknown regions and bad timeouts', async () => {
    const profileAndClient = await runMctoken(['token', '--profile', 'prod', '--client-id', CLIENT_ID]);
    expect(profileAndClient).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: option '--profile <name>' cannot be used with option '--client-id <id>'\n(run with --help for usage)\n",
    });
    const both = await runMctoken([
      'token',
      '--client-id',
      CLIENT_ID,
      '--region',
      'us1',
      '--discovery-url',
      server.discoveryUrl('us1'),
      '--key-file',
      keys.pkcs1!,
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(
      "error: option '--region <region>' cannot be used with option '--discovery-url <url>'\n(run with --help for usage)\n",
    );
    const region = await runMctoken(['token', '--client-id', CLIENT_ID, '--region', 'ap1', '--key-file', keys.pkcs1!]);
    expect(region).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "error: option '--region <region>' argument 'ap1' is invalid. Allowed choices are us1, us2, eu1, eu2.\n(run with --help for usage)\n",
    });
    for (const value of ['abc', '0', '1.5', '600001']) {
      const timeout = await runMctoken([...tokenArgs(keys.pkcs1!), '--timeout-ms', value]);
      expect(timeout).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: option '--timeout-ms <n>' argument '${value}' is invalid. It must be a whole number of milliseconds from 1 to 600000.\n(run with --help for usage)\n`,
      });
    }
  });

  it('refuses an unset passphrase variable and a client id with spaces', async () => {
    const unset = await runMctoken([...tokenArgs(keys.pkcs8Encrypted!), '--passphrase-env', 'MCTW_NO_SUCH_VAR']);
    expect(unset).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --passphrase-env names the environment variable MCTW_NO_SUCH_VAR, which is not set: export it first. (ERR_USAGE)\n',
    });
    const spaced = await runMctoken(['token', '--client-id', 'sa 1', '--region', 'us1', '--key-file', keys.pkcs1!]);
    expect(spaced).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: The client id contains spaces, line breaks or control characters: paste only the service account id. (ERR_CLIENT_ID_INVALID)\n',
    });
  });
});
