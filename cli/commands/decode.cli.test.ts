// `mctoken decode` end to end: the built CLI as a child process, for every token kind, with and without verification,
// text and JSON, argument and stdin, every exit status and the usage errors.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ENGAGEMENT_SIGNING_SECRET,
  V1_CLAIM_PATHS,
  V2_CLAIM_PATHS,
  makeEngagementAccessToken,
  makeEngagementSsoJwt,
  makeGenericJwt,
} from '../../test/support/engagement-tokens';
import { testKeyPair } from '../../test/support/test-keys';
import { CLI_TEST_TIMEOUT_MS, CLI_PATH, assertCliBuilt, cliTranscript, hasAnsi, runMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const SCRIPT = '/usr/bin/script';
const CLAIM_KEYS = ['documented', 'explanation', 'interpretation', 'path', 'value'];
const SECRET_ENV = { MC_JWT_SECRET: ENGAGEMENT_SIGNING_SECRET };
let dir = '';
let v2 = '';
let v1Expired = '';

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, { mode: 0o600 });
  return path;
}

function decodeSegment(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

function intelligenceAssertion(): Promise<string> {
  return new SignJWT({
    iss: 'sa-0123456789',
    sub: 'sa-0123456789',
    aud: 'https://idp.intelligence.salesforce.com',
    jti: randomBytes(16).toString('hex'),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuedAt()
    .sign(testKeyPair().privateKey);
}

beforeAll(async () => {
  assertCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'mctw-cli-decode-'));
  v2 = await makeEngagementSsoJwt({ version: 2 });
  v1Expired = await makeEngagementSsoJwt({ version: 1, expiresInSeconds: -7200 });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // No output ever carried the signing secret, not even when it verified with it.
  expect(cliTranscript()).not.toContain(ENGAGEMENT_SIGNING_SECRET);
});

describe('mctoken decode: token kinds, text output', () => {
  it('explains an App Center SSO JWT v2 claim by claim, with the signature unchecked and exit 0', async () => {
    const run = await runMctoken(['decode', v2]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^Marketing Cloud Engagement App Center SSO JWT \(claims version 2\)\nkind: engagement-sso-v2\n\nHeader\n {2}alg {2}HS256\n/,
    );
    for (const path of V2_CLAIM_PATHS) expect(run.stdout).toMatch(new RegExp(`^ {2}${path.replace(/\./g, '\\.')}(\\s|$)`, 'm'));
    expect(run.stdout).toContain('= Enterprise');
    expect(run.stdout).toContain('= UTC-06:00');
    // A sound token has no warning section: its single-use refresh token and legacy-only nature are notes.
    expect(run.stdout).not.toMatch(/^Warnings/m);
    expect(run.stdout).toMatch(/^Notes \(2\)\n {2}i Only legacy installed packages receive this SSO JWT\./m);
    expect(run.stdout).toMatch(/^ {2}i request\.rest\.refreshToken works once/m);
    expect(run.stdout).toContain('(WARN_REFRESH_TOKEN_SINGLE_USE)');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Signature (HS256): unchecked: pass --secret-file, --secret-env or --key-file to verify it',
    );
    expect(hasAnsi(run.stdout)).toBe(false);
  });

  it('decodes an expired v1 token (exit 0) and warns that it expired and carries live API tokens', async () => {
    const run = await runMctoken(['decode', v1Expired]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Marketing Cloud Engagement App Center SSO JWT (claims version 1, legacy)');
    expect(run.stdout).toMatch(/^Warnings \(2\)\n {2}! This token expired 2 h ago \(/m);
    expect(run.stdout).toMatch(/^Notes \(3\)$/m);
    expect(run.stdout).toContain('(WARN_EXPIRED)');
    expect(run.stdout).toContain('(WARN_LIVE_TOKENS_IN_CLAIMS)');
    const json = JSON.parse((await runMctoken(['decode', v1Expired, '--json'])).stdout);
    expect(json.warnings[0]).toEqual({
      code: 'WARN_EXPIRED',
      severity: 'warning',
      message: expect.stringMatching(/^This token expired 2 h ago \(.+\)\. Open the app from Marketing Cloud again to get a fresh JWT\.$/),
    });
    for (const path of V1_CLAIM_PATHS) expect(run.stdout).toMatch(new RegExp(`^ {2}${path.replace(/\./g, '\\.')}(\\s|$)`, 'm'));
  });

  it('names a four-segment Engagement access token', async () => {
    const run = await runMctoken(['decode', makeEngagementAccessToken()]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'Marketing Cloud Engagement access token (four segments)',
      'kind: engagement-access-token',
    ]);
    expect(run.stdout).toMatch(/^ {2}client_type +ServerToServer/m);
  });

  it('names an Intelligence client assertion and a generic JWT', async () => {
    const assertion = await runMctoken(['decode', await intelligenceAssertion()]);
    expect(assertion.code).toBe(0);
    expect(assertion.stdout.split('\n')[1]).toBe('kind: intelligence-assertion');
    const generic = await runMctoken(['decode', makeGenericJwt({ sub: 'someone', exp: Math.floor(Date.now() / 1000) + 60 })]);
    expect(generic.code).toBe(0);
    expect(generic.stdout.split('\n').slice(0, 2)).toEqual(['JSON Web Token', 'kind: generic']);
  });

  it('strips what users paste around a token (quotes, Bearer)', async () => {
    const run = await runMctoken(['decode', `"Bearer ${v2}"`, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).kind).toBe('engagement-sso-v2');
  });
});

describe('mctoken decode --json', () => {
  it('prints exactly one JSON object with kind, header, payload, every leaf claim, signature and warnings', async () => {
    const run = await runMctoken(['decode', v2, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out).sort()).toEqual([
      'claims',
      'header',
      'kind',
      'payload',
      'payloadEncoding',
      'serialization',
      'signature',
      'signatures',
      'stripped',
      'warnings',
    ]);
    expect(out.stripped).toEqual([]);
    expect([out.serialization, out.payloadEncoding]).toEqual(['compact', 'json']);
    expect(out.signatures).toEqual([{ alg: 'HS256', kid: null, status: 'unchecked' }]);
    expect(out.kind).toBe('engagement-sso-v2');
    const [header, payload] = v2.split('.');
    expect(out.header).toEqual(decodeSegment(header!));
    expect(out.payload).toEqual(decodeSegment(payload!));
    expect(out.claims.map((c: { path: string }) => c.path)).toEqual([...V2_CLAIM_PATHS]);
    for (const claim of out.claims) {
      // A live credential (the refresh token) says so: masked in the text output, here for scripts.
      expect(Object.keys(claim).sort()).toEqual(claim.path === 'request.rest.refreshToken' ? [...CLAIM_KEYS, 'secret'].sort() : CLAIM_KEYS);
      expect(claim.documented).toBe(true);
      expect(typeof claim.explanation).toBe('string');
      expect(claim.interpretation === null || typeof claim.interpretation === 'string').toBe(true);
    }
    expect(out.claims.find((c: { path: string }) => c.path === 'request.organization.dataContext')).toMatchObject({
      value: 'tiered',
      interpretation: 'Enterprise',
    });
    expect(out.signature).toEqual({ alg: 'HS256', status: 'unchecked' });
    expect(out.warnings).toEqual([
      {
        code: 'WARN_LEGACY_PACKAGE',
        severity: 'info',
        message: expect.stringMatching(/^Only legacy installed packages receive this SSO JWT\./),
      },
      {
        code: 'WARN_REFRESH_TOKEN_SINGLE_USE',
        severity: 'info',
        message: expect.stringMatching(/^request\.rest\.refreshToken works once/),
      },
    ]);
  });

  it('lists undocumented claims too, flagged, with every leaf path (arrays by index, empty objects as leaves)', async () => {
    const token = makeGenericJwt({ sub: 'x', exp: 4102444800, custom: { list: ['a', { deep: true }], empty: {} } });
    const out = JSON.parse((await runMctoken(['decode', token, '--json'])).stdout);
    expect(out.claims.map((c: { path: string }) => c.path)).toEqual(['sub', 'exp', 'custom.list.0', 'custom.list.1.deep', 'custom.empty']);
    expect(out.claims.filter((c: { documented: boolean }) => !c.documented).map((c: { path: string }) => c.path)).toEqual([
      'custom.list.0',
      'custom.list.1.deep',
      'custom.empty',
    ]);
  });
});

describe('mctoken decode: verification', () => {
  it('verifies HS256 with the secret from an environment variable (exit 0)', async () => {
    const run = await runMctoken(['decode', v2, '--secret-env', 'MC_JWT_SECRET'], { env: SECRET_ENV });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'Signature (HS256): valid, checked with the text secret in $MC_JWT_SECRET',
      `  key: the secret read as text: its ${ENGAGEMENT_SIGNING_SECRET.length} bytes of UTF-8, as the package's JWT signing secret is used`,
    ]);
  });

  it('verifies HS256 with the secret from a file, ignoring its trailing newline', async () => {
    const secretFile = file('secret.txt', `${ENGAGEMENT_SIGNING_SECRET}\n`);
    const run = await runMctoken(['decode', v2, '--secret-file', secretFile, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).signature).toEqual({
      alg: 'HS256',
      status: 'valid',
      secretKey: { encoding: 'text', bytes: ENGAGEMENT_SIGNING_SECRET.length },
    });
  });

  it('verifies secrets given as base64 and hex bytes', async () => {
    const bytes = randomBytes(32);
    const token = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(bytes);
    const b64 = await runMctoken(['decode', token, '--secret-env', 'S', '--secret-encoding', 'base64', '--json'], {
      env: { S: bytes.toString('base64') },
    });
    expect([b64.code, JSON.parse(b64.stdout).signature.status]).toEqual([0, 'valid']);
    const hex = await runMctoken([
      'decode',
      token,
      '--secret-file',
      file('hex.txt', bytes.toString('hex')),
      '--secret-encoding',
      'hex',
      '--json',
    ]);
    expect([hex.code, JSON.parse(hex.stdout).signature.status]).toEqual([0, 'valid']);
    const asText = await runMctoken(['decode', token, '--secret-env', 'S', '--json'], { env: { S: bytes.toString('hex') } });
    expect([asText.code, JSON.parse(asText.stdout).signature.status]).toEqual([1, 'invalid']);
  });

  it('fails with exit 1 and a message on stderr when the secret is wrong; the decode is still printed', async () => {
    const run = await runMctoken(['decode', v2, '--secret-env', 'S', '--json'], { env: { S: 'not-the-signing-secret' } });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).signature).toEqual({ alg: 'HS256', status: 'invalid', secretKey: { encoding: 'text', bytes: 22 } });
    expect(run.stderr).toMatch(/^error: .+ \(ERR_VERIFY_SIGNATURE_INVALID\)\n/);
  });

  it('fails with exit 1 for a tampered payload, even with the right secret', async () => {
    const [header, payload, signature] = v2.split('.');
    const claims = decodeSegment(payload!) as { request: { user: { id: number } } };
    claims.request.user.id = 1;
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const run = await runMctoken(['decode', tampered, '--secret-env', 'MC_JWT_SECRET'], { env: SECRET_ENV });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Signature \(HS256\): invalid: /m);
    expect(run.stderr).toMatch(/\(ERR_VERIFY_SIGNATURE_INVALID\)\n/);
  });

  it('verifies RS256 with --key-file: valid with the right public key (PEM or JWK), exit 1 with another', async () => {
    const token = await intelligenceAssertion();
    const ok = await runMctoken(['decode', token, '--key-file', file('public.pem', testKeyPair().publicPem), '--json']);
    expect([ok.code, JSON.parse(ok.stdout).signature]).toEqual([0, { alg: 'RS256', status: 'valid' }]);
    const jwk = JSON.stringify(testKeyPair().publicKey.export({ format: 'jwk' }));
    const okJwk = await runMctoken(['decode', token, '--key-file', file('public.jwk', jwk), '--json']);
    expect([okJwk.code, JSON.parse(okJwk.stdout).signature.status]).toEqual([0, 'valid']);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const bad = await runMctoken(['decode', token, '--key-file', file('other.pem', other)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^Signature \(RS256\): invalid: /m);
    expect(bad.stderr).toMatch(/^error: .+ \(ERR_VERIFY_SIGNATURE_INVALID\)\n$/);
  });

  it('refuses an HS256 token checked with a public key (algorithm confusion) and an alg:none token checked with a secret', async () => {
    const confused = await runMctoken(['decode', v2, '--key-file', file('pub2.pem', testKeyPair().publicPem)]);
    expect(confused.code).toBe(1);
    expect(confused.stderr).toMatch(/\(ERR_VERIFY_ALG_MISMATCH\)\n/);
    const none = makeGenericJwt({ sub: 'x', exp: 4102444800 }, { alg: 'none' });
    const unsigned = await runMctoken(['decode', none, '--secret-env', 'MC_JWT_SECRET', '--json'], { env: SECRET_ENV });
    expect(unsigned.code).toBe(1);
    expect(JSON.parse(unsigned.stdout).signature.status).toBe('invalid');
    expect(unsigned.stderr).toMatch(/\(ERR_VERIFY_ALG_NONE\)\n/);
    const unchecked = await runMctoken(['decode', none, '--json']);
    expect(unchecked.code).toBe(0);
    expect(JSON.parse(unchecked.stdout).warnings.map((w: { code: string }) => w.code)).toContain('WARN_ALG_NONE');
  });
});

describe('mctoken decode: hostile claims', () => {
  /** A JWT whose claim names and values try to retitle the terminal, erase a line and paint a fake "valid" signature. */
  const hostileToken = (() => {
    const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const payload = {
      sub: 'x\u001b]0;pwned\u0007\r\u001b[2K',
      'fake\nSignature (HS256): valid': '\u009b32mvalid\u007f',
      note: 'line\n  Signature (HS256): \u001b[32mvalid\u001b[0m',
    };
    return `${segment({ alg: 'HS256', typ: 'JWT\u001b[1A' })}.${segment(payload)}.c2ln`;
  })();

  it('escapes every control character from the token in the text output', async () => {
    const run = await runMctoken(['decode', '-'], { input: hostileToken });
    expect(run.code).toBe(0);
    // Only our own line breaks remain: nothing from the token can move the cursor, retitle the window or start a fake line.
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toContain('x\\u001b]0;pwned\\u0007\\u000d\\u001b[2K');
    expect(run.stdout).toContain('fake\\u000aSignature (HS256): valid');
    expect(run.stdout).toContain('\\u009b32mvalid\\u007f');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('Signature'))).toEqual([
      'Signature (HS256): unchecked: pass --secret-file, --secret-env or --key-file to verify it',
    ]);
  });

  it('refuses a payload nested 6,000 levels deep with ERR_TOKEN_TOO_DEEP (exit 1), not an internal error', async () => {
    const segment = (json: string) => Buffer.from(json).toString('base64url');
    const deep = `${segment('{"alg":"HS256"}')}.${segment(`{"a":${'['.repeat(6000)}${']'.repeat(6000)}}`)}.c2ln`;
    expect(await runMctoken(['decode', '-'], { input: deep })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: Segment 2 (payload) nests objects or arrays more than 64 levels deep, which no real token does: check that this is the token you meant to paste. (ERR_TOKEN_TOO_DEEP)\n',
    });
  });

  it('escapes DEL and C1 characters in --json too, which stays valid JSON', async () => {
    const run = await runMctoken(['decode', '-', '--json'], { input: hostileToken });
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect((JSON.parse(run.stdout) as { payload: Record<string, unknown> }).payload['fake\nSignature (HS256): valid']).toBe(
      '\u009b32mvalid\u007f',
    );
  });
});

describe('mctoken decode: control characters and duplicate names', () => {
  const segment = (json: string) => Buffer.from(json).toString('base64url');

  it('refuses an input holding a control character or bidi override with ERR_TOKEN_CONTROL_CHARACTER (exit 1), never echoing it', async () => {
    for (const char of ['\u001b', '\u009b', '\u202e']) {
      const run = await runMctoken(['decode', '-'], { input: `${v2.slice(0, 20)}${char}${v2.slice(20)}\n` });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^error: The input holds a control character \(U\+[0-9A-F]{4} at character 21\): .+ \(ERR_TOKEN_CONTROL_CHARACTER\)\n$/,
      );
      expect(run.stderr).not.toContain(char);
    }
    const argument = await runMctoken(['decode', `${v2}\u0007`, '--json']);
    expect(argument.code).toBe(1);
    expect(argument.stderr).toContain('(ERR_TOKEN_CONTROL_CHARACTER)');
  });

  it('warns about names given twice in the header or the payload (WARN_DUPLICATE_KEYS), in text and --json', async () => {
    const token = `${segment('{"alg":"HS256","alg":"none"}')}.${segment('{"sub":"user","exp":4102444800,"sub":"admin"}')}.c2ln`;
    const run = await runMctoken(['decode', '-'], { input: token });
    expect(run.code).toBe(0);
    // The warning is wrapped to the width: read it as one line.
    expect(run.stdout.replace(/\n {4}/g, ' ')).toContain(
      '! Names given twice in the header (alg), the payload (sub): the last value of each is shown, but another parser may use the first, so systems can read this token differently. Do not accept a token like this. (WARN_DUPLICATE_KEYS)\n',
    );
    const json = JSON.parse((await runMctoken(['decode', '-', '--json'], { input: token })).stdout) as {
      warnings: { code: string; severity: string }[];
    };
    expect(json.warnings).toContainEqual(expect.objectContaining({ code: 'WARN_DUPLICATE_KEYS', severity: 'warning' }));
  });

  it('--help: every example reads the token from stdin, as the README advises', async () => {
    const help = (await runMctoken(['decode', '--help'])).stdout;
    const examples = help.slice(help.indexOf('Examples:\n')).split('\n\n')[0]!.split('\n').slice(1);
    expect(examples.length).toBeGreaterThan(4);
    for (const line of examples) expect(line).toMatch(/mctoken decode -( |$)|\| mctoken decode( |$)/);
    expect(help).toContain('Give tokens on stdin, not as an argument');
  });
});

describe('mctoken decode: input from stdin', () => {
  it('reads the token from stdin with "-" and with no argument, the same as from the argument', async () => {
    const fromArg = JSON.parse((await runMctoken(['decode', v2, '--json'])).stdout);
    const dash = await runMctoken(['decode', '-', '--json'], { input: `${v2}\n` });
    expect(dash.code).toBe(0);
    expect(JSON.parse(dash.stdout).payload).toEqual(fromArg.payload);
    const none = await runMctoken(['decode', '--json'], { input: v2 });
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout).claims).toEqual(fromArg.claims);
  });

  it('reports empty stdin as an empty token (exit 1)', async () => {
    const run = await runMctoken(['decode'], { input: '' });
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'error: The input is empty. Paste a token to decode. (ERR_TOKEN_EMPTY)\n' });
  });
});

describe('mctoken decode: failures and exit statuses', () => {
  it('exits 1 for a malformed token with the decoder message on stderr and nothing on stdout, no stack trace', async () => {
    const run = await runMctoken(['decode', 'not-a-token']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: Found 1 segment (no dots); expected 3 (header.payload.signature), or 4 for an Engagement access token. Paste the whole token. (ERR_TOKEN_SEGMENTS)\n',
    });
    const json = await runMctoken(['decode', 'a.b.c', '--json']);
    expect(json.code).toBe(1);
    expect(json.stdout).toBe('');
    expect(json.stderr).toMatch(/^error: .+ \(ERR_TOKEN_(BASE64|JSON)\)\n$/);
    expect(json.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an unknown option', async () => {
    const run = await runMctoken(['decode', v2, '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("error: unknown option '--bogus'\n(run with --help for usage)\n");
  });

  it('exits 2 when both --secret-file and --secret-env are given, or a secret with --key-file', async () => {
    const both = await runMctoken(['decode', v2, '--secret-file', 'x', '--secret-env', 'MC_JWT_SECRET'], { env: SECRET_ENV });
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(
      "error: option '--secret-file <file>' cannot be used with option '--secret-env <var>'\n(run with --help for usage)\n",
    );
    const withKey = await runMctoken(['decode', v2, '--secret-env', 'MC_JWT_SECRET', '--key-file', 'k.pem'], { env: SECRET_ENV });
    expect(withKey.code).toBe(2);
    expect(withKey.stderr).toBe(
      "error: option '--secret-env <var>' cannot be used with option '--key-file <file>'\n(run with --help for usage)\n",
    );
  });

  it('exits 2 when the named environment variable is missing or empty', async () => {
    const missing = await runMctoken(['decode', v2, '--secret-env', 'MCTW_NO_SUCH_VAR']);
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --secret-env names the environment variable MCTW_NO_SUCH_VAR, which is not set: export it first. (ERR_USAGE)\n',
    });
    const empty = await runMctoken(['decode', v2, '--secret-env', 'EMPTY'], { env: { EMPTY: '' } });
    expect(empty).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --secret-env names the environment variable EMPTY, which is empty: put the value in it first. (ERR_USAGE)\n',
    });
  });

  it('exits 2 for --secret-encoding without a secret, or with an unknown encoding', async () => {
    const alone = await runMctoken(['decode', v2, '--secret-encoding', 'hex']);
    expect(alone).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --secret-encoding applies to a secret: add --secret-file FILE or --secret-env VAR. (ERR_USAGE)\n',
    });
    const bad = await runMctoken(['decode', v2, '--secret-env', 'MC_JWT_SECRET', '--secret-encoding', 'b64'], { env: SECRET_ENV });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "error: option '--secret-encoding <encoding>' argument 'b64' is invalid. Allowed choices are text, base64, hex.\n(run with --help for usage)\n",
    );
  });

  it('exits 1 naming the file and the problem when a secret or key file cannot be read, never its contents', async () => {
    const missing = await runMctoken(['decode', v2, '--secret-file', './no-such-secret.txt'], { cwd: dir });
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: cannot read secret file ./no-such-secret.txt: no such file (ERR_FILE_READ)\nhint: Check the path and that the file is readable.\n',
    });
    const directory = await runMctoken(['decode', v2, '--key-file', dir]);
    expect(directory.code).toBe(1);
    expect(directory.stderr).toBe(
      `error: cannot read key file ${dir}: it is a directory (ERR_FILE_READ)\nhint: Check the path and that the file is readable.\n`,
    );
  });

  it.skipIf(!existsSync(SCRIPT))(
    'exits 2 when no token is given and stdin is a terminal (util-linux script gives it a pseudo-terminal)',
    () => {
      const run = spawnSync(SCRIPT, ['-qec', `${process.execPath} ${CLI_PATH} decode`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0' },
      });
      expect(run.status).toBe(2);
      expect(run.stdout.replace(/\r/g, '')).toBe(
        'error: No token given: pass it as an argument, or pipe it on stdin (mctoken decode - < token.txt). (ERR_USAGE)\n',
      );
    },
  );
});

describe('mctoken decode: colours', () => {
  it('colours only when asked (FORCE_COLOR) and never with NO_COLOR or when piped', async () => {
    expect(hasAnsi((await runMctoken(['decode', v2])).stdout)).toBe(false);
    expect(hasAnsi((await runMctoken(['decode', v2], { env: { FORCE_COLOR: '1' } })).stdout)).toBe(true);
    expect(hasAnsi((await runMctoken(['decode', v2], { env: { NO_COLOR: '1' } })).stdout)).toBe(false);
    expect(hasAnsi((await runMctoken(['decode', v2], { env: { FORCE_COLOR: '0' } })).stdout)).toBe(false);
    const error = await runMctoken(['decode', 'x'], { env: { FORCE_COLOR: '1' } });
    expect(error.stderr).toContain('\u001b[31m\u001b[1merror:');
  });
});

describe('mctoken decode: a lean start', () => {
  // Start-up time is measured by `npm run bench`; this proves the structure behind it: decode loads neither the app's
  // services (router, zod, profile store) nor the keychain module, nor the built-ins commander would load for nothing.
  it('loads only the launcher and the shared error module (main.cjs runs through vm), never services.cjs, keytar or child_process', () => {
    const probe = file(
      'loaded-modules.cjs',
      "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify({ files: Object.keys(require.cache), builtins: process.moduleLoadList })));\n",
    );
    const run = spawnSync(process.execPath, ['--require', probe, CLI_PATH, 'decode', v2], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const loaded = JSON.parse(run.stderr.slice(run.stderr.indexOf('LOADED ') + 7)) as { files: string[]; builtins: string[] };
    const ours = loaded.files.filter((path) => path !== probe).map((path) => path.slice(path.lastIndexOf('/') + 1));
    expect(ours).toEqual(['mctoken.cjs', 'errors.cjs']);
    expect(loaded.builtins).toContain('NativeModule vm');
    expect(loaded.builtins).not.toContain('NativeModule child_process');
    // The probe does see the services when a command needs them (an empty user-data folder: no profile, no keychain use).
    const env = { ...process.env, MCTW_USER_DATA_DIR: join(dir, 'empty-user-data') };
    const listing = spawnSync(process.execPath, ['--require', probe, CLI_PATH, 'profiles', 'list'], { encoding: 'utf8', env });
    expect(listing.stdout).toContain('No saved profiles.');
    expect(listing.stderr).toMatch(/LOADED .*services\.cjs/);
  });

  it('keeps zod out of the entry file: V8 still scans code that is never run, so a lazy import of a zod user costs every start', () => {
    expect(readFileSync(join(dirname(CLI_PATH), 'main.cjs'), 'utf8')).not.toContain('ZodError');
    expect(readFileSync(join(dirname(CLI_PATH), 'services.cjs'), 'utf8')).toContain('ZodError');
  });
});
