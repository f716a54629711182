// The shapes of the authorization-code flow (web and public apps) and of its refresh, as reported to the UI and the CLI.
import type { ErrorPayload } from '../errors/workbench-error';
import type { FlowStep, FlowWarning } from '../exchange/flow-types';
import type { EngagementToken } from './flow-types';

/** The steps of a sign-in: the authorize URL opened, the pasted redirect read, the code exchanged. */
export type WebSignInStepId = 'authorize' | 'redirect' | 'code-exchange';

/** The one step of a refresh with a stored refresh token. */
export type WebRefreshStepId = 'refresh-token';

/** A step of either. */
export type WebAppStep = FlowStep<WebSignInStepId | WebRefreshStepId>;

/** A web or public app's access token, the refresh token that came with it, and where the token calls go. */
export interface WebAppToken extends EngagementToken {
  /** The next refresh token (single-use); null when none came (no `offline` scope), or withheld from the renderer. */
  refreshToken: string | null;
  /** Whether the answer carried a refresh token, and its length (the renderer gets these, never the token). */
  hasRefreshToken: boolean;
  refreshTokenLength: number;
  /** The tenant-specific subdomain the redirect named, or null. */
  tssd: string | null;
  /** The auth base URL the token calls went to (the tssd host when one was named): refreshes go there too. */
  tokenBaseUrl: string;
}

/** What a sign-in or a refresh returns: the steps always; the token when it was issued. */
export interface WebAppReport<Id extends WebSignInStepId | WebRefreshStepId = WebSignInStepId> {
  steps: Array<FlowStep<Id>>;
  warnings: FlowWarning[];
  outcome: { ok: true; token: WebAppToken } | { ok: false; error: ErrorPayload };
}
