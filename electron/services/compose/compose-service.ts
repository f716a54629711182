// Compose in the main process: signs what the user composed with the key they chose (a profile's key is read from the
// keychain here and never leaves), and sends a token to the endpoint they typed. The router's compose:* channels call it.
import { CompactSign } from 'jose';
import type { SendReport, SendRequest, SignRequest, SignedToken } from '../../../shared/compose/compose-types';
import { prepareToken } from '../../../shared/compose/prepare-token';
import type { KeyDecryptor } from '../../../shared/keys/key-info';
import { sendToken } from './send-token';
import { signingKey, type SigningProfiles } from './signing-key';

/** What the router needs of Compose. */
export interface ComposePort {
  sign(request: SignRequest): Promise<SignedToken>;
  send(request: SendRequest, signal?: AbortSignal): Promise<SendReport>;
}

/** What Compose is built on: profiles (for a profile's key), the key decryptor, the fetch (safe-fetch) and a clock. */
export interface ComposeServiceDeps {
  profiles: SigningProfiles;
  decryptor: KeyDecryptor;
  fetch: typeof fetch;
  /** Milliseconds since the epoch; Date.now by default. */
  now?: () => number;
}

/** Builds the Compose service. */
export function createComposeService(deps: ComposeServiceDeps): ComposePort {
  const now = deps.now ?? Date.now;
  return {
    async sign(request: SignRequest): Promise<SignedToken> {
      // Checked again here: the renderer's live check is a convenience, this one is the rule.
      const prepared = prepareToken(request, Math.floor(now() / 1000));
      const { key, description } = await signingKey(request.key, prepared.alg, deps);
      const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(prepared.payload)))
        .setProtectedHeader({ ...prepared.header, alg: prepared.alg })
        .sign(key);
      return {
        token,
        header: prepared.header,
        payload: prepared.payload,
        alg: prepared.alg,
        keyDescription: description,
        duplicates: prepared.duplicates,
      };
    },
    send: (request, signal) => sendToken(request, { fetch: deps.fetch, ...(signal === undefined ? {} : { signal }) }),
  };
}
