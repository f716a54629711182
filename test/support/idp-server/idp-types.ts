// The public shape of the local Intelligence identity-provider test server.
import type { Region } from '../../../shared/intelligence/regions';

/** How the server misbehaves: slow answers, a 500, an HTML page, a reset connection, or a skewed clock. */
export type IdpFaultMode = 'none' | 'slow' | 'server-error' | 'html' | 'reset' | 'clock-skew';

/** Settings of a fault mode. */
export interface IdpFaultOptions {
  /** slow: how long to wait before answering (default 20 s). */
  delayMs?: number;
  /** clock-skew: how far the server clock (Date header and iat checks) is ahead; negative for behind (default 600). */
  skewSeconds?: number;
  /** html: the status of the HTML page (default 502). */
  status?: number;
  /** Limit the fault to one endpoint (default: both). */
  only?: 'discovery' | 'token';
}

/** The OAuth error codes the server answers with (RFC 6749 §5.2). */
export type IdpOAuthError = 'invalid_client' | 'invalid_grant' | 'invalid_request' | 'unsupported_grant_type';

/** One request the server received (parameter names only: no secrets are recorded). */
export interface IdpRequestRecord {
  method: string;
  /** The path without the query string. */
  path: string;
  endpoint: 'discovery' | 'token' | null;
  region: Region | null;
  queryNames: string[];
  bodyNames: string[];
  contentType: string | null;
  /** Which way the token request carried its parameters. */
  style: 'form' | 'query' | null;
  /** The status answered; null while pending, 0 when the connection was reset. */
  status: number | null;
  /** The OAuth error answered, if any. */
  error?: IdpOAuthError;
  errorDescription?: string;
  /** The fault mode that shaped the answer, if any. */
  fault?: IdpFaultMode;
}

/** Options of startIdpServer. */
export interface IdpServerOptions {
  /** Registered clients: client id → public key PEM (SPKI or PKCS#1). */
  clients?: Record<string, string>;
  /** Port to listen on (default: a random free port). */
  port?: number;
}

/** A running local identity provider on 127.0.0.1 that checks token requests by the documented rules, plus its own iat window and jti reuse rules. */
export interface IdpServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `<baseUrl>/<region>/.well-known/openid-configuration` */
  discoveryUrl(region: Region): string;
  /** `<baseUrl>/<region>/token` */
  tokenUrl(region: Region): string;
  /** Registers (or replaces) a client's public key; throws when the PEM is not a public RSA key. */
  registerClient(clientId: string, publicKeyPem: string): void;
  /** Sets the fault mode for the requests that follow. */
  setFault(mode: IdpFaultMode, options?: IdpFaultOptions): void;
  /** Replaces the discovery document (given the default one), or restores the default with null. */
  setDiscoveryOverride(override: ((document: Record<string, unknown>) => unknown) | null): void;
  /** True when the server issued this access token. */
  hasIssued(accessToken: string): boolean;
  /** Every request received, in order. */
  readonly requests: IdpRequestRecord[];
  /** Stops the server: pending slow answers are dropped and open connections closed. */
  close(): Promise<void>;
}
