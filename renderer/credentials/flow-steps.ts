import type { FlowStep, FlowStepId } from '../../shared/intelligence/flow-types';

/** The three steps of the Intelligence token flow, in order, with what each does. */
export const FLOW_STEPS: readonly { id: FlowStepId; title: string; description: string }[] = [
  { id: 'discovery', title: 'Discovery', description: 'GET the discovery document and read its token_endpoint.' },
  { id: 'assertion', title: 'Client assertion', description: 'Sign an RS256 JWT with the private key (in the app, never sent).' },
  { id: 'token', title: 'Token request', description: 'Exchange the assertion for a 5-minute access token.' },
];

/** The three steps before a run starts: all pending. */
export function pendingSteps(): FlowStep[] {
  return FLOW_STEPS.map(({ id, title }) => ({ id, title, status: 'pending' }));
}

/** The steps with one replaced (by id) by a newer report of it. */
export function mergeStep(steps: readonly FlowStep[], update: FlowStep): FlowStep[] {
  const known = steps.some((step) => step.id === update.id);
  return known ? steps.map((step) => (step.id === update.id ? update : step)) : [...steps, update];
}
