// Payload fields of the four-segment Engagement access token (from POST /v2/token). No public doc describes them: every
// entry is marked undocumented and says "Seen in real tokens". The token carries no exp: it lasts `expires_in` seconds
// from the token response (the docs say 20 minutes; responses show 1079 or 1080), so that value is what counts.
import type { ClaimEntry } from '../claim-entry';
import { interpretClientType, interpretStackKey } from '../interpret/engagement-account';

const SEEN = 'Seen in real tokens, not documented:';

/** The payload fields seen in Engagement access tokens, one entry per path. */
export const ENGAGEMENT_ACCESS_TOKEN_CLAIMS: readonly ClaimEntry[] = [
  {
    path: 'access_token',
    undocumented: true,
    explanation: `${SEEN} an opaque value inside the token. Send the whole four-segment token as Authorization: Bearer, not this field.`,
  },
  { path: 'client_id', undocumented: true, explanation: `${SEEN} the client id of the installed package that requested the token.` },
  { path: 'eid', undocumented: true, explanation: `${SEEN} apparently the enterprise id (MID) of the account.` },
  {
    path: 'stack_key',
    undocumented: true,
    explanation: `${SEEN} the server instance (stack) of the account, e.g. S7 or S11. Call the rest_instance_url and soap_instance_url from the token response rather than URLs built from the stack.`,
    interpret: interpretStackKey,
  },
  { path: 'platform_version', undocumented: true, explanation: `${SEEN} a platform version number; its meaning is unknown.` },
  {
    path: 'client_type',
    undocumented: true,
    explanation: `${SEEN} the kind of integration that got the token: ServerToServer (client credentials) or Confidential (web app).`,
    interpret: interpretClientType,
  },
  { path: 'pid', undocumented: true, explanation: `${SEEN} present in some tokens only; its meaning is unknown.` },
];
