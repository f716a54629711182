// A custom-activity call signed with a Salt key from Key Management: pasted as Key Management shows it (hex, with or
// without 0x) it verifies with its bytes, and the verdict says which reading of the secret was checked.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../decode/decode-token';
import { ENGAGEMENT_SIGNING_SECRET } from '../../test/support/engagement-tokens';
import { SALT_KEY_BYTES, SALT_KEY_HEX, makeActivityCall } from '../../test/support/custom-activity-calls';
import { describeSecretReading, looksLikeHexKey } from './secret-bytes';
import { VERIFY_MESSAGES } from './verify-errors';
import { verifySignature } from './verify-signature';

const saltSigned = decodeToken(makeActivityCall({ key: SALT_KEY_BYTES }));
const HEX_READING = { encoding: 'hex', bytes: 32 } as const;

describe('verifySignature: an activity call signed with a Salt key', () => {
  it.each([
    ['upper-case hex, as Key Management shows it', SALT_KEY_HEX],
    ['lower-case hex', SALT_KEY_HEX.toLowerCase()],
    ['hex with 0x', `0x${SALT_KEY_HEX}`],
    ['hex with 0X and a pasted line break', `0X${SALT_KEY_HEX}\n`],
    ['hex in groups of eight', SALT_KEY_HEX.replace(/(.{8})/g, '$1 ').trim()],
  ])('verifies %s with the key bytes', async (_what, secret) => {
    expect(await verifySignature(saltSigned, { type: 'secret', secret, encoding: 'hex' })).toEqual({
      status: 'valid',
      alg: 'HS256',
      secretKey: HEX_READING,
    });
  });

  it('refuses a wrong Salt key, saying it was read as hex', async () => {
    const wrong = randomBytes(32).toString('hex');
    expect(await verifySignature(saltSigned, { type: 'secret', secret: wrong, encoding: 'hex' })).toEqual({
      status: 'invalid',
      alg: 'HS256',
      error: { code: 'ERR_VERIFY_SIGNATURE_INVALID', message: VERIFY_MESSAGES.badSignatureSecret },
      secretKey: HEX_READING,
    });
  });

  it('read as text, the hex of a Salt key does not match, and the message says to choose hex', async () => {
    for (const secret of [SALT_KEY_HEX, `0x${SALT_KEY_HEX}`]) {
      expect(await verifySignature(saltSigned, { type: 'secret', secret })).toEqual({
        status: 'invalid',
        alg: 'HS256',
        error: { code: 'ERR_VERIFY_SIGNATURE_INVALID', message: VERIFY_MESSAGES.secretLooksHex },
        secretKey: { encoding: 'text', bytes: secret.length },
      });
    }
  });

  it('a call signed with the package JWT signing secret verifies as text, and not as hex', async () => {
    const token = decodeToken(makeActivityCall());
    expect(await verifySignature(token, { type: 'secret', secret: ENGAGEMENT_SIGNING_SECRET })).toMatchObject({ status: 'valid' });
    expect(await verifySignature(token, { type: 'secret', secret: ENGAGEMENT_SIGNING_SECRET, encoding: 'hex' })).toMatchObject({
      status: 'unchecked',
      error: { code: 'ERR_VERIFY_SECRET_ENCODING' },
    });
  });

  it('names the reading that was checked', () => {
    expect(describeSecretReading({ encoding: 'hex', bytes: 32 })).toBe(
      'the 32 bytes the hexadecimal decodes to (0x and spaces ignored), as a Salt key from Key Management is used',
    );
    expect(describeSecretReading({ encoding: 'text', bytes: 1 })).toBe(
      "the secret read as text: its 1 byte of UTF-8, as the package's JWT signing secret is used",
    );
    expect(describeSecretReading({ encoding: 'base64', bytes: 64 })).toBe('the 64 bytes the base64 decodes to');
  });

  it('tells hex-looking secrets (32 or more even digits, 0x optional) from others', () => {
    expect(looksLikeHexKey(SALT_KEY_HEX)).toBe(true);
    expect(looksLikeHexKey(`0x${SALT_KEY_HEX.toLowerCase()}`)).toBe(true);
    expect(looksLikeHexKey(SALT_KEY_HEX.slice(1))).toBe(false);
    expect(looksLikeHexKey('abcdef0123')).toBe(false);
    expect(looksLikeHexKey(ENGAGEMENT_SIGNING_SECRET)).toBe(false);
  });
});
