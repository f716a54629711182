// Turns a pasted PEM (public key, PKCS#1 public key, certificate, or a private key's public half) into key material.
import { importSPKI, importX509 } from 'jose';
import { WorkbenchError } from '../errors/workbench-error';
import { tryBase64ToBytes } from '../keys/base64';
import { certificateSpki } from '../keys/certificate-spki';
import { DerError } from '../keys/der';
import { readEcPrivateKey } from '../keys/ec-der';
import { EC_CURVES, OID_EC_PUBLIC_KEY, OID_ED25519, OID_RSA_ENCRYPTION, keyAlgorithmPhrase } from '../keys/key-algorithm-oids';
import { unescapePastedText } from '../keys/pasted-text';
import { findPemBlocks, formatPem, type PemBlock } from '../keys/pem-blocks';
import { readPrivateKeyInfo } from '../keys/private-key-info';
import { readPkcs1PrivateKey, readPkcs1PublicKey, rsaSpki } from '../keys/rsa-der';
import { ecSpki, readSpkiAlgorithm } from '../keys/subject-public-key-info';
import type { KeyMaterial } from './key-material';
import { VERIFY_MESSAGES as M, unusablePemError, verifyError } from './verify-errors';

const USABLE_LABELS = [
  'PUBLIC KEY',
  'RSA PUBLIC KEY',
  'CERTIFICATE',
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
];

/** Key material from SPKI DER; `importFor` imports it for one algorithm (through the certificate when there is one). */
function spkiMaterial(spki: Uint8Array, importFor: (alg: string) => Promise<CryptoKey>, from: string): KeyMaterial {
  const { algorithmOid, parameterOid } = readSpkiAlgorithm(spki);
  if (algorithmOid === OID_RSA_ENCRYPTION) return { kind: 'rsa', description: `an RSA public key${from}`, importFor };
  const curve = algorithmOid === OID_EC_PUBLIC_KEY && parameterOid !== null ? EC_CURVES[parameterOid] : undefined;
  if (curve !== undefined) return { kind: 'ec', curve, description: `an EC ${curve} public key${from}`, importFor };
  if (algorithmOid === OID_ED25519) return { kind: 'ed25519', description: `an Ed25519 public key${from}`, importFor };
  return { kind: 'other', description: `${keyAlgorithmPhrase(algorithmOid)}${from}` };
}

function plainSpkiMaterial(spki: Uint8Array, from = ''): KeyMaterial {
  const pem = formatPem('PUBLIC KEY', spki);
  return spkiMaterial(spki, (alg) => importSPKI(pem, alg), from);
}

function ecPrivateKeyMaterial(sec1: Uint8Array, curveOidFromPkcs8: string | null): KeyMaterial {
  const { curveOid, publicKey } = readEcPrivateKey(sec1);
  const curve = curveOidFromPkcs8 ?? curveOid;
  if (curve === null || publicKey === null) throw verifyError('ERR_VERIFY_KEY_INVALID', M.ecPrivateKeyWithoutPublic);
  return plainSpkiMaterial(ecSpki(curve, publicKey), ' (from the private key)');
}

function blockMaterial(block: PemBlock): KeyMaterial {
  if (block.problem !== null) throw verifyError('ERR_VERIFY_KEY_INVALID', M.keyDamaged);
  const encrypted =
    block.label === 'ENCRYPTED PRIVATE KEY' || block.headers.some((h) => h.name === 'Proc-Type' && h.value.endsWith(',ENCRYPTED'));
  if (encrypted) throw verifyError('ERR_VERIFY_KEY_INVALID', M.encryptedPrivateKey);
  if (!USABLE_LABELS.includes(block.label)) throw unusablePemError(block.label);
  const der = tryBase64ToBytes(block.body);
  if (der === null || der.length === 0) throw verifyError('ERR_VERIFY_KEY_INVALID', M.keyDamaged);
  switch (block.label) {
    case 'PUBLIC KEY':
      return plainSpkiMaterial(der);
    case 'RSA PUBLIC KEY':
      return plainSpkiMaterial(rsaSpki(readPkcs1PublicKey(der)));
    case 'CERTIFICATE': {
      const pem = formatPem('CERTIFICATE', der);
      return spkiMaterial(certificateSpki(der), (alg) => importX509(pem, alg), ' (from the certificate)');
    }
    case 'RSA PRIVATE KEY':
      return plainSpkiMaterial(rsaSpki(readPkcs1PrivateKey(der)), ' (from the private key)');
    case 'EC PRIVATE KEY':
      return ecPrivateKeyMaterial(der, null);
    default: {
      const info = readPrivateKeyInfo(der);
      if (info.algorithmOid === OID_RSA_ENCRYPTION)
        return plainSpkiMaterial(rsaSpki(readPkcs1PrivateKey(info.privateKey)), ' (from the private key)');
      if (info.algorithmOid === OID_EC_PUBLIC_KEY) return ecPrivateKeyMaterial(info.privateKey, info.parameterOid);
      if (info.algorithmOid === OID_ED25519) throw verifyError('ERR_VERIFY_KEY_INVALID', M.ed25519PrivateKey);
      return { kind: 'other', description: `${keyAlgorithmPhrase(info.algorithmOid)} (private)` };
    }
  }
}

/** Key material from pasted PEM: an SPKI public key, a PKCS#1 RSA public key, an X.509 certificate, or an unencrypted private key (its public half is used). Pasting quirks (escapes, quotes, one line) are tolerated. Throws ERR_VERIFY_KEY_INVALID. */
export function pemKeyMaterial(pem: string): KeyMaterial {
  const blocks = findPemBlocks(pem);
  const block = blocks.find((b) => USABLE_LABELS.includes(b.label)) ?? blocks[0];
  if (block === undefined) {
    const text = unescapePastedText(pem);
    if (/(^|\s)(ssh-(rsa|dss|ed25519)|ecdsa-sha2-\S+)\s+AAAA/.test(text)) throw verifyError('ERR_VERIFY_KEY_INVALID', M.sshPublicKey);
    throw verifyError('ERR_VERIFY_KEY_INVALID', M.noKeyFound);
  }
  try {
    return blockMaterial(block);
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    if (error instanceof DerError) throw verifyError('ERR_VERIFY_KEY_INVALID', M.keyDamaged);
    throw error;
  }
}
