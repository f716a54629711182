import type { IssuedToken } from '../../../shared/intelligence/flow-types';

/** What `mctoken token --json` prints. */
export interface TokenJson {
  access_token: string;
  expires_in: number;
  /** ISO-8601. */
  expires_at: string;
  token_endpoint: string;
}

/** The `--json` object for an issued token. */
export function toTokenJson(token: IssuedToken): TokenJson {
  return {
    access_token: token.accessToken,
    expires_in: token.expiresIn,
    expires_at: new Date(token.expiresAt).toISOString(),
    token_endpoint: token.tokenEndpoint,
  };
}
