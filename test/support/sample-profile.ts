// A saved profile as the profile service answers it, for renderer and main-process tests alike (never key material).
import type { Profile } from '../../shared/profiles/profile';

/** A saved profile with sensible defaults (an Intelligence profile with a stored 2048-bit PKCS#1 key). */
export function makeProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'p-intel',
    name: 'Intelligence production',
    product: 'intelligence',
    clientId: 'svc-7d2e9b1c4a',
    region: 'us1',
    discoveryUrl: 'https://idp.intelligence.salesforce.com/us1/.well-known/openid-configuration',
    tokenRequestStyle: 'form',
    keyInfo: { type: 'RSA', bits: 2048, fingerprint: 'SHA256:q0K3mVf3yPz0T8cF9kY3Yt0hWcM2m7u5a0sRr9xQkAb', format: 'pkcs1' },
    secretEncoding: null,
    hasSecret: true,
    subdomain: null,
    authUrl: null,
    scope: null,
    accountId: null,
    hasClientSecret: false,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}
