import { Buffer } from 'node:buffer';
import { createHmac, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../decode/decode-token';
import { ENGAGEMENT_SIGNING_SECRET, makeEngagementAccessToken, makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { verifySignature } from './verify-signature';
import { VERIFY_MESSAGES } from './verify-errors';

const BAD_SECRET = {
  code: 'ERR_VERIFY_SIGNATURE_INVALID',
  message: 'The signature does not match: the secret is wrong (check its encoding: text, base64 or hex) or the token was altered.',
};

const TEXT_SECRET = { encoding: 'text', bytes: ENGAGEMENT_SIGNING_SECRET.length } as const;

async function hmacJwt(
  alg: 'HS256' | 'HS384' | 'HS512',
  key: Uint8Array,
  claims: Record<string, unknown> = { sub: 'user-1' },
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

function withPayload(jwt: string, claims: Record<string, unknown>): string {
  const [header, , signature] = jwt.split('.');
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('verifySignature: HMAC secrets', () => {
  it('accepts an App Center SSO JWT (claims v1 and v2) with the text signing secret', async () => {
    for (const version of [1, 2] as const) {
      const token = decodeToken(await makeEngagementSsoJwt({ version }));
      expect(await verifySignature(token, { type: 'secret', secret: ENGAGEMENT_SIGNING_SECRET })).toEqual({
        status: 'valid',
        alg: 'HS256',
        secretKey: TEXT_SECRET,
      });
      expect(await verifySignature(token, { type: 'secret', secret: ENGAGEMENT_SIGNING_SECRET, encoding: 'text' })).toEqual({
        status: 'valid',
        alg: 'HS256',
        secretKey: TEXT_SECRET,
      });
    }
  });

  it('does not check expiry: an expired token still has a valid signature', async () => {
    const token = decodeToken(await makeEngagementSsoJwt({ version: 2, expiresInSeconds: -3600 }));
    expect(await verifySignature(token, { type: 'secret', secret: ENGAGEMENT_SIGNING_SECRET })).toEqual({
      status: 'valid',
      alg: 'HS256',
      secretKey: TEXT_SECRET,
    });
  });

  it('rejects a wrong secret without echoing it', async () => {
    const token = decodeToken(await makeEngagementSsoJwt({ version: 2 }));
    const result = await verifySignature(token, { type: 'secret', secret: 'not-the-signing-secret' });
    expect(result).toEqual({ status: 'invalid', alg: 'HS256', error: BAD_SECRET, secretKey: { encoding: 'text', bytes: 22 } });
    expect(JSON.stringify(result)).not.toContain('not-the-signing-secret');
  });

  it('rejects a tampered payload and a tampered signature', async () => {
    const jwt = await makeEngagementSsoJwt({ version: 2 });
    const key = { type: 'secret', secret: ENGAGEMENT_SIGNING_SECRET } as const;
    const payload = decodeToken(jwt).payload;
    const forged = decodeToken(
      withPayload(jwt, { ...payload, request: { ...(payload.request as object), user: { id: 1, email: 'attacker@example.com' } } }),
    );
    expect(await verifySignature(forged, key)).toEqual({ status: 'invalid', alg: 'HS256', error: BAD_SECRET, secretKey: TEXT_SECRET });
    const signature = jwt.split('.')[2]!;
    const flipped = `${jwt.slice(0, jwt.length - signature.length)}${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await verifySignature(decodeToken(flipped), key)).toEqual({
      status: 'invalid',
      alg: 'HS256',
      error: BAD_SECRET,
      secretKey: TEXT_SECRET,
    });
  });

  it('verifies HS384 and HS512 with the same secret (the family follows the token, the key only allows HMAC)', async () => {
    const key = randomBytes(64);
    for (const alg of ['HS384', 'HS512'] as const) {
      const token = decodeToken(await hmacJwt(alg, key));
      expect(await verifySignature(token, { type: 'secret', secret: key.toString('base64'), encoding: 'base64' })).toEqual({
        status: 'valid',
        alg,
        secretKey: { encoding: 'base64', bytes: 64 },
      });
    }
  });

  it('decodes base64 (standard and URL-safe) and hex secrets', async () => {
    const key = randomBytes(32);
    const token = decodeToken(await hmacJwt('HS256', key));
    for (const [secret, encoding] of [
      [key.toString('base64'), 'base64'],
      [key.toString('base64url'), 'base64'],
      [key.toString('hex'), 'hex'],
      [key.toString('hex').toUpperCase(), 'hex'],
    ] as const) {
      expect(await verifySignature(token, { type: 'secret', secret, encoding })).toEqual({
        status: 'valid',
        alg: 'HS256',
        secretKey: { encoding, bytes: 32 },
      });
    }
    expect(await verifySignature(token, { type: 'secret', secret: key.toString('base64') })).toEqual({
      status: 'invalid',
      alg: 'HS256',
      error: BAD_SECRET,
      secretKey: { encoding: 'text', bytes: 44 },
    });
  });

  it('leaves the signature unchecked when the secret is empty or badly encoded', async () => {
    const token = decodeToken(await makeEngagementSsoJwt({ version: 2 }));
    expect(await verifySignature(token, { type: 'secret', secret: '  ' })).toEqual({
      status: 'unchecked',
      alg: 'HS256',
      error: { code: 'ERR_VERIFY_SECRET_EMPTY', message: VERIFY_MESSAGES.secretEmpty },
    });
    expect(await verifySignature(token, { type: 'secret', secret: 'xyz!', encoding: 'hex' })).toEqual({
      status: 'unchecked',
      alg: 'HS256',
      error: {
        code: 'ERR_VERIFY_SECRET_ENCODING',
        message: 'The secret is not valid hex (0-9, a-f, an even number of digits): check it, or choose the text encoding.',
      },
    });
    expect(await verifySignature(token, { type: 'secret', secret: 'a*b', encoding: 'base64' })).toMatchObject({
      status: 'unchecked',
      error: { code: 'ERR_VERIFY_SECRET_ENCODING', message: 'The secret is not valid base64: check it, or choose the text encoding.' },
    });
  });

  it('verifies with a one-character secret (no minimum length is imposed on verification)', async () => {
    const token = decodeToken(await hmacJwt('HS256', new TextEncoder().encode('x')));
    expect(await verifySignature(token, { type: 'secret', secret: 'x' })).toEqual({
      status: 'valid',
      alg: 'HS256',
      secretKey: { encoding: 'text', bytes: 1 },
    });
  });

  it('returns unchecked without an error when no key is given', async () => {
    const token = decodeToken(await makeEngagementSsoJwt({ version: 2 }));
    expect(await verifySignature(token, null)).toEqual({ status: 'unchecked', alg: 'HS256' });
  });

  it('verifies the first three segments of a four-segment Engagement access token', async () => {
    const key = randomBytes(32);
    const jws = await new SignJWT({ access_token: 'opaque', client_id: 'abc', eid: 514001234, stack_key: 'S7' })
      .setProtectedHeader({ alg: 'HS256', kid: '4', ver: '1', typ: 'JWT' })
      .sign(key);
    const token = decodeToken(`${jws}.${randomBytes(24).toString('base64url')}`);
    expect(token.kind).toBe('engagement-access-token');
    const secret = { type: 'secret', secret: key.toString('hex'), encoding: 'hex' } as const;
    const reading = { encoding: 'hex', bytes: 32 } as const;
    expect(await verifySignature(token, secret)).toEqual({ status: 'valid', alg: 'HS256', secretKey: reading });
    const unknownKeyToken = decodeToken(makeEngagementAccessToken());
    expect(await verifySignature(unknownKeyToken, secret)).toEqual({
      status: 'invalid',
      alg: 'HS256',
      error: BAD_SECRET,
      secretKey: reading,
    });
  });

  it('refuses a JWS with an unknown critical header instead of calling it valid', async () => {
    const key = randomBytes(32);
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', crit: ['x-custom'], 'x-custom': true })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x' })).toString('base64url');
    const jwt = `${header}.${payload}.${createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url')}`;
    expect(await verifySignature(decodeToken(jwt), { type: 'secret', secret: key.toString('hex'), encoding: 'hex' })).toEqual({
      status: 'invalid',
      alg: 'HS256',
      error: { code: 'ERR_VERIFY_SIGNATURE_INVALID', message: VERIFY_MESSAGES.malformedJws },
    });
  });
});
