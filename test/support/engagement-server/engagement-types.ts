// The public shape of the local Marketing Cloud Engagement auth server used by tests, the CLI suite, e2e and the bench.

/** How a package's API Integration is set up: server-to-server, a web app (no client credentials), or none at all. */
export type PackageIntegration = 'server-to-server' | 'web-app' | 'none';

/** An installed package the server knows. */
export interface EngagementPackage {
  clientId: string;
  clientSecret: string;
  /** The scopes the package's API Integration has. */
  scopes: string[];
  /** The business unit MIDs the package can reach; the first is the default business unit. */
  accounts: string[];
  /** Default 'server-to-server'. */
  integration?: PackageIntegration;
  /** The enterprise id reported by userinfo (default 514000001). */
  enterpriseId?: number;
  /** The enterprise name reported by userinfo (default "Test Enterprise"); tests put hostile text here. */
  enterpriseName?: string;
  /** Created since August 2019 ("enhanced"): v1/requestToken refuses its client id with errorcode 10007. Default false. */
  enhanced?: boolean;
  /** What userinfo reports under `application` (default: no redirect URLs, no scopes). */
  application?: { name?: string; redirectUrl?: unknown; appScopes?: unknown };
}

/**
 * The misbehaviours: a slow answer, a 500, an HTML page, a reset connection, a body that never ends; `echo-secret` refuses
 * with the client secret and refresh token sent echoed in its error text, `echo-scope` grants a token whose scope echoes the
 * client secret; `redirect` answers 302 to `location`; `foreign-rest` names `location` as the rest_instance_url.
 */
export type EngagementFaultMode =
  'none' | 'slow' | 'server-error' | 'html' | 'reset' | 'endless-body' | 'echo-secret' | 'echo-scope' | 'redirect' | 'foreign-rest';

/** The endpoints of the server, to limit a fault to one. */
export type EngagementEndpoint = 'token' | 'userinfo' | 'endpoints' | 'refresh';

/** One request received: names only, never values (no secrets are recorded). */
export interface EngagementRequestRecord {
  method: string;
  path: string;
  endpoint: EngagementEndpoint | null;
  contentType: string | null;
  bodyNames: string[];
  /** The status answered; null while pending, 0 when reset. */
  status: number | null;
  error?: string;
}

/** Options of startEngagementServer. */
export interface EngagementServerOptions {
  packages?: EngagementPackage[];
  /** The expires_in the token endpoint answers (default 1079, as real responses show). */
  tokenLifetimeSeconds?: number;
}

/** A running local Engagement auth server on 127.0.0.1. */
export interface EngagementServer {
  /** The auth base URL, `http://127.0.0.1:<port>/` (v2/token, v2/userinfo, v1/requestToken live under it). */
  authBaseUrl: string;
  /** The REST instance URL it hands out, `<authBaseUrl>rest/`. */
  restBaseUrl: string;
  /** The SOAP instance URL it hands out, `<authBaseUrl>soap/`. */
  soapBaseUrl: string;
  /** The legacy refresh endpoint, `<authBaseUrl>v1/requestToken`. */
  refreshUrl: string;
  addPackage(pkg: EngagementPackage): void;
  /** A new single-use refresh token for a package, as an SSO JWT would carry it. */
  issueRefreshToken(clientId: string): string;
  setFault(mode: EngagementFaultMode, options?: { delayMs?: number; status?: number; only?: EngagementEndpoint; location?: string }): void;
  /** Moves the server's clock forward (token expiry, refresh grace). */
  advanceClock(ms: number): void;
  /** True when the server issued this access token (either flow). */
  hasIssued(accessToken: string): boolean;
  readonly requests: EngagementRequestRecord[];
  close(): Promise<void>;
}
