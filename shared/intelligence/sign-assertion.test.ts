import { generateKeyPair, importPKCS8, importSPKI, jwtVerify, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { testKeyPair } from '../../test/support/test-keys';
import { ASSERTION_HEADER, buildAssertionClaims } from './assertion-claims';
import { signAssertion } from './sign-assertion';

const claims = buildAssertionClaims('sa-1', Date.now(), () => crypto.randomUUID());

describe('signAssertion', () => {
  it('signs RS256 with header {alg: RS256, typ: JWT}, verifiable with the public key, claims unchanged', async () => {
    const pair = testKeyPair();
    const compact = await signAssertion({ ...ASSERTION_HEADER }, claims, await importPKCS8(pair.pkcs8Pem, 'RS256'));
    expect(compact.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(compact)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const { payload } = await jwtVerify(compact, await importSPKI(pair.publicPem, 'RS256'), { algorithms: ['RS256'] });
    expect(payload).toEqual(claims);
  });

  it('does not verify with another key', async () => {
    const compact = await signAssertion({ ...ASSERTION_HEADER }, claims, await importPKCS8(testKeyPair().pkcs8Pem, 'RS256'));
    const other = await importSPKI(testKeyPair('other').publicPem, 'RS256');
    await expect(jwtVerify(compact, other)).rejects.toThrow(/signature verification failed/);
  });

  it('refuses a public key with ERR_KEY_PUBLIC', async () => {
    const publicKey = await importSPKI(testKeyPair().publicPem, 'RS256');
    await expect(signAssertion({ ...ASSERTION_HEADER }, claims, publicKey)).rejects.toMatchObject({
      code: 'ERR_KEY_PUBLIC',
      message: 'This is a public key: sign with the RSA private key Intelligence generated for the service account.',
    });
  });

  it.each([['ES256'], ['PS256']] as const)('refuses a %s private key with ERR_KEY_NOT_RSA', async (alg) => {
    const { privateKey } = await generateKeyPair(alg);
    await expect(signAssertion({ ...ASSERTION_HEADER }, claims, privateKey)).rejects.toMatchObject({
      code: 'ERR_KEY_NOT_RSA',
      message: 'This key cannot sign RS256 assertions: load the RSA private key Intelligence generated for the service account.',
    });
  });
});
