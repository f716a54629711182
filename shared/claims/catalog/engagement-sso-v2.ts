// App Center SSO JWT, claims version 2 (current), from the Marketing Cloud app development docs, with the corrections
// newer docs make to the older "Explanation of the Decoded JWT" page. Only legacy packages receive this JWT.
// One entry per path, in the order the docs list them: add new paths as new lines so parallel edits merge cleanly.
import type { ClaimEntry } from '../claim-entry';
import { interpretExp, interpretExpiresIn } from '../interpret/numeric-date';
import { interpretJti } from '../interpret/jti-shape';
import { interpretCulture } from '../interpret/culture';
import { interpretTimezoneOffset } from '../interpret/utc-offset';
import { interpretTenantEndpoint } from '../interpret/endpoint';
import {
  interpretClaimsVersion,
  interpretCustomerEnvironment,
  interpretDataContext,
  interpretOrganizationId,
  interpretRegion,
  interpretStackKey,
} from '../interpret/engagement-account';

const V1_ONLY = 'In claims version 2 this is not used';
const SEEN = "Seen in SSO JWTs as Salesforce's own mocks build them, not on the public claims page:";

/** The documented claims of an App Center SSO JWT, claims version 2 (also the base of version 1). */
export const ENGAGEMENT_SSO_V2_CLAIMS: readonly ClaimEntry[] = [
  {
    path: 'exp',
    explanation: 'When this SSO JWT expires, in seconds since 1970-01-01 UTC: reject it on or after this time.',
    interpret: interpretExp,
  },
  { path: 'jti', explanation: 'Unique id of this JWT: remember it to refuse a replayed login.', interpret: interpretJti },
  {
    path: 'request.claimsVersion',
    explanation: 'Layout of the claims: 2 is current; 1 is the legacy layout that also carried API tokens.',
    interpret: interpretClaimsVersion,
  },
  {
    path: 'request.rest.authEndpoint',
    explanation:
      'The tenant\'s auth endpoint for the legacy refresh: POST clientId, clientSecret, refreshToken and accessType "offline" to it (v1/requestToken) to get an access token. It may name a legacy shared host (auth.exacttargetapis.com, auth.exacttarget.com) instead of a tenant-specific one.',
    interpret: interpretTenantEndpoint,
  },
  {
    path: 'request.rest.apiEndpointBase',
    explanation:
      "Base URL of the tenant's REST API; after each new token, GET platform/v1/endpoints on it to find the others (e.g. SOAP). It may name a legacy shared host (*.exacttargetapis.com) instead of a tenant-specific one.",
    interpret: interpretTenantEndpoint,
  },
  {
    path: 'request.rest.refreshToken',
    explanation:
      'Refresh token for the legacy requestToken call: valid up to 700 days or until used once (a second use gets 401 after a 5-minute grace); each refresh returns a new one to use next time. Absent when the package has no API Integration component.',
    secret: 'credential',
  },
  {
    path: 'request.rest.mcAccessToken',
    undocumented: true,
    secret: 'token',
    explanation: `${SEEN} an Engagement access token for this user, ready for REST calls as Authorization: Bearer. Treat it like a password: anyone holding this JWT can call the API as the user until it expires.`,
  },
  {
    path: 'request.rest.mcAccessTokenExp',
    undocumented: true,
    explanation: `${SEEN} the lifetime of mcAccessToken in seconds, read here like the version 1 expiresIn: counted from when the JWT arrives.`,
    interpret: interpretExpiresIn,
  },
  { path: 'request.user.id', explanation: 'The id of the Marketing Cloud user who opened the app.' },
  { path: 'request.user.email', explanation: "The user's email address." },
  { path: 'request.user.culture', explanation: "The user's culture (language and region) code, e.g. en-US.", interpret: interpretCulture },
  { path: 'request.user.timezone.longName', explanation: "The full name of the user's time zone." },
  { path: 'request.user.timezone.shortName', explanation: "The short name of the user's time zone." },
  {
    path: 'request.user.timezone.offset',
    explanation:
      "The user's time-zone offset from UTC, in hours (e.g. -6.0). It looks like the standard offset, with dst saying whether daylight saving applies: the docs' userinfo example shows London as offset 0, dst true. The docs say no more.",
    interpret: interpretTimezoneOffset,
  },
  {
    path: 'request.user.timezone.dst',
    explanation:
      "Whether daylight saving time applies to the user's time zone (true or false); offset then looks like the standard offset. The docs say no more.",
  },
  {
    path: 'request.organization.id',
    explanation:
      'The account (MID) the user is in: for an agency sub-account it equals the enterprise id; for an enterprise sub-account it is the business unit id.',
    interpret: interpretOrganizationId,
  },
  {
    path: 'request.organization.enterpriseId',
    explanation:
      "The enterprise id: the MID of the top-level (parent) account. For an agency sub-account it is the agency client's id, not the top-level parent's.",
  },
  {
    path: 'request.organization.dataContext',
    explanation:
      "The account's edition: core (Core or Advanced), reseller (Agency or Agency Client), tiered (Enterprise) or enterprise (Enterprise 2.0).",
    interpret: interpretDataContext,
  },
  {
    path: 'request.organization.stackKey',
    explanation:
      'The server instance (stack) of the account, e.g. S7 or S11. Do not build URLs from it: use the tenant-specific endpoints (request.rest.apiEndpointBase, then GET platform/v1/endpoints).',
    interpret: interpretStackKey,
  },
  { path: 'request.organization.region', explanation: "The account's region: NA1 or EU1.", interpret: interpretRegion },
  { path: 'request.application.id', explanation: 'The package id (called "App ID" in the old App Center).' },
  { path: 'request.application.package', explanation: 'The package name of the application.' },
  {
    path: 'request.application.customerEnvironment',
    explanation: 'Tells a production account from a development one, e.g. Prod; the docs publish no list of values.',
    interpret: interpretCustomerEnvironment,
  },
  { path: 'request.application.redirectUrl', explanation: 'Where to send the user after a successful SSO login.' },
  { path: 'request.application.features', explanation: 'Documented as not used.', unused: true, subtree: true },
  { path: 'request.application.userPermissions', explanation: 'Documented as not used.', unused: true, subtree: true },
  {
    path: 'request.user.oauthToken',
    explanation: `${V1_ONLY} (in version 1 it was a live REST access token).`,
    unused: true,
    secret: 'credential',
  },
  {
    path: 'request.user.internalOauthToken',
    explanation: `${V1_ONLY} (in version 1 it was a live SOAP "legacy" token).`,
    unused: true,
    secret: 'credential',
  },
  { path: 'request.user.refreshToken', explanation: `${V1_ONLY}; use request.rest.refreshToken.`, unused: true, secret: 'credential' },
  { path: 'request.user.expiresIn', explanation: `${V1_ONLY} (in version 1 it was the lifetime of oauthToken).`, unused: true },
];
