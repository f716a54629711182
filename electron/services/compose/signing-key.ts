// The key a token is signed with, from what the user gave: a secret (text, base64 or hex), a pasted private key (RSA
// through the app's own key loading; EC and Ed25519 read by Node), or a saved profile's secret or key, which is read from the
// keychain here and never leaves the main process. The key must fit the algorithm: the algorithm is never taken from the key.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { importPKCS8 } from 'jose';
import { EC_ALGORITHM_FOR_CURVE, keyKindOf, type ComposeAlgorithm } from '../../../shared/compose/compose-algorithms';
import { COMPOSE_MESSAGES, composeError } from '../../../shared/compose/compose-errors';
import type { ComposeKeySource } from '../../../shared/compose/compose-types';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { REQUEST_LIMITS } from '../../../shared/limits/request-limits';
import { tryBase64ToBytes } from '../../../shared/keys/base64';
import { spkiFingerprint } from '../../../shared/keys/key-fingerprint';
import type { KeyDecryptor } from '../../../shared/keys/key-info';
import { checkKeyIterations } from '../../../shared/keys/key-iterations';
import { loadPrivateKey } from '../../../shared/keys/load-private-key';
import { unescapePastedText } from '../../../shared/keys/pasted-text';
import { findPemBlocks, formatPem } from '../../../shared/keys/pem-blocks';
import { PRIVATE_KEY_MESSAGES as M, keyError } from '../../../shared/keys/private-key-errors';
import { secretBytes } from '../../../shared/verify/secret-bytes';
import type { Profile } from '../../../shared/profiles/profile';
import type { SecretEncoding } from '../../../shared/verify/verification';

/** What signing needs of the profile service: the profile, its signing secret, and its private key imported for an algorithm. */
export interface SigningProfiles {
  get(id: string): Promise<Profile>;
  getSigningSecret(id: string): Promise<{ secret: string; encoding: SecretEncoding }>;
  privateKeyFor(id: string, alg: string): Promise<CryptoKey>;
}

/** A key ready for jose, and what to tell the user about it (never the key). */
export interface SigningKey {
  key: Uint8Array | CryptoKey | KeyObject;
  description: string;
}

const ENCODING_WORDS: Readonly<Record<SecretEncoding, string>> = { text: 'as text (UTF-8)', base64: 'as base64', hex: 'as hex' };

/** Node's curve names for the JOSE ones. */
const NODE_CURVES: Readonly<Record<string, string>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

const mismatch = (alg: ComposeAlgorithm, what: string): WorkbenchError =>
  composeError('ERR_COMPOSE_KEY_MISMATCH', COMPOSE_MESSAGES.keyMismatch(alg, what));

function secretKey(secret: string, encoding: SecretEncoding, whose: string): SigningKey {
  const bytes = secretBytes(secret, encoding);
  return { key: bytes, description: `${whose} ${ENCODING_WORDS[encoding]} (${bytes.length} bytes)` };
}

/** An RSA key through loadPrivateKey (every pasted shape, PKCS#1, encrypted keys in the worker), imported for this algorithm. */
async function rsaKey(pem: string, passphrase: string | undefined, alg: ComposeAlgorithm, decryptor: KeyDecryptor): Promise<SigningKey> {
  let loaded;
  try {
    loaded = await loadPrivateKey(pem, { decryptor, ...(passphrase === undefined ? {} : { passphrase }) });
  } catch (error) {
    if (error instanceof WorkbenchError && error.code === 'ERR_KEY_NOT_RSA') throw mismatch(alg, 'this key (it is not an RSA key)');
    throw error;
  }
  const key = await importPKCS8(loaded.pkcs8Pem, alg);
  return { key, description: `RSA ${loaded.info.bits}-bit private key ${loaded.info.fingerprint}` };
}

/** An EC or Ed25519 private key: its PEM block found as pasted, decrypted in the worker when encrypted, read by Node. */
async function curveKey(pem: string, passphrase: string | undefined, alg: ComposeAlgorithm, decryptor: KeyDecryptor): Promise<SigningKey> {
  const block = findPemBlocks(unescapePastedText(pem)).find((b) => b.label.includes('PRIVATE KEY'));
  if (block === undefined) throw keyError('ERR_KEY_MALFORMED', M.notFound);
  if (block.problem !== null) throw keyError('ERR_KEY_MALFORMED', block.problem === 'no-end' ? M.noEnd : M.endMismatch);
  const der = tryBase64ToBytes(block.body);
  if (der === null || der.length === 0) throw keyError('ERR_KEY_MALFORMED', M.badBase64);
  let text = formatPem(block.label, der, block.headers);
  const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || block.headers.some((h) => h.value.endsWith(',ENCRYPTED'));
  if (encrypted) {
    if (block.label === 'ENCRYPTED PRIVATE KEY') checkKeyIterations(der);
    if (passphrase === undefined || passphrase === '') throw keyError('ERR_KEY_ENCRYPTED', M.encryptedNoPassphrase);
    text = await decryptor.decrypt(text, passphrase);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem' });
  } catch {
    throw keyError('ERR_KEY_MALFORMED', M.badDer);
  }
  const fingerprint = await spkiFingerprint(new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' })));
  if (key.asymmetricKeyType === 'ed25519') {
    if (alg !== 'EdDSA') throw mismatch(alg, 'an Ed25519 key (it signs EdDSA)');
    return { key, description: `Ed25519 private key ${fingerprint}` };
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = NODE_CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
    const fits = curve === undefined ? undefined : EC_ALGORITHM_FOR_CURVE[curve];
    if (fits !== alg) throw mismatch(alg, `an EC key on ${curve ?? 'another curve'}${fits === undefined ? '' : ` (it signs ${fits})`}`);
    return { key, description: `EC ${curve} private key ${fingerprint}` };
  }
  throw mismatch(alg, `${key.asymmetricKeyType === 'rsa' ? 'an RSA' : 'this'} key`);
}

/** A saved profile's secret (HS*) or private key (RS*, PS*), read from the keychain here; its description names the profile. */
async function profileKey(profiles: SigningProfiles, profileId: string, alg: ComposeAlgorithm): Promise<SigningKey> {
  const profile = await profiles.get(profileId);
  const kind = keyKindOf(alg);
  if (kind === 'secret') {
    const { secret, encoding } = await profiles.getSigningSecret(profileId);
    return secretKey(secret, encoding, `the JWT signing secret of profile "${profile.name}"`);
  }
  if (kind !== 'rsa' || profile.product !== 'intelligence') {
    throw mismatch(
      alg,
      `profile "${profile.name}" (it stores ${profile.product === 'intelligence' ? 'an RSA private key' : 'a JWT signing secret'})`,
    );
  }
  const key = await profiles.privateKeyFor(profileId, alg);
  const fingerprint = profile.keyInfo === null ? '' : ` ${profile.keyInfo.fingerprint}`;
  return { key, description: `the RSA private key of profile "${profile.name}"${fingerprint}` };
}

/** The key for this algorithm from the user's source; throws ERR_COMPOSE_KEY_MISMATCH, ERR_VERIFY_SECRET_*, ERR_KEY_*, ERR_PROFILE_*. */
export async function signingKey(
  source: ComposeKeySource,
  alg: ComposeAlgorithm,
  deps: { profiles: SigningProfiles; decryptor: KeyDecryptor },
): Promise<SigningKey> {
  const kind = keyKindOf(alg);
  if (source.type === 'profile') return profileKey(deps.profiles, source.profileId, alg);
  if (source.type === 'secret') {
    if (kind !== 'secret') throw mismatch(alg, 'a shared secret (HS256, HS384 and HS512 do)');
    return secretKey(source.secret, source.encoding, 'the secret');
  }
  if (kind === 'secret') throw mismatch(alg, 'a private key (it signs with a shared secret)');
  if (source.pem.length > REQUEST_LIMITS.pem) throw new WorkbenchError('ERR_KEY_TOO_LARGE', M.tooLarge);
  return kind === 'rsa'
    ? rsaKey(source.pem, source.passphrase, alg, deps.decryptor)
    : curveKey(source.pem, source.passphrase, alg, deps.decryptor);
}
