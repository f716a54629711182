// The three steps of the Intelligence token flow: their titles and order, as the UI and CLI show them.
import type { FlowStepId, TokenFlowStep } from './flow-types';

/** The title of each step, as the UI and CLI show it. */
export const STEP_TITLES: Readonly<Record<FlowStepId, string>> = {
  discovery: 'Find the token endpoint (discovery)',
  assertion: 'Sign the client assertion (RS256)',
  token: 'Request the access token',
};

/** The steps in the order they run. */
export const STEP_ORDER: readonly FlowStepId[] = ['discovery', 'assertion', 'token'];

/** The steps of a run that has not started: all pending. */
export function pendingSteps(): TokenFlowStep[] {
  return STEP_ORDER.map((id) => ({ id, title: STEP_TITLES[id], status: 'pending' }));
}
