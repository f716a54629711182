// "Get token" before saving: intelligence:run with a draft (the form as it stands) through the real router and services.
// The draft's key is used for that run only: nothing is written to the user-data folder or the keychain, and the key
// never comes back in a reply or an event.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenFlowReport } from '../../../shared/intelligence/flow-types';
import type { IpcResult } from '../../../shared/ipc/result';
import { startIdpServer, type IdpServer } from '../../../test/support/idp-server';
import { pemBody, testKeyPair } from '../../../test/support/test-keys';
import { KEYCHAIN_ISOLATED, KEYCHAIN_SKIP_REASON } from '../../../test/support/throwaway-keychain';
import { createWorkbenchServices, type WorkbenchServices } from '../create-services';

describe.skipIf(!KEYCHAIN_ISOLATED)(
  `intelligence:run with a draft (unsaved credentials)${KEYCHAIN_ISOLATED ? '' : ` — ${KEYCHAIN_SKIP_REASON}`}`,
  () => {
    const keys = testKeyPair('draft-run');
    const CLIENT_ID = 'svc-draft-run-0001';
    const wire: string[] = [];
    let userDataDir: string;
    let idp: IdpServer;
    let services: WorkbenchServices;

    async function run(payload: unknown): Promise<IpcResult<TokenFlowReport>> {
      const result = await services.router.handle('intelligence:run', payload, {
        emit: (event, body) => wire.push(JSON.stringify({ event, body })),
      });
      wire.push(JSON.stringify(result));
      return result as IpcResult<TokenFlowReport>;
    }

    beforeAll(async () => {
      userDataDir = await mkdtemp(join(tmpdir(), 'mctw-draft-run-'));
      idp = await startIdpServer({ clients: { [CLIENT_ID]: keys.publicPem } });
      services = createWorkbenchServices({ userDataDir, keychainService: `mctw-test-draft-${randomUUID()}`, appVersion: '0.1.0-test' });
    });

    afterAll(async () => {
      await idp?.close();
      if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    });

    it('gets a token with a PKCS#1 key pasted with literal \\n, and stores nothing', async () => {
      const result = await run({
        runId: 'draft-ok',
        draft: {
          clientId: ` ${CLIENT_ID} `,
          discoveryUrl: idp.discoveryUrl('us1'),
          privateKeyPem: keys.pkcs1Escaped,
          tokenRequestStyle: 'query',
        },
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['discovery:ok', 'assertion:ok', 'token:ok']);
      expect(result.value.outcome.ok && idp.hasIssued(result.value.outcome.token.accessToken)).toBe(true);
      expect(idp.requests.filter((r) => r.endpoint === 'token').at(-1)).toMatchObject({ style: 'query', status: 200 });
      expect(await readdir(userDataDir)).toEqual([]);
      expect(await services.secrets.list()).toEqual([]);
      expect(wire.join('\n')).not.toContain(pemBody(keys.pkcs1Pem).slice(0, 64));
    });

    it('decrypts an encrypted key with its passphrase for the run; a wrong passphrase is refused with its code', async () => {
      const draft = {
        clientId: CLIENT_ID,
        discoveryUrl: idp.discoveryUrl('eu1'),
        privateKeyPem: keys.pkcs8EncryptedPem,
        tokenRequestStyle: 'form',
      };
      const ok = await run({ runId: 'draft-encrypted', draft: { ...draft, passphrase: keys.passphrase } });
      expect(ok.ok && ok.value.outcome.ok).toBe(true);
      const wrong = await run({ runId: 'draft-wrong-passphrase', draft: { ...draft, passphrase: 'not it' } });
      expect(wrong).toEqual({
        ok: false,
        error: { code: 'ERR_KEY_PASSPHRASE', message: 'The passphrase is wrong: check it and try again.' },
      });
      expect(await services.secrets.list()).toEqual([]);
    });

    it('checks the draft as a save would: an http discovery URL that is not loopback is refused before any request', async () => {
      const before = idp.requests.length;
      const result = await run({
        runId: 'draft-insecure',
        draft: { clientId: CLIENT_ID, discoveryUrl: 'http://idp.example.com/x', privateKeyPem: keys.pkcs1Pem, tokenRequestStyle: 'form' },
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('ERR_URL_INSECURE');
      expect(result.error.message).toMatch(/^The discovery URL uses http:\/\/ on idp\.example\.com: only https:\/\/ is allowed/);
      expect(idp.requests.length).toBe(before);
    });

    it.each([
      [
        'both a profile id and a draft',
        { runId: 'r', profileId: 'p', draft: { clientId: 'c', region: 'us1', privateKeyPem: 'k', tokenRequestStyle: 'form' } },
        '"draft" is invalid',
      ],
      [
        'a draft with both a region and a discovery URL',
        { runId: 'r', draft: { clientId: 'c', region: 'us1', discoveryUrl: 'https://x', privateKeyPem: 'k', tokenRequestStyle: 'form' } },
        '"draft.discoveryUrl" is invalid',
      ],
      [
        'a draft with neither a region nor a discovery URL',
        { runId: 'r', draft: { clientId: 'c', privateKeyPem: 'k', tokenRequestStyle: 'form' } },
        '"draft.region" is missing',
      ],
      [
        'a draft without a key',
        { runId: 'r', draft: { clientId: 'c', region: 'us1', tokenRequestStyle: 'form' } },
        '"draft.privateKeyPem" is missing',
      ],
      ['neither a profile id nor a draft', { runId: 'r' }, '"profileId" is missing'],
    ])('refuses %s', async (_what, payload, what) => {
      const result = await run(payload);
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'ERR_IPC_INVALID_REQUEST',
          message: `The intelligence:run request was refused: ${what}. Check what you entered and try again.`,
        },
      });
    });
  },
);
