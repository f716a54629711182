// The starting points of Compose: a Journey Builder custom-activity execute call, an App Center SSO JWT (claims version 2)
// and a plain JWT. The values are samples: the activity payload is the one recorded in a public activity's tests, the SSO
// claims follow the documented version-2 list with placeholder ids. Each says what is documented and what is not.
import type { JsonObject } from '../decode/decoded-token';
import type { ComposeAlgorithm } from './compose-algorithms';
import { composeError } from './compose-errors';

/** The template ids, as `mctoken sign --template` takes them. */
export const COMPOSE_TEMPLATE_IDS = ['activity-execute', 'sso-v2', 'jwt'] as const;

/** One template id. */
export type ComposeTemplateId = (typeof COMPOSE_TEMPLATE_IDS)[number];

/** How a token of a template is sent to an endpoint: as the raw body (an activity call) or as the SSO login form's `jwt` field. */
export type SendStyle = 'activity' | 'sso-form';

/** A template: header and payload to start from, the usual algorithm and lifetime, how it is sent, and what is known about it. */
export interface ComposeTemplate {
  id: ComposeTemplateId;
  label: string;
  alg: ComposeAlgorithm;
  /** The lifetime to set exp/iat from ("" for none: recorded activity calls carry neither). */
  expiresIn: string;
  sendStyle: SendStyle;
  header: JsonObject;
  payload: JsonObject;
  /** What is documented and what is only seen in public code, shown next to the template. */
  note: string;
}

/** The execute payload recorded in a public activity's tests (domain.md), values as recorded. */
const ACTIVITY_EXECUTE: JsonObject = {
  inArguments: [{ smsKeyword: 'HitUP!', smsPhone: '8846597894', smsMessage: 'Hi there Tester! This is a test.' }],
  outArguments: [],
  activityObjectID: '62d6fed2-511e-4720-a309-7e393decd33e',
  journeyId: 'a4dcaf9f-e967-4b14-8159-d4c88d5c7462',
  activityId: '62d6fed2-511e-4720-a309-7e393decd33e',
  definitionInstanceId: 'cec6e0a0-9761-463d-a159-eeb7ee4a8a51',
  activityInstanceId: '3be6161f-77b3-4dfd-b986-bd0787ee6b0c',
  keyValue: 'testemail123@gmail.com',
  mode: 0,
};

/** The documented claims of an SSO JWT version 2, with placeholder values (exp is set from the lifetime). */
const SSO_V2: JsonObject = {
  jti: '00000000-0000-4000-8000-000000000000',
  request: {
    claimsVersion: 2,
    user: {
      id: 12345678,
      email: 'developer@example.com',
      culture: 'en-US',
      timezone: { longName: '(GMT-06:00) Central Time (No Daylight Saving)', shortName: 'CST', offset: -6.0, dst: false },
    },
    organization: { id: 514000001, enterpriseId: 514000001, dataContext: 'enterprise', stackKey: 'S7', region: 'NA1' },
    application: {
      id: '00000000-0000-4000-8000-000000000001',
      package: 'com.example.app',
      redirectUrl: 'https://app.example.com/',
      features: {},
      userPermissions: [],
      customerEnvironment: 'Prod',
    },
    rest: {
      authEndpoint: 'https://mcexample0000000000000000.auth.marketingcloudapis.com/v1/requestToken',
      apiEndpointBase: 'https://mcexample0000000000000000.rest.marketingcloudapis.com/',
      refreshToken: 'sample-refresh-token',
    },
  },
};

/** Every template, in picker order. */
export const COMPOSE_TEMPLATES: readonly ComposeTemplate[] = [
  {
    id: 'activity-execute',
    label: 'Journey Builder custom activity: execute call',
    alg: 'HS256',
    expiresIn: '',
    sendStyle: 'activity',
    header: { alg: 'HS256', typ: 'JWT' },
    payload: ACTIVITY_EXECUTE,
    note: 'Documented: with "useJwt": true, Journey Builder POSTs a JWT signed HS256 with the JWT Signing Secret of the package (or a Salt key from Key Management, used with its original bytes). Seen in code, not documented: the body arrives as Content-Type: application/jwt. The payload is one recorded from a public activity\'s tests; whether real calls carry exp or iat is unknown, so none is set by default.',
  },
  {
    id: 'sso-v2',
    label: 'App Center SSO JWT (claims version 2)',
    alg: 'HS256',
    expiresIn: '15m',
    sendStyle: 'sso-form',
    header: { alg: 'HS256', typ: 'JWT' },
    payload: SSO_V2,
    note: 'Documented: a legacy package\'s login URL receives a form POST with a field "jwt", signed HS256 with the package\'s JWT signing secret, carrying these version-2 claims. The values here are placeholders; enhanced packages (since August 2019) never receive this JWT.',
  },
  {
    id: 'jwt',
    label: 'Generic JWT',
    alg: 'HS256',
    expiresIn: '1h',
    sendStyle: 'activity',
    header: { alg: 'HS256', typ: 'JWT' },
    payload: { iss: 'https://issuer.example.com', sub: 'user-123', aud: 'https://api.example.com' },
    note: 'RFC 7519 registered claims; iat and exp are set from the lifetime.',
  },
];

/** The template with this id; ERR_COMPOSE_TEMPLATE naming the ones there are. */
export function composeTemplate(id: string): ComposeTemplate {
  const found = COMPOSE_TEMPLATES.find((template) => template.id === id);
  if (found === undefined) {
    throw composeError('ERR_COMPOSE_TEMPLATE', `There is no template "${id.slice(0, 40)}": use one of ${COMPOSE_TEMPLATE_IDS.join(', ')}.`);
  }
  return found;
}
