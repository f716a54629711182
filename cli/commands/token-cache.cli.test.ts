// `mctoken token --profile` through the token cache, end to end: the built CLI as a child process, profiles on the real
// (throwaway) keychain, the local identity provider and Engagement server counting token requests. Covers reuse, --json's
// "cached", --min-valid, --fresh, --no-cache, a token for other credentials or expired never handed out, re-saving and
// deleting a profile, the who-am-I 401 retry, `profiles show`, and that no token is ever written to a file.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { credentialsFingerprint, serializeCacheEntry, type CachedToken } from '../../electron/services/token-cache/cached-token';
import { profileTokenAccount } from '../../electron/services/profiles/profile-secret-account';
import type { EngagementFlowReport } from '../../shared/engagement/flow-types';
import { SAMPLE_PACKAGE } from '../../test/support/engagement-server';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../test/support/throwaway-keychain';
import { CLI_TEST_TIMEOUT_MS, assertCliBuilt, cliTranscript } from '../test-support/run-mctoken';
import { filesHoldingTokens, startTokenCacheFixture, type TokenCacheFixture } from '../test-support/token-cache-fixture';

vi.setConfig({ testTimeout: CLI_TEST_TIMEOUT_MS, hookTimeout: CLI_TEST_TIMEOUT_MS });

describe.skipIf(!isolated)('mctoken token --profile reuses a cached token', () => {
  let f: TokenCacheFixture;
  const printed: string[] = [];
  const json = async (...args: string[]) => {
    const run = await f.cli('token', ...args, '--json');
    expect([run.code, run.stderr]).toEqual([0, '']);
    const parsed = JSON.parse(run.stdout) as { access_token: string; expires_at: string; cached: boolean } & Record<string, unknown>;
    printed.push(parsed.access_token);
    return parsed;
  };

  beforeAll(async () => {
    assertCliBuilt();
    f = await startTokenCacheFixture('reuse');
  });
  afterAll(async () => {
    // No token any run printed sits in a file under HOME or the user-data folder.
    if (f) expect(filesHoldingTokens(f.userDataDir, printed)).toEqual([]);
    await f?.close();
    expect(cliTranscript()).not.toContain(SAMPLE_PACKAGE.clientSecret);
  });

  it('Intelligence: one exchange, then the same token and expires_at with "cached": true; --fresh and --no-cache', async () => {
    const name = f.intelligence.name;
    const first = await json('--profile', name);
    expect(first.cached).toBe(false);
    expect(Object.keys(first)).toEqual(['access_token', 'expires_in', 'expires_at', 'cached', 'token_endpoint']);
    const again = await json('--profile', name);
    expect(again).toEqual({ ...first, cached: true });
    const plain = await f.cli('token', '--profile', name);
    expect(plain.stdout).toBe(`${first.access_token}\n`);
    expect(f.tokenRequests().intelligence).toBe(1);
    const fresh = await json('--profile', name, '--fresh');
    expect([fresh.cached, fresh.access_token === first.access_token, f.tokenRequests().intelligence]).toEqual([false, false, 2]);
    const uncached = await json('--profile', name, '--no-cache');
    expect([uncached.cached, f.tokenRequests().intelligence]).toEqual([false, 3]);
    // --no-cache wrote nothing: the --fresh token is still the cached one.
    expect((await json('--profile', name)).access_token).toBe(fresh.access_token);
    expect(f.tokenRequests().intelligence).toBe(3);
  });

  it('--min-valid longer than a token lives: a new token anyway, with a warning on stderr', async () => {
    const before = f.tokenRequests().intelligence;
    const run = await f.cli('token', '--profile', f.intelligence.name, '--min-valid', '400');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--min-valid 400 is longer than a new token of this profile lives (300 s)');
    expect(f.tokenRequests().intelligence).toBe(before + 1);
    printed.push(run.stdout.trim());
    expect((await f.cli('token', '--min-valid', '5', '--client-id', 'x', '--region', 'us1', '--key-file', 'k')).code).toBe(2);
  });

  it('a token cached for other credentials, or expired, is never handed out and is dropped', async () => {
    const { intelligence: profile, services } = f;
    const fake = (expiresAt: number): CachedToken => ({
      accessToken: `fake-${expiresAt}`,
      expiresAt,
      expiresIn: 300,
      tokenEndpoint: 'http://127.0.0.1/',
      tokenType: null,
      scope: null,
      missingScopes: [],
      restInstanceUrl: null,
      soapInstanceUrl: null,
    });
    const otherKey = { ...profile, keyInfo: { ...profile.keyInfo!, fingerprint: 'SHA256:other' } };
    const entries = [
      serializeCacheEntry(credentialsFingerprint(otherKey, null), fake(Date.now() + 200_000)),
      serializeCacheEntry(credentialsFingerprint(profile, null), fake(Date.now() - 1_000)),
      'not an entry',
    ];
    for (const entry of entries) {
      await services.secrets.set(profileTokenAccount(profile.id), entry);
      const before = f.tokenRequests().intelligence;
      const got = await json('--profile', profile.name);
      expect([got.cached, got.access_token.startsWith('fake-'), f.tokenRequests().intelligence]).toEqual([false, false, before + 1]);
    }
  });

  it('Engagement: reused with its instance URLs; re-saving the profile or deleting it drops the cached token', async () => {
    const name = f.engagementProfile.name;
    const first = await json('--profile', name);
    const again = await json('--profile', name);
    expect(again).toEqual({ ...first, cached: true });
    expect(again.rest_instance_url).toBe(f.engagement.restBaseUrl);
    expect(f.tokenRequests().engagement).toBe(1);
    const show = await f.cli('profiles', 'show', name);
    expect(show.stdout).toMatch(/Cached token: {3}yes, (19|18|17) min \d+ s left \(until /);
    expect(show.stdout).not.toContain(first.access_token);
    const { id, name: profileName, clientId, authUrl } = f.engagementProfile;
    await f.services.profiles.save({ id, name: profileName, product: 'engagement', clientId, authUrl, scope: 'email_read' });
    expect(await f.services.secrets.list()).not.toContain(profileTokenAccount(f.engagementProfile.id));
    expect((await json('--profile', name)).cached).toBe(false);
    expect((await f.cli('profiles', 'show', name)).stdout).toContain('Cached token:');
    await f.services.profiles.delete(f.intelligence.id);
    expect((await f.services.secrets.list()).filter((account) => account.endsWith(':token'))).toEqual([
      profileTokenAccount(f.engagementProfile.id),
    ]);
  });

  it("one cache for both shells: the app's Get token is reused by mctoken, and mctoken's by the app's Copy token", async () => {
    const { engagementProfile: profile, services } = f;
    const context = { emit: () => undefined };
    const run = await services.router.handle('engagement:token', { runId: 'app-get-token', profileId: profile.id }, context);
    if (!run.ok) throw new Error(run.error.message);
    const report = run.value as EngagementFlowReport;
    if (!report.outcome.ok) throw new Error(report.outcome.error.message);
    printed.push(report.outcome.token.accessToken);
    const before = f.tokenRequests().engagement;
    expect(await json('--profile', profile.name)).toMatchObject({ access_token: report.outcome.token.accessToken, cached: true });
    const fresh = await json('--profile', profile.name, '--fresh');
    const copied = await services.router.handle('profiles:copy-token', { profileId: profile.id }, context);
    expect(copied).toEqual({ ok: true, value: { accessToken: fresh.access_token, expiresAt: Date.parse(fresh.expires_at), cached: true } });
    expect(f.tokenRequests().engagement).toBe(before + 1);
  });

  it('whoami --profile: a cached token the server refuses (401) is dropped and the call tried once with a new one', async () => {
    const name = f.engagementProfile.name;
    const cached = await json('--profile', name);
    f.engagement.advanceClock(30 * 60_000);
    const before = f.tokenRequests().engagement;
    const run = await f.cli('whoami', '--profile', name);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('MID:');
    expect(f.tokenRequests().engagement).toBe(before + 1);
    const next = await json('--profile', name);
    expect([next.cached, next.access_token === cached.access_token]).toEqual([true, false]);
  });
});

if (!isolated) console.warn(`token cache CLI tests skipped: ${SKIP_REASON}`);
