// The Engagement runs end to end through the IPC router with the REAL keychain: a server-to-server profile saved via
// profiles:save, engagement:token from it and from unsaved values (nothing written), who-am-I, cancel, the legacy refresh
// of an SSO JWT, and a scan proving the client secret crossed no response, event, file or log.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EngagementFlowReport, RefreshReport } from '../../../shared/engagement/flow-types';
import type { Profile } from '../../../shared/profiles/profile';
import {
  OTHER_MID,
  SAMPLE_MID,
  SAMPLE_PACKAGE,
  startEngagementServer,
  type EngagementServer,
} from '../../../test/support/engagement-server';
import { makeEngagementSsoJwt } from '../../../test/support/engagement-tokens';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';
import { createWorkbenchServices, type WorkbenchServices } from '../create-services';
import { recordingCaller } from './test-support/recording-caller';

describe.skipIf(!isolated)(`Engagement through the router, with the real keychain${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const keychainService = `mctw-test-engagement-${randomUUID()}`;
  const { wire, events, call, value } = recordingCaller(() => services);
  let userDataDir: string;
  let server: EngagementServer;
  let services: WorkbenchServices;
  let profile: Profile;
  const spentRefreshTokens: string[] = [];

  const stepsOf = (runId: string) =>
    events.filter((e) => e.payload.runId === runId).map((e) => `${e.payload.step.id}:${e.payload.step.status}`);

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'mctw-engagement-router-'));
    server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
    services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.1.0-test' });
  });
  beforeEach(() => server.setFault('none'));
  afterAll(async () => {
    if (services) for (const account of await services.secrets.list()) await services.secrets.delete(account);
    await server?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('saves a server-to-server profile: the client secret goes to the keychain and never comes back', async () => {
    profile = await value<Profile>('profiles:save', {
      name: 'Engagement router',
      product: 'engagement',
      clientId: SAMPLE_PACKAGE.clientId,
      clientSecret: SAMPLE_PACKAGE.clientSecret,
      authUrl: server.authBaseUrl,
      scope: 'email_read journeys_read',
    });
    expect(profile).toMatchObject({
      hasClientSecret: true,
      authUrl: server.authBaseUrl,
      scope: 'email_read journeys_read',
      subdomain: null,
    });
    expect(await services.secrets.list()).toEqual([`profile:${profile.id}:client-secret`]);
  });

  it('engagement:token from the profile: steps as events, the token, missing scopes named, who-am-I', async () => {
    const report = await value<EngagementFlowReport>('engagement:token', { runId: 'run-profile', profileId: profile.id, whoami: true });
    expect(stepsOf('run-profile')).toEqual([
      'token:running',
      'token:ok',
      'userinfo:running',
      'userinfo:ok',
      'soap-endpoint:running',
      'soap-endpoint:ok',
    ]);
    expect(report.outcome).toMatchObject({
      ok: true,
      token: { grantedScopes: ['email_read'], missingScopes: ['journeys_read'] },
      whoami: { summary: { mid: SAMPLE_MID, stack: 'S7' }, endpoints: { soap: server.soapBaseUrl } },
    });
  });

  it('engagement:token from unsaved values runs once and writes nothing (no profile, no keychain entry)', async () => {
    const before = await readFile(join(userDataDir, 'profiles.json'), 'utf8');
    // The profile's own run just cached its token; a draft run adds nothing beside it.
    expect((await services.secrets.list()).sort()).toEqual([`profile:${profile.id}:client-secret`, `profile:${profile.id}:token`]);
    const draft = {
      clientId: SAMPLE_PACKAGE.clientId,
      clientSecret: SAMPLE_PACKAGE.clientSecret,
      authUrl: server.authBaseUrl,
      accountId: OTHER_MID,
    };
    const report = await value<EngagementFlowReport>('engagement:token', { runId: 'run-draft', draft, whoami: true });
    expect(report.outcome).toMatchObject({ ok: true, whoami: { summary: { mid: OTHER_MID } } });
    expect(await readFile(join(userDataDir, 'profiles.json'), 'utf8')).toBe(before);
    expect((await services.secrets.list()).sort()).toEqual([`profile:${profile.id}:client-secret`, `profile:${profile.id}:token`]);
    const wrong = await value<EngagementFlowReport>('engagement:token', {
      runId: 'run-wrong',
      draft: { ...draft, clientSecret: 'not-the-secret' },
    });
    expect(wrong.outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_OAUTH_INVALID_CLIENT', message: 'invalid_client: Invalid client ID or secret.' },
    });
  });

  it('aborting the call stops a running Engagement run', async () => {
    server.setFault('slow', { delayMs: 10_000 });
    const controller = new AbortController();
    const running = value<EngagementFlowReport>('engagement:token', { runId: 'run-cancel', profileId: profile.id }, controller.signal);
    while (!stepsOf('run-cancel').includes('token:running')) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const report = await running;
    expect(report.outcome).toMatchObject({ ok: false, error: { code: 'ERR_CANCELLED' } });
    expect(stepsOf('run-cancel')).toEqual(['token:running', 'token:cancelled']);
  });

  it('intelligence:run refuses an Engagement profile, and engagement:token an SSO-only profile, saying why', async () => {
    const tokenRun = await call('intelligence:run', { runId: 'x1', profileId: profile.id });
    expect(tokenRun).toEqual({
      ok: false,
      error: {
        code: 'ERR_PROFILE_INVALID',
        message: 'This profile is for Marketing Cloud Engagement: getting this token needs a Marketing Cloud Intelligence profile.',
      },
    });
    const ssoOnly = await value<Profile>('profiles:save', {
      name: 'SSO only',
      product: 'engagement',
      clientId: '',
      signingSecret: 'sso-secret',
    });
    expect(await call('engagement:token', { runId: 'x2', profileId: ssoOnly.id })).toMatchObject({
      ok: false,
      error: { code: 'ERR_PROFILE_INVALID' },
    });
  });

  it('engagement:refresh spends the SSO JWT refresh token: typed credentials or the profile, and a second use after the grace fails', async () => {
    const refreshToken = server.issueRefreshToken(SAMPLE_PACKAGE.clientId);
    spentRefreshTokens.push(refreshToken);
    const jwt = await makeEngagementSsoJwt({
      version: 2,
      extraClaims: { request: { rest: { authEndpoint: server.refreshUrl, refreshToken } } },
    });
    const first = await value<RefreshReport>('engagement:refresh', {
      runId: 'rf1',
      token: jwt,
      clientId: SAMPLE_PACKAGE.clientId,
      clientSecret: SAMPLE_PACKAGE.clientSecret,
    });
    expect(first.outcome).toMatchObject({ ok: true, token: { expiresIn: 3600 } });
    expect(stepsOf('rf1')).toEqual(['refresh:running', 'refresh:ok']);
    server.advanceClock(6 * 60_000);
    const second = await value<RefreshReport>('engagement:refresh', { runId: 'rf2', token: jwt, profileId: profile.id });
    expect(second.outcome).toMatchObject({
      ok: false,
      error: { code: 'ERR_REFRESH_REJECTED', message: 'The auth endpoint refused the refresh with HTTP 401: Unauthorized (errorcode 1).' },
    });
    const notSso = await value<RefreshReport>('engagement:refresh', { runId: 'rf3', token: 'a.b', clientId: 'c', clientSecret: 's' });
    expect(notSso.outcome).toMatchObject({ ok: false, error: { code: 'ERR_TOKEN_SEGMENTS' } });
  });

  it('leak scan: the client secret is in no response, event or file, and the spent refresh token in none either', async () => {
    const files = await readdir(userDataDir, { recursive: true, withFileTypes: true });
    const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8')));
    for (const text of [...wire, ...texts]) expect(text).not.toContain(SAMPLE_PACKAGE.clientSecret);
    for (const text of [...wire, ...texts]) for (const spent of spentRefreshTokens) expect(text).not.toContain(spent);
    expect(wire.length).toBeGreaterThan(10);
  });
});
