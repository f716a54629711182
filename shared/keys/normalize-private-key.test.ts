import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors/workbench-error';
import { REQUEST_LIMITS } from '../limits/request-limits';
import { pemBody, testKeyPair } from '../../test/support/test-keys';
import { normalizePrivateKeyPem, type NormalizedPem } from './normalize-private-key';
import { PRIVATE_KEY_MESSAGES as M } from './private-key-errors';

const keys = testKeyPair();

/** Runs normalizePrivateKeyPem and returns the thrown WorkbenchError (fails the test if nothing or something else is thrown). */
function normalizeError(input: string): WorkbenchError {
  try {
    normalizePrivateKeyPem(input);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbenchError);
    const workbenchError = error as WorkbenchError;
    expect(workbenchError.message).not.toContain(pemBody(keys.pkcs1Pem).slice(20, 60));
    return workbenchError;
  }
  throw new Error('expected normalizePrivateKeyPem to throw');
}

function bodyLines(pem: string): string[] {
  return pem.trim().split('\n');
}

const pkcs1: NormalizedPem = { pem: keys.pkcs1Pem, format: 'pkcs1', encrypted: false };
const pkcs8: NormalizedPem = { pem: keys.pkcs8Pem, format: 'pkcs8', encrypted: false };

describe('normalizePrivateKeyPem: accepted paste variants', () => {
  it('keeps canonical PKCS#1 and PKCS#8 PEM exactly as they are', () => {
    expect(normalizePrivateKeyPem(keys.pkcs1Pem)).toEqual(pkcs1);
    expect(normalizePrivateKeyPem(keys.pkcs8Pem)).toEqual(pkcs8);
  });

  it.each<[string, (pem: string) => string]>([
    ["literal \\n escapes on one line (the docs' Python sample)", (pem) => pem.trimEnd().replace(/\n/g, '\\n')],
    ['literal \\r\\n escapes', (pem) => pem.replace(/\n/g, '\\r\\n')],
    ['doubled \\\\n escapes', (pem) => pem.replace(/\n/g, '\\\\n')],
    ['CRLF line endings', (pem) => pem.replace(/\n/g, '\r\n')],
    ['bare CR line endings', (pem) => pem.replace(/\n/g, '\r')],
    ['double quotes around it', (pem) => `"${pem}"`],
    ['single quotes around it', (pem) => `'${pem.trimEnd()}'`],
    ['a JSON string', (pem) => JSON.stringify(pem)],
    ['a JSON object holding it', (pem) => JSON.stringify({ type: 'service_account', private_key: pem }, null, 2)],
    ['a JSON string with escaped slashes', (pem) => JSON.stringify(pem).replace(/\//g, '\\/')],
    ['a Python assignment', (pem) => `private_key = "${pem.trimEnd().replace(/\n/g, '\\n')}"\n`],
    ['a Python triple-quoted string', (pem) => `key = """\n${pem}"""`],
    [
      'Python implicit string concatenation',
      (pem) =>
        `key = (\n${bodyLines(pem)
          .map((l) => `    "${l}\\n"`)
          .join('\n')}\n)`,
    ],
    [
      'stray indentation on every line',
      (pem) =>
        bodyLines(pem)
          .map((l, i) => `${' '.repeat(i % 5)}\t${l}  `)
          .join('\n'),
    ],
    ['no line breaks at all', (pem) => bodyLines(pem).join('')],
    ['spaces instead of line breaks', (pem) => bodyLines(pem).join(' ')],
    [
      'the body re-wrapped at 76 columns',
      (pem) => {
        const [head, ...rest] = bodyLines(pem);
        const foot = rest.pop()!;
        return `${head}\n${rest
          .join('')
          .match(/.{1,76}/g)!
          .join('\n')}\n${foot}\n`;
      },
    ],
    ['blank lines and spaces around it', (pem) => `\n\n   ${pem}\n\n  `],
    ['a byte-order mark and non-breaking spaces', (pem) => `\ufeff${pem.replace(/\n/g, '\u00a0\n')}`],
  ])('accepts %s', (_name, mangle) => {
    expect(normalizePrivateKeyPem(mangle(keys.pkcs1Pem))).toEqual(pkcs1);
    expect(normalizePrivateKeyPem(mangle(keys.pkcs8Pem))).toEqual(pkcs8);
  });

  it("accepts the test kit's escaped PKCS#1 sample", () => {
    expect(normalizePrivateKeyPem(keys.pkcs1Escaped)).toEqual(pkcs1);
  });

  it('accepts just the base64 body of a PKCS#1 or PKCS#8 key', () => {
    expect(normalizePrivateKeyPem(pemBody(keys.pkcs1Pem))).toEqual(pkcs1);
    expect(normalizePrivateKeyPem(`"${pemBody(keys.pkcs8Pem)}"`)).toEqual(pkcs8);
  });

  it('picks the private key out of a file that also holds a certificate', () => {
    const bundle = `-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n${keys.pkcs8Pem}`;
    expect(normalizePrivateKeyPem(bundle)).toEqual(pkcs8);
  });

  it('flags encrypted PKCS#8 without failing', () => {
    expect(normalizePrivateKeyPem(keys.pkcs8EncryptedPem)).toEqual({
      pem: keys.pkcs8EncryptedPem,
      format: 'pkcs8-encrypted',
      encrypted: true,
    });
    expect(normalizePrivateKeyPem(JSON.stringify(keys.pkcs8EncryptedPem)).pem).toBe(keys.pkcs8EncryptedPem);
  });

  it('flags legacy encrypted PKCS#1 and preserves its Proc-Type and DEK-Info headers', () => {
    const expected: NormalizedPem = { pem: keys.pkcs1EncryptedPem, format: 'pkcs1-encrypted', encrypted: true };
    expect(keys.pkcs1EncryptedPem).toMatch(
      /^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,[0-9A-F]{32}\n\n/,
    );
    expect(normalizePrivateKeyPem(keys.pkcs1EncryptedPem)).toEqual(expected);
    expect(normalizePrivateKeyPem(keys.pkcs1EncryptedPem.replace(/\n/g, '\\n'))).toEqual(expected);
    expect(normalizePrivateKeyPem(keys.pkcs1EncryptedPem.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(normalizePrivateKeyPem(bodyLines(keys.pkcs1EncryptedPem).join(''))).toEqual(expected);
    expect(normalizePrivateKeyPem(bodyLines(keys.pkcs1EncryptedPem).join(' '))).toEqual(expected);
  });
});

describe('normalizePrivateKeyPem: errors', () => {
  it.each(['', '   \n\t', '""', "''", '\\n\\n'])('ERR_KEY_EMPTY for %j', (input) => {
    expect(normalizeError(input)).toMatchObject({ code: 'ERR_KEY_EMPTY', message: M.empty });
  });

  it('ERR_KEY_PUBLIC for an SPKI or PKCS#1 public key', () => {
    expect(normalizeError(keys.publicPem)).toMatchObject({ code: 'ERR_KEY_PUBLIC', message: M.publicKey });
    expect(normalizeError(keys.pkcs1PublicPem)).toMatchObject({ code: 'ERR_KEY_PUBLIC', message: M.publicKey });
    expect(M.publicKey).toBe(
      'This is the public half of the key pair: paste the private key (-----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----).',
    );
  });

  it('ERR_KEY_PUBLIC for an OpenSSH public key line', () => {
    expect(normalizeError('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA user@host')).toMatchObject({
      code: 'ERR_KEY_PUBLIC',
      message: 'This is an OpenSSH public key (the public half): paste the private key instead.',
    });
  });

  it('ERR_KEY_CERTIFICATE for a certificate', () => {
    expect(normalizeError('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n')).toMatchObject({
      code: 'ERR_KEY_CERTIFICATE',
      message: 'This is a certificate, not a private key: paste the private key that was issued with it.',
    });
  });

  it('ERR_KEY_NOT_RSA naming an EC key (PKCS#8 and SEC1) and an Ed25519 key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const message = 'This is an EC (elliptic curve) key, not an RSA key: Marketing Cloud Intelligence needs an RSA private key.';
    expect(normalizeError(ec.export({ type: 'pkcs8', format: 'pem' }).toString())).toMatchObject({ code: 'ERR_KEY_NOT_RSA', message });
    expect(normalizeError(ec.export({ type: 'sec1', format: 'pem' }).toString())).toMatchObject({ code: 'ERR_KEY_NOT_RSA', message });
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(normalizeError(ed)).toMatchObject({
      code: 'ERR_KEY_NOT_RSA',
      message: 'This is an Ed25519 key, not an RSA key: Marketing Cloud Intelligence needs an RSA private key.',
    });
  });

  it('ERR_KEY_NOT_RSA for DSA, OpenSSH and PuTTY keys, saying which', () => {
    expect(normalizeError('-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQ\n-----END DSA PRIVATE KEY-----')).toMatchObject({
      code: 'ERR_KEY_NOT_RSA',
      message: 'This is a DSA key, not an RSA key: Marketing Cloud Intelligence needs an RSA private key.',
    });
    expect(
      normalizeError('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----'),
    ).toMatchObject({
      code: 'ERR_KEY_NOT_RSA',
      message:
        'This is an OpenSSH-format private key, which cannot be used as is: if it is an RSA key, convert it with `ssh-keygen -p -m PEM -f <file>` and paste the result.',
    });
    expect(normalizeError('PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: rsa-key\n')).toMatchObject({
      code: 'ERR_KEY_NOT_RSA',
      message:
        'This is a PuTTY (.ppk) key, which cannot be used as is: in PuTTYgen choose Conversions > Export OpenSSH key and paste the exported file.',
    });
  });

  it('ERR_KEY_MALFORMED for garbage', () => {
    expect(normalizeError('hello, this is not a key')).toMatchObject({ code: 'ERR_KEY_MALFORMED', message: M.notFound });
    expect(normalizeError('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w')).toMatchObject({
      code: 'ERR_KEY_MALFORMED',
      message: M.notFound,
    });
  });

  it('ERR_KEY_MALFORMED for broken base64', () => {
    const broken = keys.pkcs1Pem.replace(/\n(.{10})/, '\n$1*!');
    expect(normalizeError(broken)).toMatchObject({
      code: 'ERR_KEY_MALFORMED',
      message: "The key's body is not valid base64 (stray characters or a cut-off line): copy the key again, unedited.",
    });
  });

  it('ERR_KEY_MALFORMED for a truncated key (lines missing before the END line)', () => {
    const lines = bodyLines(keys.pkcs1Pem);
    const truncated = [...lines.slice(0, 10), lines[lines.length - 1]].join('\n');
    const message = 'The key is truncated or corrupted: copy it again in full, from its -----BEGIN line to its -----END line.';
    expect(normalizeError(truncated)).toMatchObject({ code: 'ERR_KEY_MALFORMED', message });
    const pkcs8Lines = bodyLines(keys.pkcs8Pem);
    expect(normalizeError([...pkcs8Lines.slice(0, 5), pkcs8Lines[pkcs8Lines.length - 1]].join('\n'))).toMatchObject({
      code: 'ERR_KEY_MALFORMED',
      message,
    });
    expect(normalizeError('-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----')).toMatchObject({
      code: 'ERR_KEY_MALFORMED',
      message,
    });
  });

  it('ERR_KEY_MALFORMED for a missing or mismatched END line', () => {
    expect(normalizeError(keys.pkcs1Pem.replace(/-----END[^\n]*\n$/, ''))).toMatchObject({
      code: 'ERR_KEY_MALFORMED',
      message: 'The key has a -----BEGIN line but no matching -----END line: copy the whole key again.',
    });
    expect(normalizeError(keys.pkcs1Pem.replace('END RSA PRIVATE KEY', 'END PRIVATE KEY'))).toMatchObject({
      code: 'ERR_KEY_MALFORMED',
      message: "The key's -----BEGIN and -----END lines do not match: copy the whole key again, unedited.",
    });
  });

  it('ERR_KEY_MALFORMED for an encrypted PKCS#1 key that lost its DEK-Info line', () => {
    expect(normalizeError(keys.pkcs1EncryptedPem.replace(/DEK-Info:[^\n]*\n/, ''))).toMatchObject({
      code: 'ERR_KEY_MALFORMED',
      message: 'This encrypted key lacks its DEK-Info line: copy the key again with all its header lines.',
    });
  });

  it('ERR_KEY_MALFORMED naming a PEM block that is not a key', () => {
    expect(normalizeError('-----BEGIN X509 CRL-----\nMIIBszCCAVmgAwIBAgIU\n-----END X509 CRL-----')).toMatchObject({
      code: 'ERR_KEY_MALFORMED',
      message: 'This is a PEM "X509 CRL" block, not a private key: paste the private key.',
    });
  });
});

describe('normalizePrivateKeyPem size cap', () => {
  it('refuses a paste over REQUEST_LIMITS.pem (16 KB) with ERR_KEY_TOO_LARGE, and takes one at the cap', () => {
    const key = testKeyPair().pkcs1Pem;
    expect(normalizePrivateKeyPem(key.padEnd(REQUEST_LIMITS.pem, ' ')).format).toBe('pkcs1');
    expect(() => normalizePrivateKeyPem(key.padEnd(REQUEST_LIMITS.pem + 1, ' '))).toThrow(
      expect.objectContaining({
        code: 'ERR_KEY_TOO_LARGE',
        message:
          'The pasted key is longer than 16 KB, far more than any RSA private key: paste only the key, from its -----BEGIN line to its -----END line.',
      }),
    );
  });
});
