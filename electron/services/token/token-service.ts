import { importPKCS8 } from 'jose';
import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { checkClientId } from '../../../shared/intelligence/client-id';
import { checkEndpointUrl } from '../../../shared/intelligence/endpoint-url';
import type { FlowStep, TokenFlowReport, TokenRequestStyle } from '../../../shared/intelligence/flow-types';
import { discoveryUrlForRegion } from '../../../shared/intelligence/regions';
import { runTokenFlow } from '../../../shared/intelligence/run-token-flow';
import type { TokenRunDraft, TokenRunRequest } from '../../../shared/ipc/ipc-contract';
import type { KeyDecryptor } from '../../../shared/keys/key-info';
import { loadPrivateKey } from '../../../shared/keys/load-private-key';
import type { Profile } from '../../../shared/profiles/profile';
import type { TokenPort } from '../router/router-types';

/** What the token service needs: the profiles (the key is loaded by reference, inside the profile service) and a fetch. */
export interface TokenServiceDeps {
  profiles: { get(id: string): Promise<Profile>; getPrivateKey(id: string): Promise<CryptoKey> };
  /** The fetch the flow uses: safe-fetch in the app and the CLI. */
  fetch: typeof fetch;
  /** Decrypts an encrypted key sent with a draft run. */
  decryptor: KeyDecryptor;
  now?: () => number;
  randomUUID?: () => string;
}

/** Runs the Intelligence token flow for saved profiles or unsaved drafts and keeps one AbortController per running run id. */
export interface TokenService extends TokenPort {
  /** The run ids currently running. */
  activeRuns(): string[];
  /** Cancels every running run (e.g. when the app quits); returns how many were cancelled. */
  cancelAll(): number;
}

/** Finds an Intelligence profile that can run the flow, or throws ERR_PROFILE_NOT_FOUND (from the profile service) / ERR_PROFILE_INVALID. */
async function runnableProfile(deps: TokenServiceDeps, profileId: string): Promise<Profile & { discoveryUrl: string }> {
  const profile = await deps.profiles.get(profileId);
  if (profile.product !== 'intelligence') {
    throw new WorkbenchError('ERR_PROFILE_INVALID', 'This profile is for Marketing Cloud Engagement: getting a token needs a Marketing Cloud Intelligence profile.');
  }
  if (profile.discoveryUrl === null) throw new WorkbenchError('ERR_PROFILE_INVALID', 'This profile has no discovery URL: edit it and choose a region or paste the discovery URL.');
  if (!profile.hasSecret) throw new WorkbenchError('ERR_PROFILE_INVALID', 'This profile has no private key stored: edit it and paste the key.');
  return { ...profile, discoveryUrl: profile.discoveryUrl };
}

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
  const discoveryUrl = draft.discoveryUrl !== undefined ? checkEndpointUrl(draft.discoveryUrl, 'discovery URL').href : discoveryUrlForRegion(draft.region);
  const loaded = await loadPrivateKey(draft.privateKeyPem, { decryptor, ...(draft.passphrase === undefined ? {} : { passphrase: draft.passphrase }) });
  const privateKey = await importPKCS8(loaded.pkcs8Pem, 'RS256', { extractable: false });
  return { clientId, discoveryUrl, privateKey, tokenRequestStyle: draft.tokenRequestStyle };
}

/** The credentials of a saved profile: its key is loaded by reference from the keychain. */
async function savedCredentials(deps: TokenServiceDeps, profileId: string): Promise<RunCredentials> {
  const profile = await runnableProfile(deps, profileId);
  const privateKey = await deps.profiles.getPrivateKey(profile.id);
  return { clientId: profile.clientId, discoveryUrl: profile.discoveryUrl, privateKey, tokenRequestStyle: profile.tokenRequestStyle };
}

/** Creates the token service used by the router: loads the profile's key by reference (or the draft's key for one run), runs runTokenFlow, and manages cancellable runs. */
export function createTokenService(deps: TokenServiceDeps): TokenService {
  const runs = new Map<string, AbortController>();

  const cancel = (runId: string): boolean => {
    const controller = runs.get(runId);
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  };

  return {
    async run(request: TokenRunRequest, onStep: (step: FlowStep) => void): Promise<TokenFlowReport> {
      if (runs.has(request.runId)) throw new WorkbenchError('ERR_IPC_INVALID_REQUEST', 'A token run with this id is already running: wait for it to finish or cancel it.');
      const controller = new AbortController();
      runs.set(request.runId, controller);
      try {
        const credentials = request.draft !== undefined ? await draftCredentials(request.draft, deps.decryptor) : await savedCredentials(deps, request.profileId);
        return await runTokenFlow(
          {
            ...credentials,
            ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
            signal: controller.signal,
          },
          {
            fetch: deps.fetch,
            onStep,
            ...(deps.now ? { now: deps.now } : {}),
            ...(deps.randomUUID ? { randomUUID: deps.randomUUID } : {}),
          },
        );
      } finally {
        runs.delete(request.runId);
      }
    },

    cancel,

    activeRuns: () => [...runs.keys()],

    cancelAll(): number {
      let cancelled = 0;
      for (const runId of runs.keys()) if (cancel(runId)) cancelled += 1;
      return cancelled;
    },
  };
}
