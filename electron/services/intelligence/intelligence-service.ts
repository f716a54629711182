import { importPKCS8 } from 'jose';
import { checkClientId } from '../../../shared/intelligence/client-id';
import { checkEndpointUrl } from '../../../shared/exchange/endpoint-url';
import type { TokenRequestStyle } from '../../../shared/exchange/flow-types';
import type { TokenFlowReport, TokenFlowStep } from '../../../shared/intelligence/flow-types';
import { discoveryUrlForRegion } from '../../../shared/intelligence/regions';
import { runTokenFlow } from '../../../shared/intelligence/run-token-flow';
import type { TokenRunDraft, TokenRunRequest } from '../../../shared/ipc/ipc-contract';
import type { KeyDecryptor } from '../../../shared/keys/key-info';
import { loadPrivateKey } from '../../../shared/keys/load-private-key';
import type { ProfileService } from '../profiles/profile-service';
import type { IntelligencePort } from '../router/router-types';
import { createRunRegistry, type RunRegistry } from '../runs/run-registry';

/** What the Intelligence service needs: the one runnable-profile check (it loads the key by reference) and a fetch. */
export interface IntelligenceServiceDeps {
  profiles: Pick<ProfileService, 'runnable'>;
  /** The fetch the flow uses: safe-fetch in the app and the CLI. */
  fetch: typeof fetch;
  /** Decrypts an encrypted key sent with a draft run. */
  decryptor: KeyDecryptor;
  /** The running runs, shared with the Engagement service so token:cancel reaches both (a private one by default). */
  runs?: RunRegistry;
  now?: () => number;
  randomUUID?: () => string;
}

/** Runs the Intelligence token flow for saved and draft profiles, each run tracked (and cancellable) in the run registry. */
export type IntelligenceService = IntelligencePort;

/** What one run signs with and where it goes. */
interface RunCredentials {
  clientId: string;
  discoveryUrl: string;
  privateKey: CryptoKey;
  tokenRequestStyle: TokenRequestStyle;
}

/**
 * The credentials of a draft run ("Get token" on an unsaved form): checked as a save would check them, the key imported
 * non-extractable for this run only. Nothing is written to disk or the keychain.
 */
async function draftCredentials(draft: TokenRunDraft, decryptor: KeyDecryptor): Promise<RunCredentials> {
  const clientId = checkClientId(draft.clientId);
  const discoveryUrl =
    draft.discoveryUrl !== undefined ? checkEndpointUrl(draft.discoveryUrl, 'discovery URL').href : discoveryUrlForRegion(draft.region);
  const loaded = await loadPrivateKey(draft.privateKeyPem, {
    decryptor,
    ...(draft.passphrase === undefined ? {} : { passphrase: draft.passphrase }),
  });
  const privateKey = await importPKCS8(loaded.pkcs8Pem, 'RS256', { extractable: false });
  return { clientId, discoveryUrl, privateKey, tokenRequestStyle: draft.tokenRequestStyle };
}

/** The credentials of a saved profile, through the one runnable-profile check (one store read, one key import). */
async function savedCredentials(deps: IntelligenceServiceDeps, profileId: string): Promise<RunCredentials> {
  const runnable = await deps.profiles.runnable(profileId, 'intelligence');
  return {
    clientId: runnable.profile.clientId,
    discoveryUrl: runnable.discoveryUrl,
    privateKey: runnable.privateKey,
    tokenRequestStyle: runnable.profile.tokenRequestStyle,
  };
}

/** Creates the Intelligence service used by the router: a saved profile's key by reference (or the draft's key for one run), runTokenFlow, cancellable runs. */
export function createIntelligenceService(deps: IntelligenceServiceDeps): IntelligenceService {
  const runs = deps.runs ?? createRunRegistry();
  return {
    run(request: TokenRunRequest, onStep: (step: TokenFlowStep) => void): Promise<TokenFlowReport> {
      return runs.track(request.runId, async (signal) => {
        const credentials =
          request.draft !== undefined
            ? await draftCredentials(request.draft, deps.decryptor)
            : await savedCredentials(deps, request.profileId);
        return runTokenFlow(
          {
            ...credentials,
            ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
            signal,
          },
          {
            fetch: deps.fetch,
            onStep,
            ...(deps.now ? { now: deps.now } : {}),
            ...(deps.randomUUID ? { randomUUID: deps.randomUUID } : {}),
          },
        );
      });
    },
    cancel: (runId) => runs.cancel(runId),
  };
}
