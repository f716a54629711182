import { describe, expect, it } from 'vitest';
import type { TokenKind } from '../../decode/token-kind';
import { interpretAlg } from './jose-algorithm';

const read = (alg: unknown, kind: TokenKind = 'generic') => interpretAlg(alg, { now: 0, kind, header: { alg }, payload: {} });

describe('interpretAlg', () => {
  it('names the signature family', () => {
    expect(read('HS256')).toBe('HMAC with SHA-256: signed and checked with one shared secret');
    expect(read('RS512')).toBe('RSA (PKCS#1 v1.5) with SHA-512: signed with a private key, checked with the public key');
    expect(read('PS384')).toBe('RSA-PSS with SHA-384: signed with a private key, checked with the public key');
    expect(read('ES256')).toBe('ECDSA with SHA-256: signed with a private key, checked with the public key');
    expect(read('EdDSA')).toBe('EdDSA (Ed25519 signature): signed with a private key, checked with the public key');
    expect(read('Ed25519')).toBe('Ed25519 (Ed25519 signature): signed with a private key, checked with the public key');
  });

  it('warns about none in any case', () => {
    expect(read('none')).toBe('No signature: anyone can create or change this token. Never accept it.');
    expect(read('NONE')).toBe('No signature: anyone can create or change this token. Never accept it.');
  });

  it('names the key for Marketing Cloud kinds and flags a mismatch', () => {
    expect(read('HS256', 'engagement-sso-v2')).toBe(
      "HMAC with SHA-256: signed and checked with one shared secret (the package's JWT signing secret)",
    );
    expect(read('RS256', 'engagement-sso-v1')).toBe(
      'RSA (PKCS#1 v1.5) with SHA-256: signed with a private key, checked with the public key; App Center SSO JWTs are signed HS256',
    );
    expect(read('RS256', 'intelligence-assertion')).toBe(
      "RSA (PKCS#1 v1.5) with SHA-256: signed by this app with the service account's private key, checked by the identity provider with the matching public key",
    );
    expect(read('HS256', 'intelligence-assertion')).toBe(
      "HMAC with SHA-256: signed and checked with one shared secret; client assertions are signed RS256 with the service account's private key",
    );
  });

  it('says when the algorithm is unknown or malformed', () => {
    expect(read('HS999')).toBe('Not a JWS algorithm the workbench knows.');
    expect(read('XX256')).toBe('Not a JWS algorithm the workbench knows.');
    expect(read(256)).toBe('Not a string: the algorithm is missing or malformed.');
  });
});
