import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors/workbench-error';
import { secretBytes } from './secret-bytes';

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function secretError(secret: string, encoding?: 'text' | 'base64' | 'hex'): WorkbenchError {
  try {
    secretBytes(secret, encoding);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbenchError);
    return error as WorkbenchError;
  }
  throw new Error('expected secretBytes to throw');
}

describe('secretBytes', () => {
  const raw = randomBytes(33);

  it('treats text as UTF-8 by default and ignores a pasted trailing line break', () => {
    expect(hex(secretBytes('héllo'))).toBe(Buffer.from('héllo', 'utf8').toString('hex'));
    expect(hex(secretBytes('  s3cret\n'))).toBe(Buffer.from('s3cret').toString('hex'));
  });

  it('decodes standard and URL-safe base64, padded or not, with line breaks', () => {
    const std = raw.toString('base64');
    const bytes = randomBytes(31);
    expect(hex(secretBytes(std, 'base64'))).toBe(raw.toString('hex'));
    expect(hex(secretBytes(bytes.toString('base64url'), 'base64'))).toBe(bytes.toString('hex'));
    expect(hex(secretBytes(bytes.toString('base64'), 'base64'))).toBe(bytes.toString('hex'));
    expect(hex(secretBytes(`${std.slice(0, 20)}\n${std.slice(20)}\n`, 'base64'))).toBe(raw.toString('hex'));
  });

  it('decodes hex in either case, with an optional 0x prefix', () => {
    expect(hex(secretBytes(raw.toString('hex').toUpperCase(), 'hex'))).toBe(raw.toString('hex'));
    expect(hex(secretBytes(`0x${raw.toString('hex')}`, 'hex'))).toBe(raw.toString('hex'));
  });

  it('rejects an empty secret with ERR_VERIFY_SECRET_EMPTY', () => {
    const message = "The signing secret is empty: paste the secret (for Engagement SSO, the package's JWT signing secret).";
    for (const [secret, encoding] of [
      ['', 'text'],
      [' \n', 'text'],
      ['', 'base64'],
      ['0x', 'hex'],
    ] as const) {
      expect(secretError(secret, encoding)).toMatchObject({ code: 'ERR_VERIFY_SECRET_EMPTY', message });
    }
  });

  it('rejects badly encoded secrets with ERR_VERIFY_SECRET_ENCODING', () => {
    const base64Message = 'The secret is not valid base64: check it, or choose the text encoding.';
    const hexMessage = 'The secret is not valid hex (0-9, a-f, an even number of digits): check it, or choose the text encoding.';
    for (const bad of ['not base64!', 'abcde', 'ab+c-d', '==ab', '=='])
      expect(secretError(bad, 'base64')).toMatchObject({ code: 'ERR_VERIFY_SECRET_ENCODING', message: base64Message });
    for (const bad of ['abc', 'zz', '0xg1'])
      expect(secretError(bad, 'hex')).toMatchObject({ code: 'ERR_VERIFY_SECRET_ENCODING', message: hexMessage });
  });
});
