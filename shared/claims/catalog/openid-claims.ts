// OpenID Connect claims: the ID token claims (OpenID Connect Core 1.0 §2, `sid` from the logout specs) and the standard
// user claims (§5.1). Documented for any JWT, so an ID token's claims are explained rather than called undocumented.
import type { ClaimEntry, Interpreter } from '../claim-entry';
import { readNumericDate } from '../interpret/numeric-date';

const interpretAuthTime: Interpreter = (value, context) =>
  readNumericDate(value, context.now, { past: 'authenticated', future: 'authenticated in the future, in' });
const interpretUpdatedAt: Interpreter = (value, context) =>
  readNumericDate(value, context.now, { past: 'updated', future: 'updated in the future, in' });

const CORE = 'OpenID Connect Core §2';
const STANDARD = 'OpenID Connect Core §5.1';
const ADDRESS = 'OpenID Connect Core §5.1.1';

/** The ID token claims of OpenID Connect. */
export const OPENID_ID_TOKEN_CLAIMS: readonly ClaimEntry[] = [
  {
    path: 'nonce',
    explanation: `Nonce: the value the client sent in its authentication request, echoed back to tie this ID token to it and stop replays (${CORE}).`,
  },
  {
    path: 'auth_time',
    explanation: `When the user authenticated, in seconds since 1970-01-01 UTC (${CORE}).`,
    interpret: interpretAuthTime,
  },
  { path: 'azp', explanation: `Authorized party: the client id the ID token was issued to (${CORE}).` },
  {
    path: 'at_hash',
    explanation:
      'Access token hash: the left half of a hash of the access token issued with this ID token, base64url encoded (OpenID Connect Core §3.1.3.6).',
  },
  {
    path: 'c_hash',
    explanation:
      'Code hash: the left half of a hash of the authorization code issued with this ID token, base64url encoded (OpenID Connect Core §3.3.2.11).',
  },
  { path: 'acr', explanation: `Authentication context class reference: the assurance level the authentication met (${CORE}).` },
  { path: 'amr', explanation: `Authentication methods references: how the user authenticated, e.g. pwd, otp, mfa (${CORE}, RFC 8176).` },
  {
    path: 'sid',
    explanation: "Session id: the user's session at the issuer, used for logout (OpenID Connect Front-Channel and Back-Channel Logout).",
  },
];

/** The standard user claims of OpenID Connect. */
export const OPENID_STANDARD_CLAIMS: readonly ClaimEntry[] = [
  { path: 'name', explanation: `The user's full name in displayable form (${STANDARD}).` },
  { path: 'given_name', explanation: `Given (first) name or names (${STANDARD}).` },
  { path: 'family_name', explanation: `Surname or last name (${STANDARD}).` },
  { path: 'middle_name', explanation: `Middle name or names (${STANDARD}).` },
  { path: 'nickname', explanation: `A casual name the user goes by (${STANDARD}).` },
  {
    path: 'preferred_username',
    explanation: `The short name the user wants to be called, e.g. an email address; not unique or stable, so never use it as a key (${STANDARD}).`,
  },
  { path: 'profile', explanation: `URL of the user's profile page (${STANDARD}).` },
  { path: 'picture', explanation: `URL of the user's profile picture (${STANDARD}).` },
  { path: 'website', explanation: `URL of the user's web page or blog (${STANDARD}).` },
  { path: 'email', explanation: `The user's preferred email address; not unique or stable, so never use it as a key (${STANDARD}).` },
  { path: 'email_verified', explanation: `True when the issuer took steps to verify the email address (${STANDARD}).` },
  { path: 'gender', explanation: `Gender: female and male are defined, other values may be used (${STANDARD}).` },
  { path: 'birthdate', explanation: `Birthday as YYYY-MM-DD, or YYYY alone; a year of 0000 means it is withheld (${STANDARD}).` },
  { path: 'zoneinfo', explanation: `Time zone from the IANA database, e.g. Europe/Paris (${STANDARD}).` },
  { path: 'locale', explanation: `Locale as a BCP 47 language tag, e.g. en-US; some issuers use an underscore (${STANDARD}).` },
  {
    path: 'phone_number',
    explanation: `The user's preferred telephone number, recommended in E.164 form, e.g. +1 (425) 555-1212 (${STANDARD}).`,
  },
  { path: 'phone_number_verified', explanation: `True when the issuer took steps to verify the phone number (${STANDARD}).` },
  { path: 'address', explanation: `The user's preferred postal address (${ADDRESS}).`, subtree: true },
  { path: 'address.formatted', explanation: `The full address as it would be printed on a label (${ADDRESS}).` },
  { path: 'address.street_address', explanation: `Street address: house number, street name, maybe apartment (${ADDRESS}).` },
  { path: 'address.locality', explanation: `City or locality (${ADDRESS}).` },
  { path: 'address.region', explanation: `State, province, prefecture or region (${ADDRESS}).` },
  { path: 'address.postal_code', explanation: `Postal code or ZIP code (${ADDRESS}).` },
  { path: 'address.country', explanation: `Country name (${ADDRESS}).` },
  {
    path: 'updated_at',
    explanation: `When the user's information was last updated, in seconds since 1970-01-01 UTC (${STANDARD}).`,
    interpret: interpretUpdatedAt,
  },
];
