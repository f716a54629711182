// Journey Builder custom-activity calls for tests: the execute payload recorded in a public activity's tests (values as
// recorded, see shared/domain.md), signed HS256 with a package's JWT signing secret (text) or a Salt key (its bytes).
import { createHmac, randomBytes } from 'node:crypto';
import { ENGAGEMENT_SIGNING_SECRET } from './engagement-tokens';

/** The recorded `execute` body, key for key. */
export const RECORDED_EXECUTE_PAYLOAD = {
  inArguments: [{ smsKeyword: 'HitUP!', smsPhone: '8846597894', smsMessage: 'Hi there Tester! This is a test.' }],
  outArguments: [],
  activityObjectID: '62d6fed2-511e-4720-a309-7e393decd33e',
  journeyId: 'a4dcaf9f-e967-4b14-8159-d4c88d5c7462',
  activityId: '62d6fed2-511e-4720-a309-7e393decd33e',
  definitionInstanceId: 'cec6e0a0-9761-463d-a159-eeb7ee4a8a51',
  activityInstanceId: '3be6161f-77b3-4dfd-b986-bd0787ee6b0c',
  keyValue: 'testemail123@gmail.com',
  mode: 0,
} as const;

/** The leaf paths the decoder explains for the recorded payload (empty outArguments is one leaf), in document order. */
export const RECORDED_EXECUTE_PATHS: readonly string[] = [
  'inArguments.0.smsKeyword',
  'inArguments.0.smsPhone',
  'inArguments.0.smsMessage',
  'outArguments',
  'activityObjectID',
  'journeyId',
  'activityId',
  'definitionInstanceId',
  'activityInstanceId',
  'keyValue',
  'mode',
];

/** A sample Salt key (32 random bytes per run) as Key Management shows it: hexadecimal, upper case. */
export const SALT_KEY_BYTES: Buffer = randomBytes(32);
export const SALT_KEY_HEX: string = SALT_KEY_BYTES.toString('hex').toUpperCase();

function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Options for {@link makeActivityCall}. */
export interface ActivityCallOptions {
  /** The key bytes or text (default: the sample JWT signing secret, as text). */
  key?: Buffer | string;
  /** Replaces the recorded payload. */
  payload?: Record<string, unknown>;
}

/** An HS256 custom-activity call, as Journey Builder POSTs it with `"useJwt": true`. */
export function makeActivityCall(options: ActivityCallOptions = {}): string {
  const signingInput = `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment(options.payload ?? RECORDED_EXECUTE_PAYLOAD)}`;
  const mac = createHmac('sha256', options.key ?? ENGAGEMENT_SIGNING_SECRET)
    .update(signingInput)
    .digest('base64url');
  return `${signingInput}.${mac}`;
}

/** The call as a server log shows a raw request: request line, headers, a blank line, the body. */
export function rawActivityRequest(jwt: string, path = '/execute'): string {
  return [
    `POST ${path} HTTP/1.1`,
    'Host: activity.example.com',
    'Content-Type: application/jwt',
    `Content-Length: ${jwt.length}`,
    '',
    jwt,
  ].join('\r\n');
}
