// Saved profiles for tests, one factory for the services' tests and the renderer's: pure data (no Node, no DOM), so any
// layer's tests may import it. Each test overrides only the fields it is about.
import type { Profile } from '../../shared/profiles/profile';

/** A saved Intelligence profile with a stored 2048-bit PKCS#1 key, in us1. */
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

/** A saved Engagement server-to-server profile: its client secret stored, a tenant subdomain, no signing secret. */
export function makeEngagementProfile(overrides: Partial<Profile> = {}): Profile {
  return makeProfile({
    id: 'p-eng',
    name: 'MC prod',
    product: 'engagement',
    clientId: 'pkg-1',
    region: null,
    discoveryUrl: null,
    keyInfo: null,
    hasSecret: false,
    hasClientSecret: true,
    subdomain: 'mc563885gzs27c5t9-63k636ttgm',
    ...overrides,
  });
}
