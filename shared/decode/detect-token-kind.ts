// Recognizes the Marketing Cloud token kinds from a decoded header and payload (nothing is verified).
import type { JsonObject } from './decoded-token';
import type { TokenKind } from './token-kind';
import { INTELLIGENCE_AUDIENCE } from './intelligence-audience';

/** The issuer a legacy (claims version 1) App Center SSO JWT may carry. */
export const ENGAGEMENT_V1_ISSUER = 'https://imh.exacttarget.com';

const ACCESS_TOKEN_FIELDS = ['access_token', 'eid', 'stack_key', 'client_id', 'client_type', 'platform_version'] as const;

/** The fields of the JWT body Journey Builder POSTs to a custom activity, as recorded calls and public activity code show them. */
export const CUSTOM_ACTIVITY_FIELDS = [
  'inArguments',
  'outArguments',
  'activityObjectID',
  'journeyId',
  'activityId',
  'definitionInstanceId',
  'activityInstanceId',
  'keyValue',
  'mode',
] as const;

/**
 * True for a custom-activity call: three of its fields, or inArguments as an array with one more. A lifecycle call
 * (save, validate, publish, stop) may carry fewer fields than execute does; no generic JWT claim shares these names.
 */
export function isCustomActivityCall(payload: JsonObject): boolean {
  let found = 0;
  for (const field of CUSTOM_ACTIVITY_FIELDS) if (payload[field] !== undefined) found++;
  return found >= 3 || (found >= 2 && Array.isArray(payload.inArguments));
}

function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** True when the audience is the Intelligence IdP, also when it carries the stray `"` or a trailing `/` users copy from the docs. */
export function isIntelligenceAudience(aud: unknown): boolean {
  if (Array.isArray(aud)) return aud.some(isIntelligenceAudience);
  if (typeof aud !== 'string' || !aud.startsWith(INTELLIGENCE_AUDIENCE)) return false;
  const rest = aud.slice(INTELLIGENCE_AUDIENCE.length);
  return rest === '' || rest === '"' || rest === '/';
}

function ssoVersion(payload: JsonObject): 1 | 2 | null {
  const request = asObject(payload.request);
  if (request === null) return null;
  const version = request.claimsVersion;
  if (version === 2 || version === '2') return 2;
  if (version === 1 || version === '1') return 1;
  const user = asObject(request.user);
  if ((user !== null && user.oauthToken !== undefined) || payload.iss === ENGAGEMENT_V1_ISSUER) return 1;
  return null;
}

/** Detects the token kind; `payload` is null when it is not a JSON object (a plain JWS, not a JWT); `segmentCount` is 4 for the Engagement access-token shape. */
export function detectTokenKind(header: JsonObject, payload: JsonObject | null, segmentCount = 3): TokenKind {
  if (payload === null) return 'jws';
  if (segmentCount === 4) {
    return ACCESS_TOKEN_FIELDS.some((field) => payload[field] !== undefined) ? 'engagement-access-token' : 'generic';
  }
  const version = ssoVersion(payload);
  if (version === 2) return 'engagement-sso-v2';
  if (version === 1) return 'engagement-sso-v1';
  if (isCustomActivityCall(payload)) return 'custom-activity';
  if (header.alg === 'RS256' && typeof payload.iss === 'string' && payload.iss === payload.sub && isIntelligenceAudience(payload.aud)) {
    return 'intelligence-assertion';
  }
  return 'generic';
}
