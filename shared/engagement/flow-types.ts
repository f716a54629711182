// The shapes of the Engagement flows as reported to the UI and the CLI. Neither ever carries the client secret.
import type { ErrorPayload } from '../errors/workbench-error';
import type { FlowStep, FlowWarning } from '../exchange/flow-types';

/** The steps of the server-to-server flow: the token, then (when asked) who-am-I and the SOAP endpoint. */
export type EngagementStepId = 'token' | 'userinfo' | 'soap-endpoint';

/** A step of the server-to-server flow. */
export type EngagementStep = FlowStep<EngagementStepId>;

/** A server-to-server access token and what came with it. */
export interface EngagementToken {
  accessToken: string;
  tokenType: string;
  /** Seconds, as the server said (the docs: 20 minutes). */
  expiresIn: number;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** The server's space-separated `scope`, or null when it sent none. */
  scope: string | null;
  grantedScopes: string[];
  /** The scopes asked for, or null when none were named (the package's own scopes). */
  requestedScopes: string[] | null;
  /** Requested scopes that were not granted, each by name. */
  missingScopes: string[];
  restInstanceUrl: string | null;
  soapInstanceUrl: string | null;
  tokenEndpoint: string;
}

/** Who a token belongs to, summarized from v2/userinfo (null where the server sent nothing usable). */
export interface WhoAmISummary {
  mid: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  stack: string | null;
  region: string | null;
  userName: string | null;
  userEmail: string | null;
  userId: string | null;
  /** The installed package's name (`application.name`). */
  applicationName: string | null;
  /** The package's own scopes (`application.appScopes`); null when userinfo sent none, [] for an empty list. */
  applicationScopes: string[] | null;
  /** The package's redirect URLs (`application.redirectUrl`, an array in the docs' example); null when absent. */
  redirectUrls: string[] | null;
}

/** The who-am-I answer: userinfo as the server sent it, its summary, and the REST and SOAP endpoints. */
export interface WhoAmI {
  userinfo: Record<string, unknown>;
  summary: WhoAmISummary;
  endpoints: { rest: string | null; soap: string | null };
}

/** What a server-to-server run returns: the steps always; the token and who-am-I when they were obtained. */
export interface EngagementFlowReport {
  steps: EngagementStep[];
  warnings: FlowWarning[];
  outcome:
    | { ok: true; token: EngagementToken; whoami: WhoAmI | null }
    /** A failure after the token was issued (who-am-I) still carries the token. */
    | { ok: false; error: ErrorPayload; token?: EngagementToken };
}

/** The one step of a legacy refresh. */
export type RefreshStepId = 'refresh';

/** What a legacy refresh gave: a new access token and the next (single-use) refresh token. */
export interface RefreshedToken {
  accessToken: string;
  expiresIn: number;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** The refresh token to use next time; null when the server sent none. */
  refreshToken: string | null;
  authEndpoint: string;
}

/** What a legacy refresh run returns. */
export interface RefreshReport {
  steps: Array<FlowStep<RefreshStepId>>;
  /** WARN_AUTH_HOST when the client secret goes to a host that is not a Marketing Cloud auth host (always set by the flow). */
  warnings?: FlowWarning[];
  outcome: { ok: true; token: RefreshedToken } | { ok: false; error: ErrorPayload };
}
