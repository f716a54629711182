import { describe, expect, it } from 'vitest';
import { maskSecrets, MIN_MASKED_SECRET_LENGTH, secretMask } from './mask-secrets';

describe('maskSecrets', () => {
  it('masks every echo of a secret with its true length', () => {
    const secret = 'abcde';
    expect(maskSecrets(`bad client abcde (abcde)`, [secret])).toBe(`bad client ${secretMask(5)} (${secretMask(5)})`);
    expect(secretMask(15)).toContain('15 chars');
  });

  it('masks the JSON-escaped and URL-encoded forms of a secret', () => {
    const secret = 'p"a/s s\\w';
    const body = `{"error_description":${JSON.stringify(`unknown ${secret}`)}} ?s=${encodeURIComponent(secret)}`;
    const masked = maskSecrets(body, [secret]);
    expect(masked).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(masked).not.toContain(encodeURIComponent(secret));
    expect(masked.split(secretMask(secret.length))).toHaveLength(3);
  });

  it('masks a secret that contains another one whole', () => {
    expect(maskSecrets('xx-long-secret-xx', ['long', 'xx-long-secret-xx'])).toBe(secretMask(17));
  });

  it('ignores empty, missing and very short values, and leaves other text alone', () => {
    const short = 'a'.repeat(MIN_MASKED_SECRET_LENGTH - 1);
    expect(maskSecrets(`a ${short} b`, ['', null, undefined, short])).toBe(`a ${short} b`);
    expect(maskSecrets('nothing to hide', ['s3cr3t-value'])).toBe('nothing to hide');
  });
});
