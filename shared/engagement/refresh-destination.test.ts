// Where a legacy refresh may post the client secret: the profile's own auth host, Marketing Cloud auth hosts, loopback,
// and any other host only for a JWT whose signature was verified. Each refusal happens before anything is sent.
import { describe, expect, it } from 'vitest';
import { checkRefreshDestination } from './legacy-refresh';
import { runLegacyRefresh } from './run-legacy-refresh';

const creds = { clientId: 'abcdefghijklmnopqrstuvwx', clientSecret: 'client-secret-value-1' };
const MC = 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/v1/requestToken';

/** A fetch that records every address it is asked for and answers a refresh. */
function recordingFetch() {
  const seen: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    seen.push(String(input));
    return new Response(JSON.stringify({ accessToken: 'new-access', expiresIn: 3600, refreshToken: 'next-refresh' }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { seen, fetcher };
}

const run = (authEndpoint: string, extra: object = {}) => {
  const { seen, fetcher } = recordingFetch();
  const report = runLegacyRefresh({ source: { authEndpoint, refreshToken: 'old-refresh-token' }, ...creds, ...extra }, { fetch: fetcher });
  return { seen, report };
};

describe('checkRefreshDestination', () => {
  it('accepts a Marketing Cloud auth host without a warning', () => {
    expect(checkRefreshDestination(new URL(MC), {})).toEqual([]);
  });

  it('refuses a lookalike or a non-default port of a Marketing Cloud host unless verified', () => {
    for (const url of ['https://x.auth.marketingcloudapis.com.evil.example/v1/requestToken', 'https://x.auth.marketingcloudapis.com:8443/'])
      expect(() => checkRefreshDestination(new URL(url), {})).toThrow(expect.objectContaining({ code: 'ERR_REFRESH_HOST_REFUSED' }));
  });
});

describe('runLegacyRefresh destination', () => {
  it('refuses an unverified JWT naming another host, sends nothing, and says how to verify', async () => {
    const { seen, report } = run('https://evil.example/v1/requestToken');
    expect((await report).outcome).toEqual({
      ok: false,
      error: {
        code: 'ERR_REFRESH_HOST_REFUSED',
        message:
          "The JWT's authEndpoint (evil.example) is not a Marketing Cloud auth host (<subdomain>.auth.marketingcloudapis.com) and the JWT's signature was not verified: the client secret was not sent.",
        hint: expect.stringContaining('JWT signing secret'),
      },
    });
    expect(seen).toEqual([]);
  });

  it('posts to another https host only for a verified JWT, with a loud warning', async () => {
    const { seen, report } = run('https://evil.example/v1/requestToken', { signatureVerified: true });
    const done = await report;
    expect(done.outcome.ok).toBe(true);
    expect(done.warnings).toEqual([
      { code: 'WARN_AUTH_HOST', message: expect.stringMatching(/^WARNING: the client secret is posted to evil\.example/) },
    ]);
    expect(seen).toEqual(['https://evil.example/v1/requestToken']);
  });

  it('refuses plain http on a public host even when verified', async () => {
    const { seen, report } = run('http://evil.example/v1/requestToken', { signatureVerified: true });
    expect((await report).outcome).toMatchObject({ ok: false, error: { code: 'ERR_URL_INSECURE' } });
    expect(seen).toEqual([]);
  });

  it('accepts loopback with a warning, and a Marketing Cloud host without one', async () => {
    const local = await run('http://127.0.0.1:9/v1/requestToken').report;
    expect(local.warnings).toEqual([{ code: 'WARN_AUTH_HOST', message: expect.stringContaining('but this computer') }]);
    const mc = await run(MC).report;
    expect(mc).toMatchObject({ outcome: { ok: true }, warnings: [] });
  });

  it("with a profile's secret, posts only to the profile's auth origin, whatever the JWT names", async () => {
    const profileAuthBase = new URL('https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/');
    const other = run('https://mcother.auth.marketingcloudapis.com/v1/requestToken', { profileAuthBase, signatureVerified: true });
    expect((await other.report).outcome).toMatchObject({
      ok: false,
      error: {
        code: 'ERR_REFRESH_HOST_REFUSED',
        message:
          "The JWT's authEndpoint (mcother.auth.marketingcloudapis.com) is not the auth host of the saved profile (mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com): the stored client secret was not sent. Refresh a JWT of that profile's tenant, or choose the profile of this tenant.",
      },
    });
    expect(other.seen).toEqual([]);
    const own = run(MC, { profileAuthBase });
    expect((await own.report).outcome.ok).toBe(true);
    expect(own.seen).toEqual([MC]);
  });
});
