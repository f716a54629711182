// What every flow reports, whichever product it is for: steps with their shown request and response, and warnings.
import type { ErrorPayload } from '../errors/workbench-error';

/** Where a step stands. */
export type FlowStepStatus = 'pending' | 'running' | 'ok' | 'failed' | 'cancelled';

/** A name/value pair shown in the step view; `sensitive` values are masked until the user reveals them. */
export interface ShownField {
  name: string;
  value: string;
  sensitive: boolean;
  /** When `value` is a placeholder standing in for a secret that never leaves the main process: the secret's true length. */
  maskedLength?: number;
}

/** An HTTP request as shown in the step view (never contains the private key). */
export interface ShownRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: ShownField[];
  /** Form, query or JSON body parameters. */
  params: ShownField[];
}

/** An HTTP response as shown in the step view; `body` is truncated and has sensitive values masked. */
export interface ShownResponse {
  status: number;
  headers: ShownField[];
  body: string;
  /** The body with sensitive values intact, for the reveal toggle; absent when nothing was masked. */
  revealedBody?: string;
}

/** One step of a flow as reported to the UI: status, timing, request, response and error. `Id` names the flow's steps. */
export interface FlowStep<Id extends string = string> {
  id: Id;
  title: string;
  status: FlowStepStatus;
  /** Milliseconds since the epoch when the step started, if it has. */
  startedAt?: number;
  /** How long it took, once finished. */
  durationMs?: number;
  request?: ShownRequest;
  response?: ShownResponse;
  /** For the assertion step: the decoded header and claims of the signed assertion. */
  assertion?: { header: Record<string, unknown>; payload: Record<string, unknown>; compact: string };
  error?: ErrorPayload;
}

/** A warning noticed during a flow (e.g. clock skew, or Engagement scopes asked for but not granted). */
export interface FlowWarning {
  code:
    | 'WARN_CLOCK_SKEW'
    | 'WARN_EXPIRES_IN_UNEXPECTED'
    | 'WARN_SUBDOMAIN_SHAPE'
    | 'WARN_AUTH_HOST'
    | 'WARN_SCOPES_MISSING'
    | 'WARN_AUTH_URL_TOKEN_PATH'
    // The authorization-code flow: a redirect URI outside what the docs allow, a tssd token host, no refresh token.
    | 'WARN_REDIRECT_URI'
    | 'WARN_TSSD'
    | 'WARN_NO_REFRESH_TOKEN';
  message: string;
  /** What to do about it, when the message alone does not say. */
  hint?: string;
}

/** How the token request carries its parameters: a form-encoded POST body (RFC 7523, default) or the docs' query string. */
export const TOKEN_REQUEST_STYLES = ['form', 'query'] as const;

/** One of {@link TOKEN_REQUEST_STYLES}. */
export type TokenRequestStyle = (typeof TOKEN_REQUEST_STYLES)[number];
