import { describe, expect, it } from 'vitest';
import { checkClientId } from './client-id';

describe('checkClientId', () => {
  it.each([
    ['0oa1b2c3d4e5f6g7h8i9', '0oa1b2c3d4e5f6g7h8i9'],
    ['  svc-account@example.com\n', 'svc-account@example.com'],
    ['\t3f2504e0-4f89-11d3-9a0c-0305e82c3301 ', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
  ])('accepts %j as %j (trimmed)', (input, expected) => {
    expect(checkClientId(input)).toBe(expected);
  });

  it.each(['', '   ', '\n\t'])('refuses an empty client id %j', (input) => {
    expect(() => checkClientId(input)).toThrow(
      expect.objectContaining({
        code: 'ERR_CLIENT_ID_INVALID',
        message: 'The client id is empty: paste the service account id shown when the API token was generated in Intelligence.',
      }),
    );
  });

  it.each(['abc def', 'abc\ndef', 'abc\tdef', 'abc\u0000def', 'abc\u007fdef', 'abc\u200bdef', 'abc\u00a0def'])(
    'refuses whitespace or control characters inside: %j',
    (input) => {
      expect(() => checkClientId(input)).toThrow(
        expect.objectContaining({
          code: 'ERR_CLIENT_ID_INVALID',
          message: 'The client id contains spaces, line breaks or control characters: paste only the service account id.',
        }),
      );
    },
  );

  it('refuses an absurdly long client id (a key pasted in the wrong field)', () => {
    expect(() => checkClientId('a'.repeat(257))).toThrow(
      expect.objectContaining({
        code: 'ERR_CLIENT_ID_INVALID',
        message: 'The client id is longer than 256 characters: paste only the service account id.',
      }),
    );
    expect(checkClientId('a'.repeat(256))).toHaveLength(256);
  });
});
