import { WorkbenchError } from '../../../shared/errors/workbench-error';
import type { FlowStep, TokenFlowReport } from '../../../shared/intelligence/flow-types';
import { runTokenFlow } from '../../../shared/intelligence/run-token-flow';
import type { Profile } from '../../../shared/profiles/profile';
import type { TokenPort, TokenRunRequest } from '../router/router-types';

/** What the token service needs: the profiles (the key is loaded by reference, inside the profile service) and a fetch. */
export interface TokenServiceDeps {
  profiles: { get(id: string): Promise<Profile>; getPrivateKey(id: string): Promise<CryptoKey> };
  /** The fetch the flow uses: safe-fetch in the app and the CLI. */
  fetch: typeof fetch;
  now?: () => number;
  randomUUID?: () => string;
}

/** Runs the Intelligence token flow for saved profiles and keeps one AbortController per running run id. */
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

/** Creates the token service used by the router: loads the profile's key by reference, runs runTokenFlow, and manages cancellable runs. */
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
        const profile = await runnableProfile(deps, request.profileId);
        const privateKey = await deps.profiles.getPrivateKey(profile.id);
        return await runTokenFlow(
          {
            clientId: profile.clientId,
            discoveryUrl: profile.discoveryUrl,
            privateKey,
            tokenRequestStyle: profile.tokenRequestStyle,
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
