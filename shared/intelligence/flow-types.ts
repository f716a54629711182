// What the Intelligence token flow reports: its three steps and its outcome.
import type { ErrorPayload } from '../errors/workbench-error';
import type { FlowStep, FlowWarning } from '../exchange/flow-types';

/** The three steps of the Intelligence token flow, in order. */
export type FlowStepId = 'discovery' | 'assertion' | 'token';

/** One step of the Intelligence token flow. */
export type TokenFlowStep = FlowStep<FlowStepId>;

/** A successful token. */
export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  tokenEndpoint: string;
  /** A curl command reproducing the token request: carries the short-lived signed assertion, never the key. */
  curl: string;
}

/** What a run of the flow returns, whether it succeeded or not: the steps always come back. */
export interface TokenFlowReport {
  steps: TokenFlowStep[];
  warnings: FlowWarning[];
  outcome: { ok: true; token: IssuedToken } | { ok: false; error: ErrorPayload };
}
