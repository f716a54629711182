// How a token is sent to an endpoint as Marketing Cloud would: Journey Builder POSTs an activity call's JWT as the whole body
// (Content-Type: application/jwt, seen in public code, not in the docs), and an SSO login is a form POST with a field `jwt`
// (documented). Nothing else is sent: no cookie, no Authorization header.
import type { TokenKind } from '../decode/token-kind';
import type { SendStyle } from './compose-templates';

/** The body and content type of a send. */
export interface SendBody {
  contentType: string;
  body: string;
}

/** The content type Journey Builder sends a custom-activity call with. */
export const ACTIVITY_CONTENT_TYPE = 'application/jwt';
/** The content type of the SSO login form post. */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The body of a send in this style. */
export function sendBodyOf(token: string, style: SendStyle): SendBody {
  if (style === 'sso-form') return { contentType: FORM_CONTENT_TYPE, body: new URLSearchParams({ jwt: token }).toString() };
  return { contentType: ACTIVITY_CONTENT_TYPE, body: token };
}

/** The style a token of this kind is sent in: the SSO form for an App Center SSO JWT, an activity call otherwise. */
export function sendStyleOfKind(kind: TokenKind): SendStyle {
  return kind === 'engagement-sso-v1' || kind === 'engagement-sso-v2' ? 'sso-form' : 'activity';
}

/** Words for a style, for the UI and the CLI. */
export const SEND_STYLE_LABELS: Readonly<Record<SendStyle, string>> = {
  activity: 'Custom-activity call (body: the JWT, Content-Type: application/jwt)',
  'sso-form': 'SSO login form post (form field jwt)',
};
