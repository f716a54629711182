// compose:sign and compose:send through the router with the real keychain: a saved profile's secret or key signs in the main
// process and never crosses IPC; the token goes only to the URL given, as Journey Builder would send it.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateDraft } from '../../../shared/compose/compose-draft';
import type { SendReport, SignedToken } from '../../../shared/compose/compose-types';
import type { Profile } from '../../../shared/profiles/profile';
import { startActivityServer, type ActivityServer } from '../../../test/support/activity-server';
import { testKeyPair } from '../../../test/support/test-keys';
import { KEYCHAIN_ISOLATED as isolated, KEYCHAIN_SKIP_REASON as SKIP_REASON } from '../../../test/support/throwaway-keychain';
import { createWorkbenchServices, type WorkbenchServices } from '../create-services';
import { recordingCaller } from './test-support/recording-caller';

const SIGNING_SECRET = 'compose-router-signing-secret-4f1a9c';
const rsa = testKeyPair('compose-router');

describe.skipIf(!isolated)(`compose:* through the router${isolated ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const keychainService = `mctw-test-compose-${randomUUID()}`;
  const { wire, call, value } = recordingCaller(() => services);
  let userDataDir: string;
  let services: WorkbenchServices;
  let activity: ActivityServer;
  let engagement: Profile;
  let intelligence: Profile;

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'mctw-compose-router-'));
    services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.1.0-test' });
    activity = await startActivityServer({ secret: new TextEncoder().encode(SIGNING_SECRET) });
    engagement = await value<Profile>('profiles:save', {
      name: 'Package',
      product: 'engagement',
      clientId: '',
      signingSecret: SIGNING_SECRET,
    });
    intelligence = await value<Profile>('profiles:save', {
      name: 'Service account',
      product: 'intelligence',
      clientId: 'sa-1',
      region: 'us1',
      privateKeyPem: rsa.pkcs1Pem,
    });
  });
  afterAll(async () => {
    if (services) for (const account of await services.secrets.list()) await services.secrets.delete(account);
    await activity?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it("signs an activity call with a profile's stored signing secret, sends it, and the activity verifies it", async () => {
    const draft = templateDraft('activity-execute');
    const signed = await value<SignedToken>('compose:sign', {
      header: draft.header,
      payload: draft.payload,
      alg: 'HS256',
      expiresIn: '5m',
      key: { type: 'profile', profileId: engagement.id },
    });
    expect(signed.keyDescription).toBe('the JWT signing secret of profile "Package" as text (UTF-8) (36 bytes)');
    await expect(jwtVerify(signed.token, new TextEncoder().encode(SIGNING_SECRET), { algorithms: ['HS256'] })).resolves.toBeTruthy();
    const report = await value<SendReport>('compose:send', { url: `${activity.url}/execute`, token: signed.token, style: 'activity' });
    expect(report.response.status).toBe(200);
    expect(activity.requests.at(-1)).toMatchObject({ contentType: 'application/jwt', verified: true });
  });

  it("signs PS256 with an Intelligence profile's stored key", async () => {
    const signed = await value<SignedToken>('compose:sign', {
      header: '{}',
      payload: '{"sub":"x"}',
      alg: 'PS256',
      expiresIn: null,
      key: { type: 'profile', profileId: intelligence.id },
    });
    await expect(compactVerify(signed.token, rsa.publicKey)).resolves.toBeTruthy();
    expect(signed.keyDescription).toBe(`the RSA private key of profile "Service account" ${intelligence.keyInfo?.fingerprint ?? ''}`);
  });

  it('refuses http to another host before sending anything', async () => {
    const result = await call('compose:send', { url: 'http://example.com/execute', token: 'a.b.c', style: 'activity' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ERR_URL_INSECURE' } });
  });

  it('nothing that crossed IPC holds a stored secret or key', () => {
    const body = rsa.pkcs8Pem.split('\n')[5] ?? 'unreachable';
    for (const entry of wire) {
      expect(entry).not.toContain(SIGNING_SECRET);
      expect(entry).not.toContain(body);
    }
  });
});
