import { z } from 'zod';
import type { IpcChannel, IpcRequest } from '../../../shared/ipc/ipc-contract';
import { REQUEST_LIMITS as L, TIMEOUT_LIMITS } from './request-limits';

/** A string of at most `max` characters. */
const text = (max: number) => z.string().max(max);
/** A non-empty string of at most `max` characters. */
const nonEmpty = (max: number) => z.string().min(1).max(max);

/** `null` (or nothing at all) for channels without a request. */
const noRequest = z.union([z.null(), z.undefined()]).transform(() => null);

const id = nonEmpty(L.id);
const region = z.enum(['us1', 'us2', 'eu1', 'eu2']);

/** One zod schema per channel, validating the request at run time (strict: unknown fields are refused). */
export const REQUEST_SCHEMAS: { [C in IpcChannel]: z.ZodType<IpcRequest<C>, unknown> } = {
  'app:info': noRequest,
  'keys:inspect': z.strictObject({ pem: text(L.pem), passphrase: text(L.passphrase).optional() }),
  'profiles:list': noRequest,
  'profiles:save': z.strictObject({
    id: id.optional(),
    name: text(L.name),
    product: z.enum(['intelligence', 'engagement']),
    clientId: text(L.clientId),
    region: region.nullable().optional(),
    discoveryUrl: text(L.url).nullable().optional(),
    tokenRequestStyle: z.enum(['form', 'query']).optional(),
    privateKeyPem: text(L.pem).optional(),
    passphrase: text(L.passphrase).optional(),
    signingSecret: text(L.signingSecret).optional(),
    secretEncoding: z.enum(['text', 'base64', 'hex']).optional(),
  }),
  'profiles:rename': z.strictObject({ id, name: text(L.name) }),
  'profiles:delete': z.strictObject({ id }),
  'token:run': z.strictObject({ runId: id, profileId: id, timeoutMs: z.number().int().min(TIMEOUT_LIMITS.min).max(TIMEOUT_LIMITS.max).optional() }),
  'token:cancel': z.strictObject({ runId: id }),
  'verify:with-profile': z.strictObject({ profileId: id, token: text(L.token) }),
  'shell:open-external': z.strictObject({ url: nonEmpty(L.url) }),
};
