// "Edit and re-sign": a decoded token as a Compose draft, its header and payload as they were, so signing it again with the
// right key gives back the same claims.
import type { DecodedToken, JsonObject } from '../decode/decoded-token';
import { canEditAndResign } from './can-edit-and-resign';
import { isComposeAlgorithm, type ComposeAlgorithm } from './compose-algorithms';
import { composeTemplate, type ComposeTemplateId, type SendStyle } from './compose-templates';

/** What the Compose screen starts from: a template, or a decoded token. */
export interface ComposeDraft {
  templateId: ComposeTemplateId;
  alg: ComposeAlgorithm;
  header: string;
  payload: string;
  /** "" leaves iat/exp as written (a re-signed token keeps its own). */
  expiresIn: string;
  sendStyle: SendStyle;
}

/** The fields only a Journey Builder custom-activity call carries. */
const ACTIVITY_FIELDS = [
  'inArguments',
  'outArguments',
  'activityObjectID',
  'journeyId',
  'activityId',
  'definitionInstanceId',
  'activityInstanceId',
];

const pretty = (value: JsonObject): string => JSON.stringify(value, null, 2);

/** A template's draft, with its sample header and payload. */
export function templateDraft(id: ComposeTemplateId): ComposeDraft {
  const template = composeTemplate(id);
  return {
    templateId: template.id,
    alg: template.alg,
    header: pretty(template.header),
    payload: pretty(template.payload),
    expiresIn: template.expiresIn,
    sendStyle: template.sendStyle,
  };
}

/** Which template a payload looks like: an activity call by its fields, an SSO JWT by its kind, else a plain JWT. */
function templateOf(token: DecodedToken): ComposeTemplateId {
  if (token.kind === 'engagement-sso-v1' || token.kind === 'engagement-sso-v2') return 'sso-v2';
  const payload = token.payload;
  return ACTIVITY_FIELDS.filter((field) => Object.hasOwn(payload, field)).length >= 2 ? 'activity-execute' : 'jwt';
}

export { canEditAndResign };

/** The decoded token as a draft: header and payload as decoded, its algorithm when Compose signs with it (else HS256), no new lifetime. */
export function draftOfDecoded(token: DecodedToken): ComposeDraft | null {
  if (!canEditAndResign(token)) return null;
  const written = token.header.alg === 'Ed25519' ? 'EdDSA' : token.header.alg;
  const alg: ComposeAlgorithm = isComposeAlgorithm(written) ? written : 'HS256';
  const templateId = templateOf(token);
  return {
    templateId,
    alg,
    header: pretty({ ...token.header, alg }),
    payload: pretty(token.payload),
    expiresIn: '',
    sendStyle: composeTemplate(templateId).sendStyle,
  };
}
