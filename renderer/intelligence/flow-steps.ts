import type { FlowStepId } from '../../shared/intelligence/flow-types';

/** What each step of the Intelligence token flow does, shown under its title. The titles come from the core (`shared/intelligence/token-steps.ts`) only. */
export const STEP_DESCRIPTIONS: Readonly<Record<FlowStepId, string>> = {
  discovery: 'GET the discovery document and read its token_endpoint.',
  assertion: 'Sign an RS256 JWT with the private key (in the app, never sent).',
  token: 'Exchange the assertion for a 5-minute access token.',
};
