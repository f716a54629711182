/** The PEM shapes users paste. */
export type PrivateKeyFormat = 'pkcs1' | 'pkcs8' | 'pkcs1-encrypted' | 'pkcs8-encrypted';

/** What can be shown about a private key without showing the key. */
export interface KeyInfo {
  type: 'RSA';
  /** Modulus size in bits, e.g. 2048. */
  bits: number;
  /** `SHA256:` + unpadded base64 of the SHA-256 of the public key's SPKI DER (as OpenSSH shows it). */
  fingerprint: string;
  /** The format it was pasted in. */
  format: PrivateKeyFormat;
}

/** Decrypts an encrypted PEM with its passphrase into an unencrypted PKCS#8 PEM. Node provides one (electron/services). */
export interface KeyDecryptor {
  decrypt(pem: string, passphrase: string): Promise<string>;
}
