import type { FlowStep, TokenFlowReport } from '../../../shared/intelligence/flow-types';
import { runTokenFlow } from '../../../shared/intelligence/run-token-flow';
import type { Product } from '../../../shared/profiles/profile';
import { otherProductError } from '../profiles/profile-service-errors';
import type { RunnableProfile } from '../profiles/profile-service';
import type { TokenPort, TokenRunRequest } from '../router/router-types';
import { createRunRegistry, type RunRegistry } from './run-registry';

/** What the token service needs: the one runnable-profile check (it loads the key by reference) and a fetch. */
export interface TokenServiceDeps {
  profiles: { runnable(ref: string, product?: Product): Promise<RunnableProfile> };
  /** The fetch the flow uses: safe-fetch in the app and the CLI. */
  fetch: typeof fetch;
  /** The running runs, shared with the Engagement service so token:cancel reaches both (a private one by default). */
  runs?: RunRegistry;
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

/** Creates the token service used by the router: takes a runnable Intelligence profile, runs runTokenFlow, and manages cancellable runs. */
export function createTokenService(deps: TokenServiceDeps): TokenService {
  const runs = deps.runs ?? createRunRegistry();
  return {
    run(request: TokenRunRequest, onStep: (step: FlowStep) => void): Promise<TokenFlowReport> {
      return runs.track(request.runId, async (signal) => {
        const runnable = await deps.profiles.runnable(request.profileId, 'intelligence');
        if (runnable.product !== 'intelligence') throw otherProductError(runnable.product);
        return runTokenFlow(
          {
            clientId: runnable.profile.clientId,
            discoveryUrl: runnable.discoveryUrl,
            privateKey: runnable.privateKey,
            tokenRequestStyle: runnable.profile.tokenRequestStyle,
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
    activeRuns: () => runs.activeRuns(),
    cancelAll: () => runs.cancelAll(),
  };
}
