// `mctoken decode` on every JWS example of RFC 7520 §4 and RFC 8037 A.4, as a child process: each serialization the RFC
// gives decodes (payload as text, no claims) and verifies with the RFC's key file; a flipped bit exits 1 as invalid.
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  RFC7520_EC_PUBLIC_JWK,
  RFC7520_HMAC_JWK,
  RFC7520_PAYLOAD_TEXT,
  RFC7520_RSA_PUBLIC_JWK,
  RFC7520_VECTORS,
  flipBit,
  serialize,
  type JwsVector,
} from '../../test/support/rfc7520-vectors';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, runMctoken } from '../test-support/run-mctoken';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

let dir = '';

beforeAll(() => {
  assertCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'mctw-cli-jws-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function keyFile(name: string, key: object): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(key));
  return path;
}

/** The example's key file: its one JWK, or a JWK set of all its keys (RFC 7520 4.8). */
function keyFileFor(vector: JwsVector, index: number): string {
  return vector.keys.length === 1 ? keyFile(`key-${index}.json`, vector.keys[0]!) : keyFile(`keys-${index}.json`, { keys: vector.keys });
}

/** Compact forms go as the argument, JSON forms on stdin (as pasted). */
function decodeArgs(text: string, extra: string[]): [string[], { input?: string }] {
  return text.startsWith('{') ? [['decode', '-', ...extra], { input: text }] : [['decode', text, ...extra], {}];
}

const cases = RFC7520_VECTORS.flatMap((vector, index) =>
  vector.forms.map((form) => [`${vector.name}, ${form}`, vector, index, form] as const),
);

describe.each(cases)('mctoken decode: %s', (_name, vector, index, form) => {
  it('decodes (kind jws, payload as text, no claims) and verifies every signature with the RFC key file (exit 0)', async () => {
    const [args, options] = decodeArgs(serialize(vector, form), ['--key-file', keyFileFor(vector, index), '--json']);
    const run = await runMctoken(args, options);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ kind: 'jws', serialization: form, payload: vector.payloadText, payloadEncoding: 'utf8', claims: [] });
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(
      vector.signatures.some((s) => s.header !== undefined) ? ['WARN_UNPROTECTED_HEADER'] : [],
    );
    expect(out.signature.status).toBe('valid');
    expect(out.signatures.map((s: { status: string }) => s.status)).toEqual(vector.signatures.map(() => 'valid'));
  });
});

describe.each(RFC7520_VECTORS.map((vector, index) => [vector.name, vector, index] as const))(
  'mctoken decode: %s with a flipped bit',
  (_name, vector, index) => {
    it('exits 1 with the signature invalid (ERR_VERIFY_SIGNATURE_INVALID)', async () => {
      const form = vector.forms[0]!;
      const [args, options] = decodeArgs(serialize({ ...vector, payload: flipBit(vector.payload) }, form), [
        '--key-file',
        keyFileFor(vector, index),
        '--json',
      ]);
      const run = await runMctoken(args, options);
      expect(run.code).toBe(1);
      const out = JSON.parse(run.stdout);
      expect(out.signature.status).toBe('invalid');
      expect(out.signatures.map((s: { code?: string }) => s.code)).toEqual(vector.signatures.map(() => 'ERR_VERIFY_SIGNATURE_INVALID'));
      expect(run.stderr).toMatch(/^error: The signature does not match: .+ \(ERR_VERIFY_SIGNATURE_INVALID\)\n$/);
    });
  },
);

describe('mctoken decode: JWS text output', () => {
  const rs256 = RFC7520_VECTORS[0]!;
  const multiple = RFC7520_VECTORS.find((v) => v.signatures.length > 1)!;

  it('shows the payload text instead of claims and says it is a JWS, not a JWT', async () => {
    const run = await runMctoken(['decode', serialize(rs256, 'compact'), '--key-file', keyFile('rsa.json', RFC7520_RSA_PUBLIC_JWK)]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['JSON Web Signature (JWS): the payload is not JSON claims, so this is not a JWT', 'kind: jws']);
    expect(run.stdout).toContain(`\nPayload (UTF-8 text)\n  ${RFC7520_PAYLOAD_TEXT}\n`);
    expect(run.stdout).not.toContain('Claims (');
    expect(lines.at(-1)).toMatch(/^Signature \(RS256\): valid, checked with the key in .+rsa\.json$/);
  });

  it('gives one line per signature of a general JWS, each with its own verdict', async () => {
    const run = await runMctoken(['decode', '-', '--key-file', keyFile('ec.json', RFC7520_EC_PUBLIC_JWK)], {
      input: serialize(multiple, 'general'),
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toBe('kind: jws, general JSON serialization');
    expect(run.stdout).toContain('Header (signature 1 of 3)\n');
    const verdicts = run.stdout.trimEnd().split('\n').slice(-3);
    expect(verdicts[0]).toMatch(
      /^Signature 1 \(kid bilbo\.baggins@hobbiton\.example\) \(RS256\): invalid: The token says RS256 but the key is an EC P-521 public key/,
    );
    expect(verdicts[1]).toMatch(
      /^Signature 2 \(kid bilbo\.baggins@hobbiton\.example\) \(ES512\): valid, checked with the key in .+ec\.json$/,
    );
    expect(verdicts[2]).toMatch(
      /^Signature 3 \(kid 018c0ae5-4d9b-471b-bfd6-eef314bc7037\) \(HS256\): invalid: The token says HS256 \(HMAC\) but the key is an EC P-521 public key: rejected/,
    );
    const secret = await runMctoken(['decode', '-', '--key-file', keyFile('oct.json', RFC7520_HMAC_JWK), '--json'], {
      input: serialize(multiple, 'general'),
    });
    expect(JSON.parse(secret.stdout).signatures.map((s: { status: string }) => s.status)).toEqual(['invalid', 'invalid', 'valid']);
  });

  it('escapes what could drive the terminal in a text payload: C1 controls, bidirectional overrides, carriage returns', async () => {
    const header = Buffer.from('{"alg":"HS256"}').toString('base64url');
    const payload = Buffer.from('ok\u009b31m red\r\u202egnp.exe\tend\nline 2').toString('base64url');
    const run = await runMctoken(['decode', `${header}.${payload}.c2ln`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\nPayload (UTF-8 text)\n  ok\\u009b31m red\\u000d\\u202egnp.exe\tend\n  line 2\n');
    expect(run.stdout).not.toMatch(/[\u009b\u202e\r]/);
  });

  it('shows a binary payload as hex, and verifies alg Ed25519 with a PEM public key', async () => {
    const ed = generateKeyPairSync('ed25519');
    const header = Buffer.from('{"alg":"Ed25519"}').toString('base64url');
    const payload = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]).toString('base64url');
    const signature = sign(null, Buffer.from(`${header}.${payload}`), ed.privateKey).toString('base64url');
    const pem = join(dir, 'ed25519.pem');
    writeFileSync(pem, ed.publicKey.export({ type: 'spki', format: 'pem' }));
    const run = await runMctoken(['decode', `${header}.${payload}.${signature}`, '--key-file', pem]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\nPayload (hex: the bytes are not text)\n  deadbeef00\n');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Signature \(Ed25519\): valid, checked with the key in /);
    const eddsa = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'EdDSA' }).sign(ed.privateKey);
    const json = JSON.parse((await runMctoken(['decode', eddsa, '--key-file', pem, '--json'])).stdout);
    expect([json.kind, json.signature]).toEqual(['generic', { alg: 'EdDSA', status: 'valid' }]);
  });
});
