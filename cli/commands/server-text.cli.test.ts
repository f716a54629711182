// What a hostile server says never drives the terminal, and what it echoes of our secrets is never printed: the built CLI
// (`token` for both products, `whoami`, `refresh`, text and --json, --verbose) against a local server on 127.0.0.1 that
// answers control characters, DEL, C1 and bidi overrides in every field and echoes the client secret, the refresh token
// and the signed assertion back in error descriptions, scopes and bodies.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { secretMask } from '../../shared/exchange/mask-secrets';
import { makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { startScriptedHttpServer, type ScriptedHttpServer } from '../../test/support/idp-server';
import { testKeyPair } from '../../test/support/test-keys';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, runMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

/** Every kind of character that can drive a terminal or make text read other than it is. */
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2K\r\u007f\u009b31m\u202egnp.exe\u2066\u200f';
/** The same text as the CLI shows it. */
const SHOWN = '\\u001b]0;pwned\\u0007\\u001b[2K\\u000d\\u007f\\u009b31m\\u202egnp.exe\\u2066\\u200f';
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const CLIENT_ID = 'k3n8d2w7q9x4c1v6b5m0z8a2';
const CLIENT_SECRET = 'EchoedSecret-4kPq9Zr2Xv7Lm1Nw8Ty';
const MASKED_SECRET = secretMask(CLIENT_SECRET.length);
const SECRET_ENV = { MC_CLIENT_SECRET: CLIENT_SECRET };

/** What the server answers on a path: a status and a JSON body, given the request body it received. */
type Answer = (body: string) => [number, unknown];
let answers: Record<string, Answer> = {};
let server: ScriptedHttpServer;
let dir = '';
const refreshTokens: string[] = [];
const assertions: string[] = [];

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const engagementArgs = (command: string, ...more: string[]) => [
  command,
  '--client-id',
  CLIENT_ID,
  '--client-secret-env',
  'MC_CLIENT_SECRET',
  '--auth-url',
  `${server.url}/`,
  ...more,
];
const cli = (args: string[]) => runMctoken(args, { env: SECRET_ENV });

/** A v2/token answer with hostile text in every string field. */
function hostileTokenAnswer(accessToken = `tok${HOSTILE}`): Answer {
  return () => [
    200,
    {
      access_token: accessToken,
      token_type: `Bearer${HOSTILE}`,
      expires_in: 1079,
      scope: `email_read ${HOSTILE}`,
      rest_instance_url: `${server.url}/rest/${HOSTILE}/`,
      soap_instance_url: `${server.url}/soap/${HOSTILE}`,
    },
  ];
}

beforeAll(async () => {
  assertCliBuilt();
  server = await startScriptedHttpServer((req, res) => {
    void bodyOf(req).then((body) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const answer = Object.entries(answers).find(([prefix]) => path.startsWith(prefix))?.[1];
      const [status, json] = answer === undefined ? [404, { message: 'Not Found' }] : answer(body);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  dir = mkdtempSync(join(tmpdir(), 'mctw-cli-server-text-'));
});
beforeEach(() => {
  answers = {};
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  const output = cliTranscript();
  expect(output).not.toContain(CLIENT_SECRET);
  expect(output).not.toContain(encodeURIComponent(CLIENT_SECRET));
  for (const token of [...refreshTokens, ...assertions]) expect(output).not.toContain(token);
});

describe('Engagement: nothing a server sends drives the terminal', () => {
  it('mctoken token: the access token and every --json field are escaped (and the --json stays valid)', async () => {
    answers = { '/v2/token': hostileTokenAnswer() };
    const plain = await cli(engagementArgs('token'));
    expect(plain).toMatchObject({ code: 0, stdout: `tok${SHOWN}\n` });
    const json = await cli(engagementArgs('token', '--json'));
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(UNSAFE);
    expect(JSON.parse(json.stdout)).toMatchObject({
      access_token: `tok${HOSTILE}`,
      token_type: `Bearer${HOSTILE}`,
      scope: `email_read ${HOSTILE}`,
      rest_instance_url: `${server.url}/rest/${HOSTILE}/`,
    });
  });

  it('mctoken whoami: every userinfo field and URL escaped, in text (bidi overrides too) and --json', async () => {
    answers = {
      '/v2/token': hostileTokenAnswer('a-clean-token'),
      '/v2/userinfo': () => [
        200,
        {
          user: { name: `User${HOSTILE}`, email: `u${HOSTILE}@example.com`, sub: `1${HOSTILE}` },
          organization: {
            member_id: `5100${HOSTILE}`,
            enterprise_id: `5140${HOSTILE}`,
            enterprise_name: `Evil${HOSTILE}Corp`,
            stack_key: `S7${HOSTILE}`,
            region: `NA1${HOSTILE}`,
          },
        },
      ],
      '/rest/': () => [200, { url: `${server.url}/soap/` }],
    };
    const plain = await cli(engagementArgs('whoami'));
    expect(plain.code).toBe(0);
    expect(plain.stdout.replaceAll('\n', '')).not.toMatch(UNSAFE);
    expect(plain.stdout).toContain(`Enterprise:    Evil${SHOWN}Corp\n`);
    expect(plain.stdout).toContain(`MID:           5100${SHOWN}\n`);
    expect(plain.stdout).toContain(`User:          User${SHOWN} <u${SHOWN}@example.com>\n`);
    expect(plain.stdout).toContain(`REST URL:      ${server.url}/rest/${SHOWN}/\n`);
    const json = await cli(engagementArgs('whoami', '--json'));
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(UNSAFE);
    expect(JSON.parse(json.stdout)).toMatchObject({ userinfo: { organization: { enterprise_name: `Evil${HOSTILE}Corp` } } });
  });

  it('an OAuth error with hostile text and --verbose bodies are escaped', async () => {
    answers = { '/v2/token': () => [401, { error: `invalid_client${HOSTILE}`, error_description: `Nope${HOSTILE}` }] };
    const run = await cli(engagementArgs('token', '--verbose'));
    expect(run.code).toBe(1);
    expect(run.stderr.replaceAll('\n', '')).not.toMatch(UNSAFE);
    // The flow already drops C0 controls from an OAuth description; the bidi override that is left is escaped.
    expect(run.stderr).toMatch(/^error: invalid_client.*\\u202egnp\.exe\\u2066\\u200f \(ERR_OAUTH_OTHER\)$/m);
    expect(run.stderr).toContain(
      '"error_description":"Nope\\u001b]0;pwned\\u0007\\u001b[2K\\r\\u007f\\u009b31m\\u202egnp.exe\\u2066\\u200f"',
    );
  });
});

describe('Engagement: a client secret echoed by the server is never printed', () => {
  it('in error_description, in --verbose bodies, and URL-encoded: masked with its true length', async () => {
    answers = {
      '/v2/token': () => [
        401,
        { error: 'invalid_client', error_description: `Bad secret ${CLIENT_SECRET} (${encodeURIComponent(CLIENT_SECRET)})` },
      ],
    };
    const run = await cli(engagementArgs('token', '--verbose'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: invalid_client: Bad secret ${MASKED_SECRET} (${MASKED_SECRET})`);
    expect(run.stderr).not.toContain(CLIENT_SECRET);
  });

  it('in scope with --json, in the access token itself, and in a 200 body shown by --verbose', async () => {
    answers = {
      '/v2/token': () => [
        200,
        { access_token: `at-${CLIENT_SECRET}`, expires_in: 1079, scope: `email_read ${CLIENT_SECRET}`, echo: { secret: CLIENT_SECRET } },
      ],
    };
    const json = await cli(engagementArgs('token', '--json', '--verbose'));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ access_token: `at-${MASKED_SECRET}`, scope: `email_read ${MASKED_SECRET}` });
    expect(json.stderr).toContain(`"secret": "${MASKED_SECRET}"`);
    const plain = await cli(engagementArgs('token'));
    expect(plain.stdout).toBe(`at-${MASKED_SECRET}\n`);
  });

  it('whoami --json: a secret echoed in userinfo is masked', async () => {
    answers = {
      '/v2/token': hostileTokenAnswer('a-clean-token'),
      '/v2/userinfo': () => [200, { organization: { member_id: 1, enterprise_name: CLIENT_SECRET } }],
      '/rest/': () => [200, { url: `${server.url}/soap/` }],
    };
    const json = await cli(engagementArgs('whoami', '--json'));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ userinfo: { organization: { enterprise_name: MASKED_SECRET } } });
    expect((await cli(engagementArgs('whoami'))).stdout).toContain(`Enterprise:    ${MASKED_SECRET}\n`);
  });
});

describe('mctoken refresh against a hostile auth endpoint', () => {
  async function jwtFile(): Promise<{ file: string; refreshToken: string }> {
    const refreshToken = `rt-${randomUUID()}`;
    refreshTokens.push(refreshToken);
    const file = join(dir, `${randomUUID()}.jwt`);
    const authEndpoint = `${server.url}/v1/requestToken`;
    writeFileSync(file, await makeEngagementSsoJwt({ version: 2, extraClaims: { request: { rest: { authEndpoint, refreshToken } } } }));
    return { file, refreshToken };
  }
  const refreshArgs = (file: string, ...more: string[]) => [
    'refresh',
    '--jwt-file',
    file,
    '--client-id',
    CLIENT_ID,
    '--client-secret-env',
    'MC_CLIENT_SECRET',
    '--spend-refresh-token',
    ...more,
  ];

  it('refuses a JWT file holding a control character (ERR_TOKEN_CONTROL_CHARACTER), sending nothing', async () => {
    let sent = 0;
    answers = { '/v1/requestToken': () => [200, { accessToken: 'at', expiresIn: 3600, refreshToken: String(++sent) }] };
    const { file } = await jwtFile();
    const jwt = readFileSync(file, 'utf8');
    writeFileSync(file, `${jwt.slice(0, 10)}\u001b[2K${jwt.slice(10)}`);
    const run = await cli(refreshArgs(file));
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(
      /^error: The input holds a control character \(U\+001B at character 11\).+\(ERR_TOKEN_CONTROL_CHARACTER\)\n$/,
    );
    expect(sent).toBe(0);
  });

  it('escapes the new tokens in text and --json', async () => {
    answers = { '/v1/requestToken': () => [200, { accessToken: `at${HOSTILE}`, expiresIn: 3600, refreshToken: `rt${HOSTILE}` }] };
    const { file } = await jwtFile();
    expect((await cli(refreshArgs(file))).stdout).toBe(`at${SHOWN}\n`);
    const json = await cli(refreshArgs(file, '--json'));
    expect(json.stdout).not.toMatch(UNSAFE);
    expect(JSON.parse(json.stdout)).toEqual({ accessToken: `at${HOSTILE}`, expiresIn: 3600, refreshToken: `rt${HOSTILE}` });
  });

  it('masks the client secret and the spent refresh token the server echoes, in the error and in --verbose', async () => {
    const { file, refreshToken } = await jwtFile();
    answers = {
      '/v1/requestToken': (body) => [401, { message: `Refused ${body}${HOSTILE}`, errorcode: 1, echo: [CLIENT_SECRET, refreshToken] }],
    };
    const run = await cli(refreshArgs(file, '--verbose'));
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain(CLIENT_SECRET);
    expect(run.stderr).not.toContain(refreshToken);
    expect(run.stderr).toContain(`"clientSecret":"${MASKED_SECRET}"`);
    expect(run.stderr).toContain(secretMask(refreshToken.length));
    expect(run.stderr.replaceAll('\n', '')).not.toMatch(UNSAFE);
  });
});

describe('Intelligence: a signed assertion echoed by the token endpoint is never printed', () => {
  it('is masked in the error and in --verbose bodies', async () => {
    answers = {
      '/discovery': () => [200, { token_endpoint: `${server.url}/token` }],
      '/token': (body) => {
        const assertion = new URLSearchParams(body).get('client_assertion') ?? '';
        assertions.push(assertion);
        return [400, { error: 'invalid_grant', error_description: `Bad assertion ${assertion}${HOSTILE}` }];
      },
    };
    const keyFile = join(dir, 'key.pem');
    writeFileSync(keyFile, testKeyPair().pkcs8Pem, { mode: 0o600 });
    const run = await runMctoken([
      'token',
      '--client-id',
      'sa-echo',
      '--discovery-url',
      `${server.url}/discovery`,
      '--key-file',
      keyFile,
      '--verbose',
    ]);
    expect(run.code).toBe(1);
    const assertion = assertions.at(-1) ?? '';
    expect(assertion.split('.')).toHaveLength(3);
    expect(run.stderr).not.toContain(assertion);
    expect(run.stderr).toContain(`"error_description":"Bad assertion ${secretMask(assertion.length)}\\u001b]0;pwned`);
    expect(run.stderr).toMatch(/^error: invalid_grant: Bad assertion /m);
    expect(run.stderr.replaceAll('\n', '')).not.toMatch(UNSAFE);
  });
});
