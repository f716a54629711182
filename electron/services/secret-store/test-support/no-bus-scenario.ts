// Run as a child process with DBUS_SESSION_BUS_ADDRESS pointing to a socket that does not exist: every keychain call must
// fail with ERR_KEYCHAIN_UNAVAILABLE (and never crash). Prints the outcomes as JSON on stdout.
import { createKeytarSecretStore } from '../keytar-secret-store';
import { settle } from './settle';

const store = createKeytarSecretStore({ service: process.argv[2] ?? 'mctw-test-no-bus' });
const outcome = {
  probe: await store.probe(),
  set: await settle(store.set('profile:x', 'not-a-real-secret')),
  get: await settle(store.get('profile:x')),
  delete: await settle(store.delete('profile:x')),
  list: await settle(store.list()),
};
process.stdout.write(JSON.stringify(outcome));
