// Payload fields of the four-segment Engagement access token (from POST /v2/token).
import type { ClaimEntry } from '../claim-entry';
import { interpretClientType, interpretStackKey } from '../interpret/engagement-account';

/** The known payload fields of an Engagement access token. It carries no exp: it lasts expires_in (1080 s) from issue. */
export const ENGAGEMENT_ACCESS_TOKEN_CLAIMS: readonly ClaimEntry[] = [
  { path: 'access_token', explanation: 'An opaque value inside the token. Send the whole four-segment token as Authorization: Bearer, not this field.' },
  { path: 'client_id', explanation: 'The client id of the installed package that requested the token.' },
  { path: 'eid', explanation: 'The enterprise id: the MID of the top-level (parent) account.' },
  { path: 'stack_key', explanation: 'The server instance (stack) of the account, e.g. S7.', interpret: interpretStackKey },
  { path: 'platform_version', explanation: 'A platform version number; its meaning is not in the public docs.' },
  {
    path: 'client_type',
    explanation: 'The kind of integration that got the token: ServerToServer (client credentials) or Confidential (web app).',
    interpret: interpretClientType,
  },
];
