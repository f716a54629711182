// The token cache's rules on an in-memory keychain and an injected clock: what is handed out, what is dropped, one issue
// per obtain, --fresh, a refused token, and fingerprints that follow every credential but never hold the secret.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { profileTokenAccount } from '../profiles/profile-secret-account';
import { credentialsFingerprint, parseCacheEntry, serializeCacheEntry, type CachedToken, type TokenCredentials } from './cached-token';
import { createTokenCache } from './token-cache';

const dir = mkdtempSync(join(tmpdir(), 'mctw-token-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function memoryKeychain() {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (account: string) => {
      const value = entries.get(account);
      if (value === undefined) throw new WorkbenchError('ERR_KEYCHAIN_NOT_FOUND', 'none');
      return value;
    },
    set: async (account: string, value: string) => void entries.set(account, value),
    delete: async (account: string) => entries.delete(account),
  };
}

const token = (accessToken: string, expiresAt: number): CachedToken => ({
  accessToken,
  expiresAt,
  expiresIn: 300,
  tokenEndpoint: 'https://auth.example/token',
  tokenType: null,
  scope: null,
  missingScopes: [],
  restInstanceUrl: null,
  soapInstanceUrl: null,
});

const profile: TokenCredentials = {
  id: 'p1',
  product: 'engagement',
  clientId: 'client',
  discoveryUrl: null,
  keyInfo: null,
  subdomain: null,
  authUrl: 'https://mcx.auth.marketingcloudapis.com/',
  scope: 'email_read',
  accountId: '510001',
};

describe('token cache', () => {
  const clock = { now: 1_000_000 };
  const setup = () => {
    const keychain = memoryKeychain();
    const cache = createTokenCache({ secrets: keychain, userDataDir: dir, now: () => clock.now });
    const account = profileTokenAccount('p1');
    return { keychain, cache, account };
  };

  it('hands out a token for the same fingerprint with the time asked for left; keeps one that is merely too short', async () => {
    const { keychain, cache, account } = setup();
    keychain.entries.set(account, serializeCacheEntry('fp', token('t1', clock.now + 120_000)));
    expect((await cache.read('p1', 'fp', 60_000))?.accessToken).toBe('t1');
    expect(await cache.read('p1', 'fp', 180_000)).toBeNull();
    expect(keychain.entries.has(account)).toBe(true);
  });

  it('never hands out an expired token, one for other credentials or a damaged entry, and drops each', async () => {
    const { keychain, cache, account } = setup();
    for (const text of [
      serializeCacheEntry('fp', token('t1', clock.now)),
      serializeCacheEntry('other', token('t1', clock.now + 120_000)),
      '{"v":1,"fingerprint":"fp","token":{"accessToken":""}}',
      'not json',
    ]) {
      keychain.entries.set(account, text);
      expect(await cache.read('p1', 'fp', 0)).toBeNull();
      expect(keychain.entries.has(account)).toBe(false);
    }
  });

  it('obtain: one issue, then the cached token; --fresh issues again; a failed issue caches nothing', async () => {
    const { keychain, cache } = setup();
    let issued = 0;
    const issue = async () => token(`new-${++issued}`, clock.now + 300_000);
    const settings = { minValidMs: 60_000, fresh: false };
    expect(await cache.obtain('p1', 'fp', settings, issue)).toEqual({
      token: token('new-1', clock.now + 300_000),
      cached: false,
      stored: true,
    });
    expect(await cache.obtain('p1', 'fp', settings, issue)).toMatchObject({ token: { accessToken: 'new-1' }, cached: true });
    expect(await cache.obtain('p1', 'fp', { ...settings, fresh: true }, issue)).toMatchObject({ token: { accessToken: 'new-2' } });
    expect(issued).toBe(2);
    keychain.entries.clear();
    expect(await cache.obtain('p1', 'fp', settings, async () => null)).toBeNull();
    expect(keychain.entries.size).toBe(0);
  });

  it('a keychain that will not keep the token: the new token is still handed out, stored: false', async () => {
    const { keychain } = setup();
    const cache = createTokenCache({
      secrets: { ...keychain, set: () => Promise.reject(new WorkbenchError('ERR_KEYCHAIN_UNAVAILABLE', 'locked')) },
      userDataDir: dir,
      now: () => clock.now,
    });
    const got = await cache.obtain('p1', 'fp', { minValidMs: 60_000, fresh: false }, async () =>
      token('kept-nowhere', clock.now + 300_000),
    );
    expect(got).toEqual({ token: token('kept-nowhere', clock.now + 300_000), cached: false, stored: false });
    expect(await cache.store('p1', 'fp', token('again', clock.now + 300_000))).toBe(false);
    expect(keychain.entries.size).toBe(0);
  });

  it('a refused token is dropped; a newer one another process cached stays', async () => {
    const { keychain, cache, account } = setup();
    keychain.entries.set(account, serializeCacheEntry('fp', token('newer', clock.now + 120_000)));
    await cache.refused('p1', 'older');
    expect(keychain.entries.has(account)).toBe(true);
    await cache.refused('p1', 'newer');
    expect(keychain.entries.has(account)).toBe(false);
  });
});

describe('credentialsFingerprint', () => {
  it('changes with every credential, never holds the secret, and parses back from an entry', () => {
    const base = credentialsFingerprint(profile, 'the-client-secret');
    const variants: Array<[Partial<TokenCredentials>, string]> = [
      [{ clientId: 'other' }, 'the-client-secret'],
      [{ authUrl: 'https://other.auth.marketingcloudapis.com/' }, 'the-client-secret'],
      [{ scope: 'email_write' }, 'the-client-secret'],
      [{ accountId: '510002' }, 'the-client-secret'],
      [{ id: 'p2' }, 'the-client-secret'],
      [{}, 'rotated-secret'],
    ];
    for (const [change, secret] of variants) expect(credentialsFingerprint({ ...profile, ...change }, secret)).not.toBe(base);
    const intelligence = { ...profile, product: 'intelligence' as const, discoveryUrl: 'https://a/', keyInfo: { fingerprint: 'SHA256:a' } };
    const rotatedKey = { ...intelligence, keyInfo: { fingerprint: 'SHA256:b' } };
    expect(credentialsFingerprint(intelligence, null)).not.toBe(credentialsFingerprint(rotatedKey, null));
    const entry = serializeCacheEntry(base, token('t', 5));
    expect(entry).not.toContain('the-client-secret');
    expect(parseCacheEntry(entry)).toEqual({ fingerprint: base, token: token('t', 5) });
  });
});
