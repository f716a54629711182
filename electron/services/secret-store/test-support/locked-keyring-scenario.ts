// Run inside its own throwaway D-Bus session and gnome-keyring (scripts/with-keyring.sh started afresh): stores a secret,
// locks the default collection over D-Bus, then calls every store method and saves a profile. Prints the outcomes as JSON.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testKeyPair } from '../../../../test/support/test-keys';
import { nodeKeyDecryptor } from '../../node-key-decryptor';
import { createProfileService } from '../../profiles/profile-service';
import { createProfileStore } from '../../profiles/profile-store';
import { createKeytarSecretStore } from '../keytar-secret-store';
import { readSecretServiceLockState } from '../secret-service-lock-state';
import { settle } from './settle';

function secretService(method: string, ...args: string[]): string {
  return execFileSync(
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      '/org/freedesktop/secrets',
      '--method',
      `org.freedesktop.Secret.Service.${method}`,
      ...args,
    ],
    {
      encoding: 'utf8',
    },
  );
}

const service = `mctw-test-locked-${process.pid}`;
const store = createKeytarSecretStore({ service });
await store.set('profile:stored', 'stored-secret-value');
const before = { lockState: await readSecretServiceLockState(), probe: await store.probe() };

const collection = /objectpath '([^']+)'/.exec(secretService('ReadAlias', 'default'))?.[1];
if (collection === undefined) throw new Error('no default collection');
secretService('Lock', `['${collection}']`);

const dir = mkdtempSync(join(tmpdir(), 'mctw-locked-'));
const profiles = createProfileService({ store: createProfileStore({ dir }), secrets: store, decryptor: nodeKeyDecryptor });
const outcome = {
  before,
  lockState: await readSecretServiceLockState(),
  probe: await store.probe(),
  getStored: await settle(store.get('profile:stored')),
  getMissing: await settle(store.get('profile:missing')),
  set: await settle(store.set('profile:new', 'new-secret-value')),
  deleteStored: await settle(store.delete('profile:stored')),
  list: await settle(store.list()),
  save: await settle(
    profiles.save({ name: 'Locked', product: 'intelligence', clientId: 'svc-1', region: 'us1', privateKeyPem: testKeyPair().pkcs1Pem }),
  ),
  profilesFileWritten: existsSync(join(dir, 'profiles.json')),
};
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify(outcome));
