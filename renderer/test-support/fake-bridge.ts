// A fake WorkbenchBridge for component tests: the unit boundary of the IPC screens (the real router is covered by e2e).
import type {
  InvokeOptions,
  IpcChannel,
  IpcEventMap,
  IpcRequest,
  IpcResponse,
  ProfilesListing,
  WorkbenchBridge,
} from '../../shared/ipc/ipc-contract';
import type { IpcResult } from '../../shared/ipc/result';
import type { Profile } from '../../shared/profiles/profile';
import { makeProfile } from '../../test/support/profiles';

/** A handler for one channel: returns the result the fake sends back. */
export type FakeHandler<C extends IpcChannel> = (request: IpcRequest<C>) => IpcResult<IpcResponse<C>> | Promise<IpcResult<IpcResponse<C>>>;

/** Per-channel handlers to override the defaults. */
export type FakeHandlers = { [C in IpcChannel]?: FakeHandler<C> };

/** A recorded call, with the signal it was given (if any). */
export interface FakeCall {
  channel: IpcChannel;
  request: unknown;
  signal?: AbortSignal;
}

/** The fake and its controls: recorded calls and a way to emit `intelligence:progress`. */
export interface FakeBridge {
  bridge: WorkbenchBridge;
  calls: FakeCall[];
  emit: (payload: IpcEventMap['intelligence:progress']) => void;
  listenerCount: () => number;
  callsTo: (channel: IpcChannel) => unknown[];
  /** The signals the calls to a channel were given, in order (undefined: a call without one). */
  signalsTo: (channel: IpcChannel) => (AbortSignal | undefined)[];
}

// The one Profile factory, re-exported beside the fake that answers with it.
export { makeEngagementProfile, makeProfile } from '../../test/support/profiles';

/** A `profiles:list` answer: these profiles, no problem, every keychain entry as the profile says, nothing foreign (unless overridden). */
export function listingOf(profiles: Profile[], extra: Partial<Omit<ProfilesListing, 'profiles'>> = {}): ProfilesListing {
  return { profiles, problems: [], keychain: {}, foreign: [], ...extra };
}

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

/** Builds a fake bridge: every channel answers with a plain default unless a handler overrides it; calls are recorded. */
export function createFakeBridge(handlers: FakeHandlers = {}): FakeBridge {
  const calls: FakeCall[] = [];
  const listeners = new Set<(payload: IpcEventMap['intelligence:progress']) => void>();
  const defaults: { [C in IpcChannel]: FakeHandler<C> } = {
    'app:info': () => ok({ version: '0.1.0', platform: 'linux', keychain: { available: true } }),
    'profiles:list': () => ok(listingOf([])),
    'profiles:save': (request) =>
      ok(
        makeProfile({ ...request, id: request.id ?? 'p-new', region: request.region ?? null, discoveryUrl: request.discoveryUrl ?? null }),
      ),
    'profiles:rename': (request) => ok(makeProfile({ id: request.id, name: request.name })),
    'profiles:delete': (request) => ok({ id: request.id }),
    'profiles:token-states': () => ok({}),
    'profiles:copy-token': () => ok({ accessToken: 'fake.copied.token', expiresAt: Date.now() + 300_000, cached: false }),
    'intelligence:run': () => new Promise(() => undefined),
    'engagement:token': () => new Promise(() => undefined),
    'engagement:refresh': () => new Promise(() => undefined),
    'verify:with-profile': () => ok({ status: 'unchecked', alg: 'HS256' }),
    'compose:sign': () => new Promise(() => undefined),
    'compose:send': () => new Promise(() => undefined),
    'webapp:begin': () => new Promise(() => undefined),
    'webapp:finish': () => new Promise(() => undefined),
    'webapp:save': () => new Promise(() => undefined),
    'webapp:whoami': () => new Promise(() => undefined),
  };
  const bridge: Record<string, unknown> = {};
  for (const channel of Object.keys(defaults) as IpcChannel[]) {
    bridge[channel] = async (request: unknown, options?: InvokeOptions) => {
      calls.push({ channel, request, ...(options?.signal === undefined ? {} : { signal: options.signal }) });
      const handler = (handlers[channel] ?? defaults[channel]) as (request: unknown) => unknown;
      return handler(request);
    };
  }
  bridge.on = (_event: 'intelligence:progress', listener: (payload: IpcEventMap['intelligence:progress']) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    bridge: bridge as WorkbenchBridge,
    calls,
    emit: (payload) => listeners.forEach((listener) => listener(payload)),
    listenerCount: () => listeners.size,
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.request),
    signalsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.signal),
  };
}
