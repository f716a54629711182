import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { compactVerify, importPKCS8, jwtVerify, type CryptoKey as JoseKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { COMPOSE_ALGORITHMS, keyKindOf, type ComposeAlgorithm } from '../../../shared/compose/compose-algorithms';
import { draftOfDecoded, templateDraft } from '../../../shared/compose/compose-draft';
import { COMPOSE_TEMPLATE_IDS } from '../../../shared/compose/compose-templates';
import type { ComposeKeySource, SignRequest } from '../../../shared/compose/compose-types';
import { decodeToken } from '../../../shared/decode/decode-token';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import type { Profile } from '../../../shared/profiles/profile';
import { makeProfile } from '../../../test/support/profiles';
import { workbenchRejection as rejection } from '../../../test/support/rejection';
import { testKeyPair } from '../../../test/support/test-keys';
import { nodeKeyDecryptor } from '../node-key-decryptor';
import { createComposeService } from './compose-service';
import type { SigningProfiles } from './signing-key';

const NOW_MS = 1_800_000_000_000;
const rsa = testKeyPair('compose');
const ec = {
  'P-256': generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  'P-384': generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  'P-521': generateKeyPairSync('ec', { namedCurve: 'P-521' }),
};
const ed = generateKeyPairSync('ed25519');
const SECRET = 'package-jwt-signing-secret-0123456789';

const profilesById: Record<string, Profile> = {
  eng: makeProfile({ id: 'eng', name: 'mc-prod', product: 'engagement', hasSecret: true, secretEncoding: 'text' }),
  intel: makeProfile({ id: 'intel', name: 'intel-prod', product: 'intelligence', hasSecret: true }),
};
const fakeProfiles: SigningProfiles = {
  get: async (id) => profilesById[id] ?? Promise.reject(new WorkbenchError('ERR_PROFILE_NOT_FOUND', 'no such profile')),
  getSigningSecret: async () => ({ secret: SECRET, encoding: 'text' }),
  privateKeyFor: (_id, alg) => importPKCS8(rsa.pkcs8Pem, alg, { extractable: false }),
};
const service = createComposeService({ profiles: fakeProfiles, decryptor: nodeKeyDecryptor, fetch, now: () => NOW_MS });

/** The private key and the public key that verifies it, for an algorithm. */
function keysFor(alg: ComposeAlgorithm): { source: ComposeKeySource; verifyWith: Uint8Array | KeyObject } {
  const kind = keyKindOf(alg);
  if (kind === 'secret')
    return { source: { type: 'secret', secret: SECRET, encoding: 'text' }, verifyWith: new TextEncoder().encode(SECRET) };
  if (kind === 'rsa') return { source: { type: 'pem', pem: rsa.pkcs1Pem }, verifyWith: rsa.publicKey };
  if (kind === 'ed25519')
    return { source: { type: 'pem', pem: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, verifyWith: ed.publicKey };
  const pair = ec[alg === 'ES256' ? 'P-256' : alg === 'ES384' ? 'P-384' : 'P-521'];
  return { source: { type: 'pem', pem: pair.privateKey.export({ type: 'sec1', format: 'pem' }).toString() }, verifyWith: pair.publicKey };
}

function request(alg: ComposeAlgorithm, key: ComposeKeySource, overrides: Partial<SignRequest> = {}): SignRequest {
  return { header: JSON.stringify({ typ: 'JWT' }), payload: '{"sub":"s"}', alg, expiresIn: null, key, ...overrides };
}

describe('compose:sign: every template with every algorithm verifies with jose', () => {
  const cases = COMPOSE_TEMPLATE_IDS.flatMap((id) => COMPOSE_ALGORITHMS.map((alg) => [id, alg] as const));
  it.each(cases)('%s signed %s', async (id, alg) => {
    const draft = templateDraft(id);
    const { source, verifyWith } = keysFor(alg);
    const header = JSON.stringify({ ...JSON.parse(draft.header), alg });
    const signed = await service.sign({ header, payload: draft.payload, alg, expiresIn: draft.expiresIn, key: source });
    const verified = await jwtVerify(signed.token, verifyWith as unknown as JoseKey, { algorithms: [alg], currentDate: new Date(NOW_MS) });
    expect(verified.protectedHeader).toEqual({ ...JSON.parse(draft.header), alg });
    const expected = JSON.parse(draft.payload);
    if (draft.expiresIn !== '') Object.assign(expected, { iat: NOW_MS / 1000, exp: NOW_MS / 1000 + (id === 'sso-v2' ? 900 : 3600) });
    expect(verified.payload).toEqual(expected);
    expect(signed.payload).toEqual(expected);
  });
});

describe('compose:sign keys', () => {
  it.each([
    [
      'hex with 0x',
      { type: 'secret', secret: '0x0a1B2c', encoding: 'hex' },
      Uint8Array.of(0x0a, 0x1b, 0x2c),
      'the secret as hex (3 bytes)',
    ],
    ['base64', { type: 'secret', secret: 'AQID', encoding: 'base64' }, Uint8Array.of(1, 2, 3), 'the secret as base64 (3 bytes)'],
    ['text', { type: 'secret', secret: 'abc', encoding: 'text' }, new TextEncoder().encode('abc'), 'the secret as text (UTF-8) (3 bytes)'],
  ] as const)('a secret as %s signs with its bytes', async (_name, key, bytes, description) => {
    const signed = await service.sign(request('HS256', key));
    await expect(compactVerify(signed.token, bytes)).resolves.toBeTruthy();
    expect(signed.keyDescription).toBe(description);
  });

  it('RSA keys in the pasted shapes (escaped, PKCS#8, encrypted) sign PS256 and say their fingerprint', async () => {
    for (const source of [
      { type: 'pem', pem: rsa.pkcs1Escaped },
      { type: 'pem', pem: rsa.pkcs8Pem },
      { type: 'pem', pem: rsa.pkcs8EncryptedPem, passphrase: rsa.passphrase },
    ] as const) {
      const signed = await service.sign(request('PS256', source));
      await expect(compactVerify(signed.token, rsa.publicKey as unknown as JoseKey)).resolves.toBeTruthy();
      expect(signed.keyDescription).toMatch(/^RSA 2048-bit private key SHA256:[A-Za-z0-9+/]{43}$/);
    }
  });

  it('an encrypted EC key is decrypted with its passphrase', async () => {
    const pem = ec['P-256'].privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
    const signed = await service.sign(request('ES256', { type: 'pem', pem, passphrase: 'pw' }));
    await expect(compactVerify(signed.token, ec['P-256'].publicKey as unknown as JoseKey)).resolves.toBeTruthy();
    expect(await rejection(service.sign(request('ES256', { type: 'pem', pem })))).toMatchObject({ code: 'ERR_KEY_ENCRYPTED' });
  });

  it.each([
    [
      'a secret for RS256',
      'RS256',
      { type: 'secret', secret: 's', encoding: 'text' },
      'RS256 does not sign with a shared secret (HS256, HS384 and HS512 do): pick an algorithm that fits the key, or another key.',
    ],
    [
      'a key for HS256',
      'HS256',
      { type: 'pem', pem: rsa.pkcs8Pem },
      'HS256 does not sign with a private key (it signs with a shared secret): pick an algorithm that fits the key, or another key.',
    ],
    [
      'an EC key for RS256',
      'RS256',
      { type: 'pem', pem: ec['P-256'].privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      'RS256 does not sign with this key (it is not an RSA key): pick an algorithm that fits the key, or another key.',
    ],
    [
      'a P-256 key for ES384',
      'ES384',
      { type: 'pem', pem: ec['P-256'].privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      'ES384 does not sign with an EC key on P-256 (it signs ES256): pick an algorithm that fits the key, or another key.',
    ],
    [
      'an RSA key for EdDSA',
      'EdDSA',
      { type: 'pem', pem: rsa.pkcs8Pem },
      'EdDSA does not sign with an RSA key: pick an algorithm that fits the key, or another key.',
    ],
    [
      'an Ed25519 key for ES256',
      'ES256',
      { type: 'pem', pem: ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      'ES256 does not sign with an Ed25519 key (it signs EdDSA): pick an algorithm that fits the key, or another key.',
    ],
  ] as const)('refuses %s', async (_name, alg, key, message) => {
    expect(await rejection(service.sign(request(alg, key)))).toMatchObject({ code: 'ERR_COMPOSE_KEY_MISMATCH', message });
  });

  it('a profile signs with its stored secret or key, named but never shown', async () => {
    const hs = await service.sign(request('HS512', { type: 'profile', profileId: 'eng' }));
    await expect(compactVerify(hs.token, new TextEncoder().encode(SECRET))).resolves.toBeTruthy();
    expect(hs.keyDescription).toBe('the JWT signing secret of profile "mc-prod" as text (UTF-8) (37 bytes)');
    const rs = await service.sign(request('RS384', { type: 'profile', profileId: 'intel' }));
    await expect(compactVerify(rs.token, rsa.publicKey as unknown as JoseKey)).resolves.toBeTruthy();
    expect(JSON.stringify(rs)).not.toContain(SECRET);
    expect(await rejection(service.sign(request('RS256', { type: 'profile', profileId: 'eng' })))).toMatchObject({
      code: 'ERR_COMPOSE_KEY_MISMATCH',
      message:
        'RS256 does not sign with profile "mc-prod" (it stores a JWT signing secret): pick an algorithm that fits the key, or another key.',
    });
  });

  it('checks what the renderer sent again: alg none in the header is refused in the main process', async () => {
    const key = { type: 'secret', secret: 's', encoding: 'text' } as const;
    expect(await rejection(service.sign(request('HS256', key, { header: '{"alg":"none"}' })))).toMatchObject({
      code: 'ERR_COMPOSE_ALG_NONE',
    });
  });
});

describe('edit and re-sign', () => {
  it('a decoded token re-signed with its key gives back the same header and claims, and verifies', async () => {
    const key = { type: 'secret', secret: SECRET, encoding: 'text' } as const;
    const first = await service.sign({ ...templateDraft('activity-execute'), expiresIn: '10m', key });
    const draft = draftOfDecoded(decodeToken(first.token));
    if (draft === null) throw new Error('not editable');
    const again = await service.sign({ ...draft, key });
    expect(again.token).toBe(first.token);
    const edited = await service.sign({ ...draft, payload: draft.payload.replace('testemail123@gmail.com', 'other@example.com'), key });
    const { payload } = await jwtVerify(edited.token, new TextEncoder().encode(SECRET), {
      algorithms: ['HS256'],
      currentDate: new Date(NOW_MS),
    });
    expect(payload).toEqual({ ...first.payload, keyValue: 'other@example.com' });
  });

  it('an RS256 token re-signed as ES256 with another key', async () => {
    const first = await service.sign(request('RS256', { type: 'pem', pem: rsa.pkcs8Pem }, { header: '{"alg":"RS256","kid":"a"}' }));
    const draft = draftOfDecoded(decodeToken(first.token));
    if (draft === null) throw new Error('not editable');
    const header = JSON.stringify({ ...JSON.parse(draft.header), alg: 'ES256' });
    const again = await service.sign({ ...draft, header, alg: 'ES256', key: keysFor('ES256').source });
    const verified = await compactVerify(again.token, ec['P-256'].publicKey as unknown as JoseKey);
    expect(verified.protectedHeader).toEqual({ alg: 'ES256', kid: 'a' });
  });
});
