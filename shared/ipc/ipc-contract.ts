// shared/ipc: the typed IPC contract between renderer and main. Start here: IpcChannelMap lists every channel with its
// request and response; request-schemas.ts (with request-limits.ts) checks requests at run time, result.ts is the
// { ok, value } | { ok: false, error } shape, and create-bridge.ts builds window.workbench from a transport.
import type { SendReport, SendRequest, SignRequest, SignedToken } from '../compose/compose-types';
import type { EngagementCredentials } from '../engagement/credentials';
import type { EngagementFlowReport, EngagementStepId, RefreshReport, RefreshStepId } from '../engagement/flow-types';
import type { WebAppReport, WebSignInStepId } from '../engagement/web-app-types';
import type { WebSignInInput } from '../engagement/web-sign-in-plan';
import type { WhoamiReport } from '../engagement/whoami-calls';
import type { ErrorPayload } from '../errors/workbench-error';
import type { FlowStep, FlowWarning, TokenRequestStyle } from '../exchange/flow-types';
import type { TokenFlowReport, TokenFlowStep } from '../intelligence/flow-types';
import type { Region } from '../intelligence/regions';
import type { Product, Profile } from '../profiles/profile';
import type { SecretEncoding, VerificationResult } from '../verify/verification';
import type { IpcResult } from './result';

/** Whether the OS keychain answers; when it does not, the error says what to do. The one keychain-status type. */
export type KeychainStatus = { available: true } | { available: false; error: ErrorPayload };

/** What the app tells the renderer about itself. */
export interface AppInfo {
  version: string;
  platform: string;
  keychain: KeychainStatus;
}

/** A stored secret's keychain entry as the last listing found it. */
export type SecretEntryState = 'present' | 'missing' | 'unknown'; // unknown: the keychain did not answer

/** Per profile id: the state of each entry the profile says it has (absent key = the profile has no such secret). */
export interface ProfileKeychainState {
  secret?: SecretEntryState;
  clientSecret?: SecretEntryState;
}

/** An entry of profiles.json this version cannot read: kept in the file as it is, shown read-only. */
export interface ForeignProfileEntry {
  index: number;
  id: string | null;
  name: string | null;
  product: string | null;
  fields: string[];
}

/**
 * The saved profiles, any problem met reading them (e.g. a corrupt file), the state of each profile's keychain entries, and
 * the entries saved by a newer version (kept in the file, read-only here).
 */
export interface ProfilesListing {
  profiles: Profile[];
  problems: ErrorPayload[];
  keychain: Record<string, ProfileKeychainState>;
  foreign: ForeignProfileEntry[];
}

/** Whether a saved profile has a token cached for its current credentials, and until when (milliseconds since the epoch). Never the token. */
export type TokenCacheState = { cached: false } | { cached: true; expiresAt: number };

/** A valid token of a saved profile, reused from the cache or new (and then cached): only ever sent for an explicit "Copy token". */
export interface CopiedToken {
  accessToken: string;
  expiresAt: number;
  cached: boolean;
}

/** Create (no id) or update (id) a profile; secrets go to the keychain, never into the profile. */
export interface SaveProfileRequest {
  id?: string;
  name: string;
  product: Product;
  clientId: string;
  region?: Region | null;
  discoveryUrl?: string | null;
  tokenRequestStyle?: TokenRequestStyle;
  /** Intelligence: the private key as pasted; omit to keep the stored one. */
  privateKeyPem?: string;
  /** Intelligence: the passphrase of an encrypted key (used once to decrypt; not stored). */
  passphrase?: string;
  /** Engagement: the JWT signing secret; omit to keep the stored one. */
  signingSecret?: string;
  secretEncoding?: SecretEncoding;
  /** Engagement server-to-server: the tenant subdomain, or the auth base URL (one of them). */
  subdomain?: string | null;
  authUrl?: string | null;
  /** Engagement server-to-server: space-separated scopes; null/omitted asks for the package's own. */
  scope?: string | null;
  /** Engagement server-to-server: the business unit MID for account_id. */
  accountId?: string | null;
  /** Engagement server-to-server: the installed package's client secret; omit to keep the stored one. */
  clientSecret?: string;
}

/** Unsaved Intelligence credentials, as the form stands: used for one run only, never written to disk or the keychain. */
export type TokenRunDraft = {
  clientId: string;
  /** The private key as pasted. */
  privateKeyPem: string;
  /** The passphrase of an encrypted key (used once to decrypt it). */
  passphrase?: string;
  tokenRequestStyle: TokenRequestStyle;
} & ({ region: Region; discoveryUrl?: never } | { discoveryUrl: string; region?: never });

/**
 * A token run: with a saved profile, or with a draft (test before saving). `timeoutMs` is the deadline of each request;
 * `runId` names the run's progress events (the call's signal cancels it).
 */
export type TokenRunRequest = { runId: string; timeoutMs?: number } & (
  { profileId: string; draft?: never } | { draft: TokenRunDraft; profileId?: never }
);

/** Unsaved Engagement values for one run ("test without saving"): used in the main process for that run only, never written to disk or the keychain. */
export type EngagementDraft = EngagementCredentials;

/** A server-to-server token run, from a saved profile or from unsaved form values; `whoami` adds userinfo and the SOAP endpoint. */
export type EngagementTokenRequest = { runId: string; timeoutMs?: number; whoami?: boolean } & (
  { profileId: string } | { draft: EngagementDraft }
);

/**
 * A legacy refresh of the SSO JWT in `token` (spends its single-use refresh token): with a saved profile's client id and
 * stored client secret, or with a client id and secret typed for this run only.
 */
export type EngagementRefreshRequest = { runId: string; timeoutMs?: number; token: string } & (
  { profileId: string } | { clientId: string; clientSecret: string }
);

/**
 * webapp:begin: a web or public app's sign-in. The client secret (a web app's; none for a public app) stays in the main
 * process with the sign-in until its code is exchanged; `open` asks the main process to open the authorize URL in the
 * system browser (the desktop app does; under mctoken ui the page opens it itself).
 */
export interface WebSignInBeginRequest extends WebSignInInput {
  clientSecret?: string | null;
  open?: boolean;
}

/** A started sign-in: its id (for finish and save, from this window only), the URL to sign in at, and what it asks for. */
export interface WebSignInStarted {
  signInId: string;
  authorizeUrl: string;
  redirectUri: string;
  requestedScopes: string[] | null;
  warnings: FlowWarning[];
  /** When the sign-in stops waiting for the pasted address (ms since the epoch). */
  expiresAt: number;
  /** Whether the main process opened the authorize URL in the system browser. */
  opened: boolean;
}

/** webapp:finish: the address the browser ended on, pasted back; the code is exchanged at once, as run `runId`. */
export interface WebSignInFinishRequest {
  runId: string;
  signInId: string;
  pasted: string;
  timeoutMs?: number;
}

/** webapp:whoami: who-am-I with a finished sign-in's access token (held in the main process), as run `runId`. */
export interface WebSignInWhoamiRequest {
  runId: string;
  signInId: string;
  timeoutMs?: number;
}

/** Every request/response channel, with its request and response types. The one map both sides are typed from. */
export interface IpcChannelMap {
  'app:info': { request: null; response: AppInfo };
  'profiles:list': { request: null; response: ProfilesListing };
  'profiles:save': { request: SaveProfileRequest; response: Profile };
  'profiles:rename': { request: { id: string; name: string }; response: Profile };
  'profiles:delete': { request: { id: string }; response: { id: string } };
  /** Per profile id: whether a token is cached and until when (never the token). */
  'profiles:token-states': { request: null; response: Record<string, TokenCacheState> };
  /** The user asked to copy a profile's token: a valid one (reused or new, cached), the one channel a token goes to the renderer by. */
  'profiles:copy-token': { request: { profileId: string }; response: CopiedToken };
  'intelligence:run': { request: TokenRunRequest; response: TokenFlowReport };
  'engagement:token': { request: EngagementTokenRequest; response: EngagementFlowReport };
  'engagement:refresh': { request: EngagementRefreshRequest; response: RefreshReport };
  'verify:with-profile': { request: { profileId: string; token: string }; response: VerificationResult };
  /** Signs a composed token in the main process (a profile's key never leaves it); `alg: none` is never produced. */
  'compose:sign': { request: SignRequest; response: SignedToken };
  /** POSTs a token to the URL typed (https, or http on loopback) as an activity call or an SSO form post; redirects are not followed. */
  'compose:send': { request: SendRequest; response: SendReport };
  /** Starts a web or public app's sign-in (authorization code): the authorize URL, the sign-in kept in the main process. */
  'webapp:begin': { request: WebSignInBeginRequest; response: WebSignInStarted };
  /** Reads the pasted address and exchanges its code; the report's token never carries the refresh token (kept in main to save). */
  'webapp:finish': { request: WebSignInFinishRequest; response: WebAppReport };
  /** Saves a finished sign-in as an engagement-web profile: its refresh token goes from main memory to the OS keychain. */
  'webapp:save': { request: { signInId: string; name: string }; response: Profile };
  /** v2/userinfo and the SOAP endpoint with a finished sign-in's access token, which never comes from the renderer. */
  'webapp:whoami': { request: WebSignInWhoamiRequest; response: WhoamiReport };
}

/** Every main-to-renderer event, with its payload type. */
export interface IpcEventMap {
  'intelligence:progress': { runId: string; step: TokenFlowStep };
  'engagement:progress': { runId: string; step: FlowStep<EngagementStepId | RefreshStepId | WebSignInStepId> };
}

/** A request/response channel name. */
export type IpcChannel = keyof IpcChannelMap;
/** A main-to-renderer event name. */
export type IpcEvent = keyof IpcEventMap;
/** The request type of a channel. */
export type IpcRequest<C extends IpcChannel> = IpcChannelMap[C]['request'];
/** The response type of a channel. */
export type IpcResponse<C extends IpcChannel> = IpcChannelMap[C]['response'];

/** The channel names at run time, in the same order as the map. */
export const IPC_CHANNELS = [
  'app:info',
  'profiles:list',
  'profiles:save',
  'profiles:rename',
  'profiles:delete',
  'profiles:token-states',
  'profiles:copy-token',
  'intelligence:run',
  'engagement:token',
  'engagement:refresh',
  'verify:with-profile',
  'compose:sign',
  'compose:send',
  'webapp:begin',
  'webapp:finish',
  'webapp:save',
  'webapp:whoami',
] as const satisfies readonly IpcChannel[];

/** The event names at run time. */
export const IPC_EVENTS = ['intelligence:progress', 'engagement:progress'] as const satisfies readonly IpcEvent[];

/**
 * What a call may carry besides its request. `signal` cancels it: the app stops the work (a run ends as cancelled) and the
 * call still answers with what the work answered, e.g. the cancelled run's report.
 */
export interface InvokeOptions {
  signal?: AbortSignal;
}

/** The IPC transport the bridge is built on: Electron's ipcRenderer in the app, HTTP and server-sent events under mctoken ui. */
export interface IpcTransport {
  /** `signal`: the transport tells the other side to abort this one call (no other caller's). */
  invoke(channel: IpcChannel, request: unknown, signal?: AbortSignal): Promise<unknown>;
  on(event: IpcEvent, listener: (payload: unknown) => void): () => void;
}

/** The object the preload exposes on `window.workbench`: one typed method per channel, plus event subscriptions. */
export type WorkbenchBridge = {
  [C in IpcChannel]: (request: IpcRequest<C>, options?: InvokeOptions) => Promise<IpcResult<IpcResponse<C>>>;
} & {
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventMap[E]) => void): () => void;
};
