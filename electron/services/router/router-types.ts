import type { ComposePort } from '../compose/compose-service';
import type { EngagementPort } from '../engagement/engagement-service';
import type { TokenFlowReport, TokenFlowStep } from '../../../shared/intelligence/flow-types';
import type { ProfileTokenService } from '../token-cache/profile-token-service';
import type { WebSignInPort } from '../web-app/web-sign-in-service';
import type {
  TokenRunRequest,
  IpcChannel,
  IpcChannelMap,
  IpcEvent,
  IpcEventMap,
  IpcRequest,
  IpcResponse,
  KeychainStatus,
  ProfilesListing,
  SaveProfileRequest,
} from '../../../shared/ipc/ipc-contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { Profile } from '../../../shared/profiles/profile';
import type { SecretEncoding } from '../../../shared/verify/verification';

/** How a handler talks back to the caller outside the reply (main-to-renderer events), whether the caller cancelled, and who it is. */
export interface RouterContext {
  emit<E extends IpcEvent>(event: E, payload: IpcEventMap[E]): void;
  /** Aborted when the caller cancels this call (its shell's abort for it, a closed request, quitting); none: not cancellable. */
  signal?: AbortSignal;
  /**
   * The same for every request of one app window or one `mctoken ui` tab, and never the same for two: a web sign-in is
   * kept under it, so only the window that began one can finish or save it. Absent for callers without a window (the CLI).
   */
  senderKey?: string;
}

/** The IPC router: validates a request, runs the channel's handler and always answers with an IpcResult (never throws). */
export interface Router {
  handle(channel: string, payload: unknown, context: RouterContext): Promise<IpcResult<unknown>>;
}

/** One channel's handler, typed from IpcChannelMap. */
export type ChannelHandler<C extends IpcChannel> = (request: IpcRequest<C>, context: RouterContext) => Promise<IpcResponse<C>>;

/** The handler table: one handler per channel of IpcChannelMap (a missing channel is a compile error). */
export type HandlerTable = { [C in keyof IpcChannelMap]: ChannelHandler<C> };

/** What the router needs of the profile service (electron/services/profiles). */
export interface ProfilesPort {
  list(): Promise<ProfilesListing>;
  save(request: SaveProfileRequest): Promise<Profile>;
  rename(id: string, name: string): Promise<Profile>;
  delete(id: string): Promise<unknown>;
  getSigningSecret(id: string): Promise<{ secret: string; encoding: SecretEncoding }>;
}

/** What the router needs of the Intelligence service (electron/services/intelligence). */
export interface IntelligencePort {
  run(request: TokenRunRequest, onStep: (step: TokenFlowStep) => void, signal?: AbortSignal): Promise<TokenFlowReport>;
}

/** Everything the router's handlers use, injected so the router runs under plain Node. */
export interface RouterServices {
  /** The app version (package.json), injected by the caller. */
  appVersion: string;
  /** The OS platform name, e.g. `linux`. */
  platform: string;
  secrets: { probe(): Promise<KeychainStatus> };
  profiles: ProfilesPort;
  intelligence: IntelligencePort;
  /** Engagement server-to-server tokens, who-am-I and the legacy refresh. */
  engagement: Pick<EngagementPort, 'token' | 'refresh'>;
  /** Compose: signs composed tokens and sends tokens to an endpoint (electron/services/compose). */
  compose: ComposePort;
  /** Saved profiles' cached tokens (electron/services/token-cache), the same service mctoken uses. */
  profileTokens: Pick<ProfileTokenService, 'obtain' | 'state'>;
  /** Web and public app sign-ins (electron/services/web-app): kept per sender, their refresh tokens never sent back. */
  webSignIn: WebSignInPort;
  /** Told about unexpected (non-WorkbenchError) failures; must not log their text where secrets could end up. */
  onInternalError?(channel: IpcChannel, error: unknown): void;
}
