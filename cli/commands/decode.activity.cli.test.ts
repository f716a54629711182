// `mctoken decode` on a Journey Builder custom-activity call, as the built CLI in a child process: the kind, every field
// explained, the raw request a server log shows (what was stripped said), verification with the package's JWT signing
// secret or a Salt key as hex (with and without 0x, and a wrong one), and the SSO JWT's mcAccessToken masked in text.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  RECORDED_EXECUTE_PATHS,
  SALT_KEY_BYTES,
  SALT_KEY_HEX,
  makeActivityCall,
  rawActivityRequest,
} from '../../test/support/custom-activity-calls';
import { ENGAGEMENT_SIGNING_SECRET, makeEngagementAccessToken, makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript, runMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

const saltSigned = makeActivityCall({ key: SALT_KEY_BYTES });
const MC_ACCESS_TOKEN = makeEngagementAccessToken();

beforeAll(() => assertCliBuilt());

afterAll(() => {
  const transcript = cliTranscript();
  expect(transcript).not.toContain(ENGAGEMENT_SIGNING_SECRET);
  expect(transcript).not.toContain(SALT_KEY_HEX);
  // The masked access token appears only where --json was asked for.
});

describe('mctoken decode: a custom-activity call', () => {
  it('names the kind and explains every field, with no warning and the activity note', async () => {
    const run = await runMctoken(['decode', '-'], { input: makeActivityCall() });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^Journey Builder custom activity call \(the JWT body of execute, save, validate, publish or stop\)\nkind: custom-activity\n/,
    );
    for (const path of RECORDED_EXECUTE_PATHS) expect(run.stdout).toMatch(new RegExp(`^ {2}${path.replace(/\./g, '\\.')}(\\s|$)`, 'm'));
    expect(run.stdout).toContain('testemail123@gmail.com');
    expect(run.stdout).toContain('Seen in recorded calls and public activity code, not documented:');
    expect(run.stdout).not.toMatch(/^Warnings/m);
    expect(run.stdout).toMatch(/^Notes \(1\)\n {2}i Journey Builder POSTs this JWT as the request body/m);
    expect(run.stdout).toContain('(WARN_CUSTOM_ACTIVITY_CALL)');
  });

  it('reads the raw request from a server log and says what it stripped, in text and JSON', async () => {
    const raw = rawActivityRequest(makeActivityCall());
    const text = await runMctoken(['decode', '-'], { input: raw });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('kind: custom-activity');
    expect(text.stdout.replace(/\n\s+/g, ' ')).toContain(
      'The token was read from what was pasted around it: removed the request line (POST /execute), 3 header lines (Host, Content-Type: application/jwt, Content-Length). (WARN_INPUT_STRIPPED)',
    );
    const json = JSON.parse((await runMctoken(['decode', '-', '--json'], { input: raw })).stdout);
    expect(json.kind).toBe('custom-activity');
    expect(json.stripped).toEqual([
      'the request line (POST /execute)',
      '3 header lines (Host, Content-Type: application/jwt, Content-Length)',
    ]);
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['WARN_CUSTOM_ACTIVITY_CALL', 'WARN_INPUT_STRIPPED']);
  });

  it('reads a quoted body and a JSON body with a jwt field', async () => {
    const jwt = makeActivityCall();
    for (const [input, stripped] of [
      [`'${jwt}'`, ['the quotes around it']],
      [JSON.stringify({ jwt }), ['the JSON body around its "jwt" field']],
    ] as const) {
      const json = JSON.parse((await runMctoken(['decode', '-', '--json'], { input })).stdout);
      expect(json.kind).toBe('custom-activity');
      expect(json.stripped).toEqual(stripped);
    }
  });

  it('verifies with the package JWT signing secret as text and says how it read it', async () => {
    const run = await runMctoken(['decode', '-', '--secret-env', 'MC_JWT_SECRET'], {
      input: makeActivityCall(),
      env: { MC_JWT_SECRET: ENGAGEMENT_SIGNING_SECRET },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Signature (HS256): valid, checked with the text secret in $MC_JWT_SECRET');
    expect(run.stdout).toContain(
      `  key: the secret read as text: its ${ENGAGEMENT_SIGNING_SECRET.length} bytes of UTF-8, as the package's JWT signing secret is used`,
    );
  });

  it.each([
    ['as Key Management shows it', SALT_KEY_HEX],
    ['with 0x', `0x${SALT_KEY_HEX.toLowerCase()}`],
  ])('verifies a Salt key given as hex %s, with its bytes', async (_what, key) => {
    const run = await runMctoken(['decode', '-', '--secret-env', 'SALT_KEY', '--secret-encoding', 'hex', '--json'], {
      input: rawActivityRequest(saltSigned),
      env: { SALT_KEY: key },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).signature).toEqual({ alg: 'HS256', status: 'valid', secretKey: { encoding: 'hex', bytes: 32 } });
  });

  it('refuses a wrong Salt key (exit 1), and a Salt key read as text says to choose hex', async () => {
    const wrong = await runMctoken(['decode', '-', '--secret-env', 'SALT_KEY', '--secret-encoding', 'hex'], {
      input: saltSigned,
      env: { SALT_KEY: randomBytes(32).toString('hex') },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('Signature (HS256): invalid');
    expect(wrong.stdout).toContain(
      '  key: the 32 bytes the hexadecimal decodes to (0x and spaces ignored), as a Salt key from Key Management is used',
    );
    expect(wrong.stderr).toContain('ERR_VERIFY_SIGNATURE_INVALID');

    const asText = await runMctoken(['decode', '-', '--secret-env', 'SALT_KEY'], { input: saltSigned, env: { SALT_KEY: SALT_KEY_HEX } });
    expect(asText.code).toBe(1);
    expect(asText.stderr).toContain('It looks like hexadecimal, as Key Management shows a Salt key');
  });
});

describe('mctoken decode: mcAccessToken in an SSO JWT', () => {
  it('masks it in text with its length and how to get it; --json has it', async () => {
    const jwt = await makeEngagementSsoJwt({
      version: 2,
      extraClaims: { request: { rest: { mcAccessToken: MC_ACCESS_TOKEN, mcAccessTokenExp: 1200 } } },
    });
    const text = await runMctoken(['decode', '-'], { input: jwt });
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain(MC_ACCESS_TOKEN);
    expect(text.stdout).toMatch(
      new RegExp(
        `^ {2}request\\.rest\\.mcAccessToken +••••\\(masked, ${MC_ACCESS_TOKEN.length} chars\\) \\[undocumented\\] \\[masked: --json shows it; it decodes with mctoken decode\\]$`,
        'm',
      ),
    );
    expect(text.stdout).toMatch(/^ {2}request\.rest\.refreshToken +••••\(masked, \d+ chars\)$/m);
    expect(text.stdout).toMatch(/^ {2}! This JWT carries live API tokens \(request\.rest\.mcAccessToken\)/m);
    expect(text.stdout).toContain('= 1200 s (20 min) counted from when this JWT was decoded');

    const json = JSON.parse((await runMctoken(['decode', '-', '--json'], { input: jwt })).stdout);
    const claim = json.claims.find((c: { path: string }) => c.path === 'request.rest.mcAccessToken');
    expect(claim).toMatchObject({ value: MC_ACCESS_TOKEN, documented: false, secret: 'token' });
  });
});
