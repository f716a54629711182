import { importPKCS8 } from 'jose';
import { checkClientId } from '../../../shared/intelligence/client-id';
import { checkEndpointUrl } from '../../../shared/exchange/endpoint-url';
import type { TokenRequestStyle } from '../../../shared/exchange/flow-types';
import type { FlowStepId, TokenFlowReport, TokenFlowStep } from '../../../shared/intelligence/flow-types';
import { discoveryUrlForRegion } from '../../../shared/intelligence/regions';
import { runTokenFlow } from '../../../shared/intelligence/run-token-flow';
import type { TokenRunDraft, TokenRunRequest } from '../../../shared/ipc/ipc-contract';
import type { KeyDecryptor } from '../../../shared/keys/key-info';
import { loadPrivateKey } from '../../../shared/keys/load-private-key';
import type { ProfileService, RunnableOf, RunnableProfile } from '../profiles/profile-service';
import type { IntelligencePort } from '../router/router-types';
import { cachedIntelligenceToken, type CachedToken } from '../token-cache/cached-token';
import type { ProfileRunOptions } from '../token-cache/profile-token-service';

/** What the Intelligence service needs: the one runnable-profile check (it loads the key by reference) and a fetch. */
export interface IntelligenceServiceDeps {
  profiles: Pick<ProfileService, 'runnable'>;
  /** The fetch the flow uses: safe-fetch in the app and the CLI. */
  fetch: typeof fetch;
  /** Decrypts an encrypted key sent with a draft run. */
  decryptor: KeyDecryptor;
  /** Keeps the token a saved profile's run got in the token cache ("Get token" refreshes it). */
  rememberToken?: (runnable: RunnableProfile, token: CachedToken) => Promise<unknown>;
  now?: () => number;
  randomUUID?: () => string;
}

type IntelligenceRunnable = RunnableOf<'intelligence'>;

/** Runs the Intelligence token flow for saved and draft profiles, each cancelled by its caller's signal. */
export interface IntelligenceService extends IntelligencePort {
  /** The router's run (the call's signal) and the CLI's (Ctrl-C). */
  run(request: TokenRunRequest, onStep: (step: TokenFlowStep) => void, signal?: AbortSignal): Promise<TokenFlowReport>;
  /** The run of an already resolved saved profile (the token cache's path), cancelled by `options.signal`. */
  runProfile(runnable: IntelligenceRunnable, options: ProfileRunOptions<FlowStepId>): Promise<TokenFlowReport>;
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
  const discoveryUrl =
    draft.discoveryUrl !== undefined ? checkEndpointUrl(draft.discoveryUrl, 'discovery URL').href : discoveryUrlForRegion(draft.region);
  const loaded = await loadPrivateKey(draft.privateKeyPem, {
    decryptor,
    ...(draft.passphrase === undefined ? {} : { passphrase: draft.passphrase }),
  });
  const privateKey = await importPKCS8(loaded.pkcs8Pem, 'RS256', { extractable: false });
  return { clientId, discoveryUrl, privateKey, tokenRequestStyle: draft.tokenRequestStyle };
}

/** What a saved profile signs with; `style` overrides its request style (mctoken --query-style). */
function savedCredentials(runnable: IntelligenceRunnable, style: TokenRequestStyle | undefined): RunCredentials {
  const { profile, discoveryUrl, privateKey } = runnable;
  return { clientId: profile.clientId, discoveryUrl, privateKey, tokenRequestStyle: style ?? profile.tokenRequestStyle };
}

/** Creates the Intelligence service used by the router and the CLI: a saved profile's key by reference (or the draft's key for one run), runTokenFlow, cancellable runs. */
export function createIntelligenceService(deps: IntelligenceServiceDeps): IntelligenceService {
  const flow = (credentials: RunCredentials, options: ProfileRunOptions<FlowStepId>): Promise<TokenFlowReport> =>
    runTokenFlow(
      {
        ...credentials,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
      {
        fetch: deps.fetch,
        ...(options.onStep ? { onStep: options.onStep } : {}),
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.randomUUID ? { randomUUID: deps.randomUUID } : {}),
      },
    );
  const runProfile = (runnable: IntelligenceRunnable, options: ProfileRunOptions<FlowStepId>) =>
    flow(savedCredentials(runnable, options.tokenRequestStyle), options);
  return {
    async run(request, onStep, signal) {
      const options = { onStep, signal, timeoutMs: request.timeoutMs };
      if (request.draft !== undefined) return flow(await draftCredentials(request.draft, deps.decryptor), options);
      // The one runnable-profile check (one store read, one key import).
      const runnable = await deps.profiles.runnable(request.profileId, 'intelligence');
      const report = await runProfile(runnable, options);
      if (report.outcome.ok) await deps.rememberToken?.(runnable, cachedIntelligenceToken(report.outcome.token));
      return report;
    },
    runProfile,
  };
}
