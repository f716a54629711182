// The steps of the Engagement server-to-server flow, by id: their titles and the list a run starts with.
import type { EngagementStep, EngagementStepId } from './flow-types';

/** The title of each step, as the UI and the CLI show it. */
export const ENGAGEMENT_STEP_TITLES: Readonly<Record<EngagementStepId, string>> = {
  token: 'Request the access token (v2/token)',
  userinfo: 'Who am I (v2/userinfo)',
  'soap-endpoint': 'Find the SOAP endpoint (platform/v1/endpoints/soap)',
};

/** The steps of a run that has not started: the token, plus who-am-I and the SOAP endpoint when asked. */
export function pendingEngagementSteps(whoami: boolean): EngagementStep[] {
  const ids: EngagementStepId[] = whoami ? ['token', 'userinfo', 'soap-endpoint'] : ['token'];
  return ids.map((id) => ({ id, title: ENGAGEMENT_STEP_TITLES[id], status: 'pending' }));
}
