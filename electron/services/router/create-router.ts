// The IPC router: every request is validated with its channel's zod schema (shared/ipc/request-schemas.ts), handed to the
// channel's handler in the table below, and answered as an IpcResult; nothing is thrown across IPC. The app (electron/app)
// and the CLI (cli/services.ts) call the same router. The services it uses are injected (router-types.ts).
import { decodeToken } from '../../../shared/decode/decode-token';
import { WorkbenchError, errorFromPayload, isWorkbenchError, toErrorPayload } from '../../../shared/errors/workbench-error';
import { IPC_CHANNELS, type IpcChannel } from '../../../shared/ipc/ipc-contract';
import { validateRequest } from '../../../shared/ipc/request-schemas';
import { fail, ok, type IpcResult } from '../../../shared/ipc/result';
import { verifySignature } from '../../../shared/verify/verify-signature';
import type { IpcEventMap, KeychainStatus } from '../../../shared/ipc/ipc-contract';
import type { ChannelHandler, HandlerTable, Router, RouterContext, RouterServices } from './router-types';

/** True when the name is a channel of the IPC contract. */
export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && (IPC_CHANNELS as readonly string[]).includes(name);
}

const UNKNOWN_CHANNEL = new WorkbenchError('ERR_IPC_UNKNOWN_CHANNEL', 'This request is not one the app knows: update or restart the app.');

/** Builds the IPC router over the given services: every channel validated with its zod schema, every failure returned as data. */
export function createRouter(services: RouterServices): Router {
  const handlers = handlerTable(services);
  return {
    async handle(channel: string, payload: unknown, context: RouterContext): Promise<IpcResult<unknown>> {
      if (!isIpcChannel(channel)) return fail(UNKNOWN_CHANNEL.toPayload());
      try {
        const request = validateRequest(channel, payload);
        const handler = handlers[channel] as ChannelHandler<IpcChannel>;
        return ok(await handler(request, context));
      } catch (error) {
        if (!isWorkbenchError(error)) services.onInternalError?.(channel, error);
        return fail(toErrorPayload(error));
      }
    },
  };
}

/** One handler per channel (a missing channel is a compile error). Requests arrive already validated. */
function handlerTable(services: RouterServices): HandlerTable {
  const { profiles, intelligence, engagement, compose, profileTokens, webSignIn } = services;
  return {
    /** The version (injected from package.json), the platform and whether the keychain answers. */
    'app:info': async () => ({ version: services.appVersion, platform: services.platform, keychain: await probeKeychain(services) }),

    // Profiles are handed to the profile service: secrets go to the keychain there, never back here.
    'profiles:list': () => profiles.list(),
    'profiles:save': (request) => profiles.save(request),
    'profiles:rename': ({ id, name }) => profiles.rename(id, name),
    'profiles:delete': async ({ id }) => {
      await profiles.delete(id);
      return { id };
    },
    /** The token cache through the same service as mctoken: states for the list, and a valid token for an explicit copy. */
    'profiles:token-states': async () => {
      const { profiles: saved } = await profiles.list();
      const states = await Promise.all(saved.map(async (profile) => [profile.id, await profileTokens.state(profile)] as const));
      return Object.fromEntries(states);
    },
    'profiles:copy-token': async ({ profileId }, { signal }) => {
      const got = await profileTokens.obtain({ ref: profileId, signal });
      if (!got.ok) throw errorFromPayload(got.error);
      return { accessToken: got.token.accessToken, expiresAt: got.token.expiresAt, cached: got.cached };
    },

    /**
     * Runs the token flow; its progress goes out as intelligence:progress events for the run id (which only matches progress
     * to the run: the call's own signal cancels it).
     */
    'intelligence:run': (request, context) =>
      intelligence.run(request, (step) => context.emit('intelligence:progress', { runId: request.runId, step }), context.signal),

    /** Engagement runs, from a saved profile or unsaved values (used for this run only); progress as engagement:progress events. */
    'engagement:token': (request, context) =>
      engagement.token(request, (step) => context.emit('engagement:progress', { runId: request.runId, step }), context.signal),
    'engagement:refresh': (request, context) =>
      engagement.refresh(request, (step) => context.emit('engagement:progress', { runId: request.runId, step }), context.signal),

    /** Decodes the token and checks it with the profile's stored signing secret, inside the main process (the secret never goes back). */
    'verify:with-profile': async ({ profileId, token }) => {
      const decoded = decodeToken(token);
      const { secret, encoding } = await profiles.getSigningSecret(profileId);
      const result = await verifySignature(decoded, { type: 'secret', secret, encoding });
      const { status, alg, error, signatures } = result;
      return { status, alg, ...(error === undefined ? {} : { error }), ...(signatures === undefined ? {} : { signatures }) };
    },

    /** Compose: signing (a profile's secret or key is read and used in the main process only) and sending to the URL typed. */
    'compose:sign': (request) => compose.sign(request),
    'compose:send': (request, { signal }) => compose.send(request, signal),

    /** Web sign-ins, each kept under the window that began it; the exchange's and who-am-I's progress as engagement:progress events. */
    'webapp:begin': async (request, context) => webSignIn.begin(senderOf(context), request),
    'webapp:finish': async (request, context) =>
      webSignIn.finish(senderOf(context), request, engagementProgress(request.runId, context), context.signal),
    'webapp:save': async (request, context) => webSignIn.save(senderOf(context), request),
    'webapp:whoami': async (request, context) =>
      webSignIn.whoami(senderOf(context), request, engagementProgress(request.runId, context), context.signal),
  };
}

/** A run's steps as engagement:progress events for its run id. */
function engagementProgress(runId: string, context: RouterContext) {
  return (step: IpcEventMap['engagement:progress']['step']) => context.emit('engagement:progress', { runId, step });
}

/** The caller's sender key; a caller without one (no window to come back to) cannot hold a sign-in. */
function senderOf(context: RouterContext): string {
  if (context.senderKey === undefined || context.senderKey === '')
    throw new WorkbenchError(
      'ERR_IPC_FORBIDDEN_SENDER',
      'A sign-in needs the app window that starts it: use the app window or mctoken ui.',
    );
  return context.senderKey;
}

/** Asks the keychain whether it answers; a probe that throws counts as unavailable (with its coded error). */
async function probeKeychain(services: RouterServices): Promise<KeychainStatus> {
  try {
    return await services.secrets.probe();
  } catch (error) {
    return { available: false, error: toErrorPayload(error) };
  }
}
