// Test RSA keys in every shape users paste. Generated once per process with Node's crypto
// (never committed), so no real key ever lives in the repository.
import { generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';

/** One generated RSA key pair and its PEM renderings. */
export interface TestKeyPair {
  /** PKCS#1 `BEGIN RSA PRIVATE KEY`, as Intelligence hands it out. */
  pkcs1Pem: string;
  /** PKCS#8 `BEGIN PRIVATE KEY`. */
  pkcs8Pem: string;
  /** PKCS#1 pasted as one line with literal `\n` escapes, as in the docs' Python sample. */
  pkcs1Escaped: string;
  /** PKCS#8 encrypted with `passphrase` (`BEGIN ENCRYPTED PRIVATE KEY`). */
  pkcs8EncryptedPem: string;
  /** PKCS#1 encrypted the legacy OpenSSL way (`Proc-Type: 4,ENCRYPTED`). */
  pkcs1EncryptedPem: string;
  /** The passphrase of both encrypted forms. */
  passphrase: string;
  /** SPKI `BEGIN PUBLIC KEY`. */
  publicPem: string;
  /** PKCS#1 `BEGIN RSA PUBLIC KEY`. */
  pkcs1PublicPem: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const cache = new Map<string, TestKeyPair>();

/** Returns a generated RSA key pair (cached per name and size for the life of the process). */
export function testKeyPair(name = 'default', modulusLength = 2048): TestKeyPair {
  const cacheKey = `${name}/${modulusLength}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const passphrase = 'correct horse battery staple';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength, publicExponent: 0x10001 });
  const pkcs1Pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const pair: TestKeyPair = {
    pkcs1Pem,
    pkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    pkcs1Escaped: pkcs1Pem.trimEnd().replace(/\n/g, '\\n'),
    pkcs8EncryptedPem: privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString(),
    pkcs1EncryptedPem: privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString(),
    passphrase,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    pkcs1PublicPem: createPublicKey(privateKey).export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey,
    privateKey,
  };
  cache.set(cacheKey, pair);
  return pair;
}

/** The base64 body of a PEM (what a leak scan looks for), without header, footer or line breaks. */
export function pemBody(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}
