import type { DecodedToken } from '../decode/decoded-token';

/**
 * True when the decoded token can be edited and re-signed: one compact JWS with a JSON payload, not a four-segment access
 * token. A module of its own, so the decoder shows its button without loading Compose's templates (compose-draft).
 */
export function canEditAndResign(token: DecodedToken): boolean {
  return token.serialization === 'compact' && token.segments.length === 3 && token.payloadText === null;
}
