// Where a stored Engagement client secret may go through the API (the renderer, or anyone holding the `mctoken ui`
// session): only to the saved profile's auth host, whatever a pasted SSO JWT names. Real keychain, hostile local servers.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EngagementFlowReport, RefreshReport } from '../../../shared/engagement/flow-types';
import type { Profile } from '../../../shared/profiles/profile';
import { SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../../test/support/engagement-server';
import { makeEngagementSsoJwt } from '../../../test/support/engagement-tokens';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';
import { createWorkbenchServices, type WorkbenchServices } from '../create-services';
import { recordingCaller } from './test-support/recording-caller';

describe.skipIf(!isolated)(`A stored secret goes only to its profile's host${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const keychainService = `mctw-test-routing-${randomUUID()}`;
  const { wire, value } = recordingCaller(() => services);
  let userDataDir: string;
  let own: EngagementServer;
  let hostile: EngagementServer;
  let services: WorkbenchServices;
  let profile: Profile;

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'mctw-routing-router-'));
    own = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
    hostile = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
    services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.1.0-test' });
    profile = await value<Profile>('profiles:save', {
      name: 'Routing',
      product: 'engagement',
      clientId: SAMPLE_PACKAGE.clientId,
      clientSecret: SAMPLE_PACKAGE.clientSecret,
      authUrl: own.authBaseUrl,
    });
  });
  beforeEach(() => {
    own.requests.length = 0;
    hostile.requests.length = 0;
  });
  afterAll(async () => {
    if (services) for (const account of await services.secrets.list()) await services.secrets.delete(account);
    await own?.close();
    await hostile?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  const jwtNaming = (authEndpoint: string, refreshToken: string) =>
    makeEngagementSsoJwt({ version: 2, extraClaims: { request: { rest: { authEndpoint, refreshToken } } } });

  it("engagement:token from a profile sends the stored secret only to the profile's auth host", async () => {
    const report = await value<EngagementFlowReport>('engagement:token', { runId: 'rt1', profileId: profile.id, whoami: true });
    expect(report.outcome.ok).toBe(true);
    expect(own.requests.map((r) => r.endpoint)).toEqual(['token', 'userinfo', 'endpoints']);
    expect(hostile.requests).toEqual([]);
  });

  it('engagement:refresh with a profile refuses a JWT naming another host (signed or not): nothing reaches it', async () => {
    for (const jwt of [await jwtNaming(hostile.refreshUrl, 'rt-unused-1'), unsigned(await jwtNaming(hostile.refreshUrl, 'rt-unused-2'))]) {
      const report = await value<RefreshReport>('engagement:refresh', { runId: 'rr1', profileId: profile.id, token: jwt });
      expect(report.outcome).toMatchObject({
        ok: false,
        error: { code: 'ERR_REFRESH_HOST_REFUSED', message: expect.stringContaining('the stored client secret was not sent') },
      });
    }
    expect(hostile.requests).toEqual([]);
    expect(own.requests).toEqual([]);
  });

  it("engagement:refresh with a profile posts to the profile's own host, with the loopback warning", async () => {
    const refreshToken = own.issueRefreshToken(SAMPLE_PACKAGE.clientId);
    const report = await value<RefreshReport>('engagement:refresh', {
      runId: 'rr2',
      profileId: profile.id,
      token: await jwtNaming(own.refreshUrl, refreshToken),
    });
    expect(report.outcome.ok).toBe(true);
    expect(report.warnings).toEqual([{ code: 'WARN_AUTH_HOST', message: expect.stringContaining('WARNING') }]);
    expect(own.requests.map((r) => r.endpoint)).toEqual(['refresh']);
    for (const text of wire) expect(text).not.toContain(SAMPLE_PACKAGE.clientSecret);
  });
});

/** The same JWT with its signature cut off (anyone can write one). */
function unsigned(jwt: string): string {
  return `${jwt.slice(0, jwt.lastIndexOf('.'))}.`;
}
