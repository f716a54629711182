/** The kinds of token the workbench recognizes. */
export const TOKEN_KINDS = [
  'engagement-sso-v1',
  'engagement-sso-v2',
  'intelligence-assertion',
  'engagement-access-token',
  'custom-activity',
  'generic',
  'jws',
] as const;

/** One recognized token kind. */
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Human names for the token kinds, as the UI and CLI show them. */
export const TOKEN_KIND_LABELS: Readonly<Record<TokenKind, string>> = {
  'engagement-sso-v1': 'Marketing Cloud Engagement App Center SSO JWT (claims version 1, legacy)',
  'engagement-sso-v2': 'Marketing Cloud Engagement App Center SSO JWT (claims version 2)',
  'intelligence-assertion': 'Marketing Cloud Intelligence client assertion (RS256)',
  'engagement-access-token': 'Marketing Cloud Engagement access token (four segments)',
  'custom-activity': 'Journey Builder custom activity call (the JWT body of execute, save, validate, publish or stop)',
  generic: 'JSON Web Token',
  jws: 'JSON Web Signature (JWS): the payload is not JSON claims, so this is not a JWT',
};
