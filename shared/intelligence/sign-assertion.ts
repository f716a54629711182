// Signs a client assertion RS256 with the private key (a CryptoKey: the PEM never reaches this code).
import { SignJWT } from 'jose';
import { WorkbenchError } from '../errors/workbench-error';
import type { AssertionClaims, AssertionHeader } from './assertion-claims';

function checkSigningKey(key: CryptoKey): void {
  if (key.type !== 'private') {
    throw new WorkbenchError(
      'ERR_KEY_PUBLIC',
      'This is a public key: sign with the RSA private key Intelligence generated for the service account.',
    );
  }
  const algorithm = key.algorithm as { name?: string; hash?: { name?: string } };
  if (algorithm.name !== 'RSASSA-PKCS1-v1_5' || algorithm.hash?.name !== 'SHA-256' || !key.usages.includes('sign')) {
    throw new WorkbenchError(
      'ERR_KEY_NOT_RSA',
      'This key cannot sign RS256 assertions: load the RSA private key Intelligence generated for the service account.',
    );
  }
}

/** Signs the claims as a compact JWS with the given header (alg RS256, typ JWT); throws ERR_KEY_PUBLIC or ERR_KEY_NOT_RSA for an unusable key. */
export async function signAssertion(header: AssertionHeader, claims: AssertionClaims, key: CryptoKey): Promise<string> {
  checkSigningKey(key);
  return new SignJWT({ ...claims }).setProtectedHeader({ ...header }).sign(key);
}
