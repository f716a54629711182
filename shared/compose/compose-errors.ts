// The errors of composing and signing a token: one place for their codes and wording.
import { WorkbenchError } from '../errors/workbench-error';

/** Which JSON a message is about. */
export type ComposePart = 'header' | 'payload';

/** The most characters a composed header may have: real headers are a few dozen bytes. */
export const MAX_HEADER_CHARS = 8 * 1024;
/** The most characters a composed payload may have (half the decoder's token limit, so the signed token still decodes). */
export const MAX_PAYLOAD_CHARS = 512 * 1024;

/** A coded compose error. */
export function composeError(code: ConstructorParameters<typeof WorkbenchError>[0], message: string, hint?: string): WorkbenchError {
  return new WorkbenchError(code, message, hint === undefined ? {} : { hint });
}

/** The fixed messages (tests and UIs compare against these). */
export const COMPOSE_MESSAGES = {
  algNone: 'Compose never makes an unsigned token (alg: none): nothing would prove who made it. Pick a signing algorithm such as HS256.',
  keyMismatch: (alg: string, kind: string) => `${alg} does not sign with ${kind}: pick an algorithm that fits the key, or another key.`,
} as const;
