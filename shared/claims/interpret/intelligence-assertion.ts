// Readings of Intelligence client-assertion claims: the audience and the iss = sub rule.
import type { Interpreter } from '../claim-entry';
import { INTELLIGENCE_AUDIENCE } from '../../decode/intelligence-audience';

/** Interprets `aud`: exactly the Intelligence IdP, or what is wrong with it (e.g. the stray `"` from the docs' sample). */
export const interpretIntelligenceAudience: Interpreter = (value) => {
  if (value === INTELLIGENCE_AUDIENCE) return 'The Intelligence identity provider, as required.';
  if (value === `${INTELLIGENCE_AUDIENCE}"`) return "Ends with a stray '\"' copied from a typo in the docs' sample: remove it.";
  if (value === `${INTELLIGENCE_AUDIENCE}/`) return `Has a trailing '/'; the documented audience is exactly ${INTELLIGENCE_AUDIENCE}.`;
  return `Not the documented audience; use exactly ${INTELLIGENCE_AUDIENCE}.`;
};

/** Interprets `iss` / `sub`: both must be the service account id. */
export const interpretIssEqualsSub: Interpreter = (_value, context) =>
  context.payload.iss === context.payload.sub
    ? 'iss equals sub: the service account id, as required.'
    : 'iss and sub differ; both must be the service account id (the client id).';
