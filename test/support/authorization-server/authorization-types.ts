// The public shape of the strict local authorization server (Engagement web and public apps) used by tests, the CLI suite and e2e.

/** A web app (has a client secret) or a public app (has none) as its API Integration is registered. */
export interface WebAppPackage {
  clientId: string;
  /** Null for a public app: a token request that sends a secret is then refused. */
  clientSecret: string | null;
  /** The registered redirect URLs: v2/authorize and v2/token compare them exactly, character for character. */
  redirectUris: string[];
  /** The scopes the package's API Integration has (`offline` among them for refresh tokens). */
  scopes: string[];
  /** When set, the redirect carries tssd=<this> and the token calls must come to <this>.auth.marketingcloudapis.com. */
  tssd?: string;
}

/** A Marketing Cloud user who can sign in on the login form. */
export interface SignInUser {
  username: string;
  password: string;
  mid: string;
}

/** Options of startAuthorizationServer. */
export interface AuthorizationServerOptions {
  packages: WebAppPackage[];
  users: SignInUser[];
  /** expires_in of access tokens (default 1080). */
  tokenLifetimeSeconds?: number;
  /** How long a code is valid (default 5 minutes, as documented). */
  codeLifetimeMs?: number;
  /** Added before every token answer, to widen races in the concurrency tests (default 0). */
  tokenDelayMs?: number;
}

/** One request received: names only, never values. */
export interface AuthorizationRequestRecord {
  method: string;
  path: string;
  host: string;
  grantType: string | null;
  bodyNames: string[];
  status: number | null;
  error?: string;
}

/** What the login form submission gave: the redirect address the browser would end on, or the page shown instead. */
export type LoginOutcome = { redirect: string } | { status: number; page: string };

/** A running local authorization server on 127.0.0.1. */
export interface AuthorizationServer {
  /** `http://127.0.0.1:<port>/`: v2/authorize, v2/token and v2/userinfo live under it. */
  authBaseUrl: string;
  /** Follows the authorize URL to its login form and submits it, as a browser would; never follows the redirect. */
  signIn(authorizeUrl: string, login: { username: string; password: string; deny?: boolean }): Promise<LoginOutcome>;
  /** The refresh tokens currently valid (issued, not spent) for a client. */
  liveRefreshTokens(clientId: string): number;
  /** Token answers given, by grant. */
  issued: { authorization_code: number; refresh_token: number };
  advanceClock(ms: number): void;
  hasIssued(accessToken: string): boolean;
  readonly requests: AuthorizationRequestRecord[];
  close(): Promise<void>;
}
