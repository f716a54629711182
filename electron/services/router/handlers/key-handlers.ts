import { inspectPrivateKey } from '../../../../shared/keys/load-private-key';
import type { HandlerTable, RouterServices } from '../router-types';

/** keys:inspect: loads the pasted key (decrypting it with the passphrase when needed) and returns its KeyInfo only. */
export function keyHandlers(services: RouterServices): Pick<HandlerTable, 'keys:inspect'> {
  return {
    'keys:inspect': async ({ pem, passphrase }) => {
      const info = await inspectPrivateKey(pem, passphrase === undefined ? { decryptor: services.decryptor } : { passphrase, decryptor: services.decryptor });
      return { type: info.type, bits: info.bits, fingerprint: info.fingerprint, format: info.format };
    },
  };
}
