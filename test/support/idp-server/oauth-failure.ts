// An OAuth error answer of the local identity provider (RFC 6749 §5.2).
import type { IdpOAuthError } from './idp-types';

/** A rejected token request: the HTTP status and the RFC 6749 error body to answer with. */
export interface OAuthFailure {
  ok: false;
  status: 400 | 401;
  error: IdpOAuthError;
  description: string;
}

/** Builds a rejection; invalid_client answers 401, everything else 400. */
export function oauthFailure(error: IdpOAuthError, description: string): OAuthFailure {
  return { ok: false, status: error === 'invalid_client' ? 401 : 400, error, description };
}
