import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { IPC_CHANNELS, type IpcEvent } from '../../../shared/ipc/ipc-contract';
import { REQUEST_LIMITS } from '../../../shared/limits/request-limits';
import { loadPrivateKey } from '../../../shared/keys/load-private-key';
import { createRouter } from './create-router';
import type { RouterContext, RouterServices } from './router-types';

// The validation boundary: every request below is refused before any service is reached. The services here throw if called
// (which would surface as ERR_INTERNAL and fail the test): they only prove no handler ran.
const calls: string[] = [];
const unreachable = (name: string) => async (): Promise<never> => {
  calls.push(name);
  throw new Error(`${name} must not be reached`);
};
const guardServices: RouterServices = {
  appVersion: '0.0.0-test',
  platform: 'test',
  secrets: { probe: unreachable('probe') },
  profiles: {
    list: unreachable('list'),
    save: unreachable('save'),
    rename: unreachable('rename'),
    delete: unreachable('delete'),
    getSigningSecret: unreachable('getSigningSecret'),
  },
  intelligence: { run: unreachable('run') },
  engagement: { token: unreachable('engagement.token'), refresh: unreachable('engagement.refresh') },
  compose: { sign: unreachable('compose.sign'), send: unreachable('compose.send') },
  profileTokens: { obtain: unreachable('profileTokens.obtain'), state: unreachable('profileTokens.state') },
  webSignIn: {
    begin: unreachable('webSignIn.begin'),
    finish: unreachable('webSignIn.finish'),
    save: unreachable('webSignIn.save'),
    whoami: unreachable('webSignIn.whoami'),
  },
};
const events: Array<{ event: IpcEvent; payload: unknown }> = [];
const context: RouterContext = { emit: (event, payload) => events.push({ event, payload }) };
const router = createRouter(guardServices);

const MARKER = 'SECRET-MARKER-9f3c';
const refused = (channel: string, what: string) => ({
  ok: false,
  error: { code: 'ERR_IPC_INVALID_REQUEST', message: `The ${channel} request was refused: ${what}. Check what you entered and try again.` },
});

describe('router: unknown channels', () => {
  it.each(['nope', '', 'profiles:List', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses %j with ERR_IPC_UNKNOWN_CHANNEL',
    async (channel) => {
      await expect(router.handle(channel, null, context)).resolves.toEqual({
        ok: false,
        error: { code: 'ERR_IPC_UNKNOWN_CHANNEL', message: 'This request is not one the app knows: update or restart the app.' },
      });
    },
  );
});

describe('router: request validation', () => {
  const cases: Array<[string, unknown, string]> = [
    ['app:info', { x: 1 }, 'the request has the wrong shape'],
    ['profiles:list', 'all', 'the request has the wrong shape'],
    ['verify:with-profile', undefined, 'the request is missing'],
    ['verify:with-profile', 'token', 'the request must be an object'],
    ['profiles:delete', {}, '"id" is missing'],
    ['verify:with-profile', { profileId: 'p', token: 42 }, '"token" must be a string'],
    [
      'profiles:save',
      { name: 'n', product: 'intelligence', clientId: 'c', passphrase: 'p'.repeat(1025) },
      '"passphrase" is too long (at most 1024 characters)',
    ],
    ['profiles:delete', { id: 'x', extra: true }, 'the request has unknown field "extra"'],
    ['profiles:delete', { id: 'x', [`${MARKER} with spaces`]: true }, 'the request has an unknown field'],
    ['profiles:save', { name: 'n', product: 'other', clientId: 'c' }, '"product" must be one of: intelligence, engagement'],
    ['profiles:save', { name: 'n', product: 'intelligence', clientId: 'c', region: 'ap1' }, '"region" must be one of: us1, us2, eu1, eu2'],
    [
      'profiles:save',
      { name: 'n', product: 'intelligence', clientId: 'c', tokenRequestStyle: 'json' },
      '"tokenRequestStyle" must be one of: form, query',
    ],
    [
      'profiles:save',
      { name: 'n', product: 'engagement', clientId: 'c', secretEncoding: 'rot13' },
      '"secretEncoding" must be one of: text, base64, hex',
    ],
    [
      'profiles:save',
      { name: 'n', product: 'intelligence', clientId: 'c', privateKeyPem: 'k'.repeat(REQUEST_LIMITS.pem + 1) },
      '"privateKeyPem" is too long (at most 16384 characters)',
    ],
    [
      'profiles:save',
      { name: 'n', product: 'engagement', clientId: 'c', signingSecret: 's'.repeat(4097) },
      '"signingSecret" is too long (at most 4096 characters)',
    ],
    ['profiles:save', { name: 'n', product: 'intelligence', clientId: 'c', discoveryUrl: 5 }, '"discoveryUrl" must be a string'],
    [
      'profiles:save',
      { name: 'n', product: 'intelligence', clientId: 'c', discoveryUrl: `https://x/${'a'.repeat(2048)}` },
      '"discoveryUrl" is too long (at most 2048 characters)',
    ],
    ['profiles:save', { product: 'intelligence', clientId: 'c' }, '"name" is missing'],
    ['profiles:save', { name: 'n', product: 'engagement', clientId: 'c', clientSecret: 7 }, '"clientSecret" must be a string'],
    [
      'profiles:save',
      { name: 'n', product: 'engagement', clientId: 'c', scope: 's'.repeat(20_001) },
      '"scope" is too long (at most 20000 characters)',
    ],
    ['profiles:rename', { id: '', name: 'x' }, '"id" must not be empty'],
    ['profiles:rename', { id: 'a', name: 'x'.repeat(201) }, '"name" is too long (at most 200 characters)'],
    ['profiles:delete', { id: 'i'.repeat(129) }, '"id" is too long (at most 128 characters)'],
    ['profiles:delete', null, 'the request must be an object'],
    ['profiles:token-states', { all: true }, 'the request has the wrong shape'],
    ['profiles:copy-token', {}, '"profileId" is missing'],
    ['profiles:copy-token', { profileId: 'p', minValid: 600 }, 'the request has unknown field "minValid"'],
    ['intelligence:run', { runId: 'r', profileId: 'p', timeoutMs: 10 }, '"timeoutMs" must be at least 1000'],
    ['intelligence:run', { runId: 'r', profileId: 'p', timeoutMs: 1_000_000 }, '"timeoutMs" must be at most 120000'],
    ['intelligence:run', { runId: 'r', profileId: 'p', timeoutMs: 1500.5 }, '"timeoutMs" must be a whole number'],
    ['intelligence:run', { runId: 'r' }, '"profileId" is missing'],
    ['intelligence:run', { runId: 7, profileId: 'p' }, '"runId" must be a string'],
    ['engagement:token', { runId: 'r' }, 'the request must name either a profileId or a draft'],
    [
      'engagement:token',
      { runId: 'r', profileId: 'p', draft: { clientId: 'c', clientSecret: 's' } },
      'the request must name either a profileId or a draft',
    ],
    ['engagement:token', { runId: 'r', draft: { clientId: 'c' } }, '"draft.clientSecret" is missing'],
    [
      'engagement:token',
      { runId: 'r', draft: { clientId: 'c', clientSecret: 's', subdomain: 'x'.repeat(64) } },
      '"draft.subdomain" is too long (at most 63 characters)',
    ],
    ['engagement:token', { runId: 'r', profileId: 'p', whoami: 'yes' }, '"whoami" must be a boolean'],
    [
      'engagement:token',
      { runId: 'r', draft: { clientId: 'c', clientSecret: 's', privateKeyPem: 'k' } },
      '"draft" has unknown field "privateKeyPem"',
    ],
    [
      'engagement:refresh',
      { runId: 'r', token: 't', clientId: 'c' },
      'the request must name either a profileId or a clientId with its clientSecret',
    ],
    [
      'engagement:refresh',
      { runId: 'r', token: 't', profileId: 'p', clientId: 'c', clientSecret: 's' },
      'the request must name either a profileId or a clientId with its clientSecret',
    ],
    ['engagement:refresh', { runId: 'r', profileId: 'p' }, '"token" is missing'],
    [
      'engagement:refresh',
      { runId: 'r', token: 't', clientId: 'c', clientSecret: 's'.repeat(513) },
      '"clientSecret" is too long (at most 512 characters)',
    ],
    [
      'verify:with-profile',
      { profileId: 'p', token: 't'.repeat(REQUEST_LIMITS.token + 1) },
      '"token" is too long (at most 1048576 characters)',
    ],
    ['verify:with-profile', { profileId: 'p' }, '"token" is missing'],
    [
      'compose:sign',
      { header: '{}', payload: '{}', alg: 'none', expiresIn: null, key: { type: 'secret', secret: 's', encoding: 'text' } },
      '"alg" must be one of: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA',
    ],
    [
      'compose:sign',
      { header: '{}', payload: 'x'.repeat(512 * 1024 + 1), alg: 'HS256', expiresIn: null, key: { type: 'profile', profileId: 'p' } },
      '"payload" is too long (at most 524288 characters)',
    ],
    [
      'compose:sign',
      { header: '{}', payload: '{}', alg: 'HS256', expiresIn: null, key: { type: 'file', path: '/etc/passwd' } },
      '"key.type" has the wrong shape',
    ],
    ['compose:send', { url: '', token: 't', style: 'activity' }, '"url" must not be empty'],
    ['compose:send', { url: 'https://x', token: 't', style: 'bearer' }, '"style" must be one of: activity, sso-form'],
    [
      'webapp:begin',
      { clientId: 'c', redirectUri: `https://x/${'a'.repeat(2048)}` },
      '"redirectUri" is too long (at most 2048 characters)',
    ],
    ['webapp:begin', { clientId: 'c', open: 'yes' }, '"open" must be a boolean'],
    ['webapp:begin', { clientId: 'c', refreshToken: 'r' }, 'the request has unknown field "refreshToken"'],
    ['webapp:finish', { runId: 'r', signInId: 's', pasted: 'p'.repeat(16 * 1024 + 1) }, '"pasted" is too long (at most 16384 characters)'],
    ['webapp:finish', { runId: 'r', pasted: 'code=c' }, '"signInId" is missing'],
    ['webapp:save', { signInId: 's', name: 'x'.repeat(201) }, '"name" is too long (at most 200 characters)'],
    ['webapp:save', { signInId: 's', name: 'n', refreshToken: 'r' }, 'the request has unknown field "refreshToken"'],
    ['webapp:whoami', { runId: 'r', signInId: 's', accessToken: 't' }, 'the request has unknown field "accessToken"'],
    ['webapp:whoami', { runId: 'r' }, '"signInId" is missing'],
  ];

  it.each(cases)('%s %j → refused', async (channel, payload, what) => {
    calls.length = 0;
    await expect(router.handle(channel, payload, context)).resolves.toEqual(refused(channel, what));
    expect(calls).toEqual([]);
  });

  it('covers every channel with at least one invalid request', () => {
    expect(new Set(cases.map(([channel]) => channel))).toEqual(new Set(IPC_CHANNELS));
  });

  it('never echoes the refused value', async () => {
    const secretish = `-----BEGIN RSA PRIVATE KEY-----${MARKER}`;
    const results = await Promise.all([
      router.handle('profiles:save', { name: 'n', product: 'intelligence', clientId: 'c', privateKeyPem: secretish.repeat(1000) }, context),
      router.handle('profiles:save', { name: 'n', product: 1, clientId: 'c', passphrase: MARKER }, context),
      router.handle('profiles:save', { name: MARKER, product: MARKER, clientId: MARKER }, context),
      router.handle('verify:with-profile', { profileId: MARKER, token: MARKER.repeat(10_000) }, context),
      router.handle('profiles:delete', { id: 'x', [MARKER]: MARKER }, context),
      router.handle('engagement:token', { runId: 'r', draft: { clientId: MARKER, clientSecret: MARKER.repeat(100) } }, context),
      router.handle('engagement:refresh', { runId: 'r', token: MARKER, clientId: MARKER }, context),
    ]);
    for (const result of results) expect(result.ok).toBe(false);
    expect(JSON.stringify(results)).not.toContain(MARKER);
  });
});

describe('router: error mapping', () => {
  it('returns a WorkbenchError from a handler as its payload, hint included', async () => {
    const r = createRouter({
      ...guardServices,
      profiles: {
        ...guardServices.profiles,
        list: async () => {
          throw new WorkbenchError('ERR_PROFILES_IO', 'Could not read profiles.json: check its permissions.', {
            hint: 'Look at the folder.',
          });
        },
      },
    });
    await expect(r.handle('profiles:list', null, context)).resolves.toEqual({
      ok: false,
      error: { code: 'ERR_PROFILES_IO', message: 'Could not read profiles.json: check its permissions.', hint: 'Look at the folder.' },
    });
  });

  it('turns anything else into ERR_INTERNAL without its text or stack, and reports it to onInternalError', async () => {
    const reported: Array<{ channel: string; error: unknown }> = [];
    const r = createRouter({
      ...guardServices,
      onInternalError: (channel, error) => reported.push({ channel, error }),
      profiles: {
        ...guardServices.profiles,
        rename: async () => {
          throw new TypeError(`Cannot read properties of undefined (${MARKER})`);
        },
      },
    });
    const result = await r.handle('profiles:rename', { id: 'a', name: 'b' }, context);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'ERR_INTERNAL',
        message: 'Something unexpected went wrong. Try again; if it persists, report it with the steps that led here.',
      },
    });
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${MARKER}|TypeError|stack`));
    expect(reported).toHaveLength(1);
    expect(reported[0]?.channel).toBe('profiles:rename');
  });

  it('does not report WorkbenchErrors as internal failures', async () => {
    const reported: unknown[] = [];
    const notFound = new WorkbenchError('ERR_PROFILE_NOT_FOUND', 'No such profile.');
    const profiles = { ...guardServices.profiles, delete: async () => Promise.reject(notFound) };
    const r = createRouter({ ...guardServices, profiles, onInternalError: (_c, e) => reported.push(e) });
    await expect(r.handle('profiles:delete', { id: 'gone' }, context)).resolves.toEqual({
      ok: false,
      error: { code: 'ERR_PROFILE_NOT_FOUND', message: 'No such profile.' },
    });
    expect(reported).toEqual([]);
  });
});

describe('router: app:info without services, and the call’s signal', () => {
  it('app:info reports the injected version and platform, and a probe that throws as unavailable', async () => {
    const r = createRouter({
      ...guardServices,
      appVersion: '1.2.3',
      platform: 'plan9',
      secrets: {
        probe: async () => {
          throw new WorkbenchError('ERR_KEYCHAIN_UNAVAILABLE', 'No keychain here: start gnome-keyring.');
        },
      },
    });
    await expect(r.handle('app:info', null, context)).resolves.toEqual({
      ok: true,
      value: {
        version: '1.2.3',
        platform: 'plan9',
        keychain: { available: false, error: { code: 'ERR_KEYCHAIN_UNAVAILABLE', message: 'No keychain here: start gnome-keyring.' } },
      },
    });
    await expect(r.handle('app:info', undefined, context)).resolves.toMatchObject({ ok: true, value: { version: '1.2.3' } });
  });

  it('hands the call’s signal to every run it starts, and cancelling is no channel of its own', async () => {
    const seen: Record<string, AbortSignal | undefined> = {};
    const stub = <T>(name: string, signalOf: (args: unknown[]) => AbortSignal | undefined, reply: T) =>
      (async (...args: unknown[]) => ((seen[name] = signalOf(args)), reply)) as never;
    const report = { steps: [], warnings: [], outcome: { ok: false, error: { code: 'ERR_CANCELLED', message: 'Cancelled.' } } };
    const r = createRouter({
      ...guardServices,
      intelligence: { run: stub('intelligence.run', (a) => a[2] as AbortSignal, report) },
      engagement: {
        token: stub('engagement.token', (a) => a[2] as AbortSignal, report),
        refresh: stub('engagement.refresh', (a) => a[2] as AbortSignal, report),
      },
      compose: { sign: unreachable('compose.sign'), send: stub('compose.send', (a) => a[1] as AbortSignal, { status: 200 }) },
      profileTokens: {
        obtain: stub('profileTokens.obtain', (a) => (a[0] as { signal?: AbortSignal }).signal, { ok: true, cached: true, token: {} }),
        state: unreachable('profileTokens.state'),
      },
    });
    const { signal } = new AbortController();
    const withSignal: RouterContext = { ...context, signal };
    await r.handle('intelligence:run', { runId: 'r1', profileId: 'p' }, withSignal);
    await r.handle('engagement:token', { runId: 'r2', profileId: 'p' }, withSignal);
    await r.handle('engagement:refresh', { runId: 'r3', profileId: 'p', token: 'a.b.c' }, withSignal);
    await r.handle('profiles:copy-token', { profileId: 'p' }, withSignal);
    await r.handle('compose:send', { url: 'https://mc.example/activity', token: 'a.b.c', style: 'activity' }, withSignal);
    expect(seen).toEqual({
      'intelligence.run': signal,
      'engagement.token': signal,
      'engagement.refresh': signal,
      'profileTokens.obtain': signal,
      'compose.send': signal,
    });
    expect(IPC_CHANNELS).not.toContain('token:cancel');
    await expect(r.handle('token:cancel', { runId: 'r1' }, withSignal)).resolves.toMatchObject({
      ok: false,
      error: { code: 'ERR_IPC_UNKNOWN_CHANNEL' },
    });
  });
});

describe('hostile keys within the request size cap', () => {
  // keys:inspect is gone (no caller); profiles:save loads a pasted key the same way, through loadPrivateKey.
  it.each(['\\', '-', ' \t'])('loading 16 KB of %j as a private key fails at once with a coded error', async (unit) => {
    const pem = unit.repeat(Math.floor(REQUEST_LIMITS.pem / unit.length));
    const started = performance.now();
    const error = await loadPrivateKey(pem).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ code: expect.stringMatching(/^ERR_KEY_/) });
  });
});
