// HTTP requests and responses as the step view shows them: sensitive values flagged or masked, bodies truncated.
import type { ShownField, ShownRequest, ShownResponse } from './flow-types';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../encoding/json-depth';
import { maskSecrets } from './mask-secrets';
import { jsonObjectBody } from './response-body';
import type { PlainRequest, TimedResponse } from './timed-request';

/** Bodies longer than this many characters are cut in the step view. */
export const SHOWN_BODY_LIMIT = 4096;

/** What a step shows instead of a JSON body nested deeper than MAX_JSON_DEPTH. */
export const DEEP_BODY = `(a JSON body nested more than ${MAX_JSON_DEPTH} levels deep: not shown)`;

/** What replaces a sensitive value in a masked body. */
export const MASK = '••••••••';

const SENSITIVE_HEADERS = new Set(['authorization', 'set-cookie', 'cookie', 'proxy-authorization']);

/** Cuts text to `limit` characters, saying how much was left out. */
export function truncateBody(text: string, limit = SHOWN_BODY_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}\n… (${text.length - limit} more characters not shown)`;
}

/** A shown parameter: name and value, and for a value replaced by MASK the true length of the secret it stands for. */
export type ShownParam = readonly [name: string, value: string] | readonly [name: string, value: string, maskedLength: number];

/** The parameter `name` with its secret replaced by MASK, keeping the secret's true length for the step view. */
export function maskedParam(name: string, secret: string): ShownParam {
  return [name, MASK, secret.length];
}

/** A request for the step view; parameters named in `sensitive` (e.g. client_assertion) are flagged for masking. */
export function showRequest(
  url: URL,
  request: PlainRequest,
  params: ReadonlyArray<ShownParam>,
  sensitive: readonly string[] = [],
): ShownRequest {
  const headers: ShownField[] = Object.entries(request.headers).map(([name, value]) => ({
    name,
    value,
    sensitive: SENSITIVE_HEADERS.has(name.toLowerCase()),
  }));
  return {
    method: request.method,
    url: url.href,
    headers,
    params: params.map(([name, value, maskedLength]) => ({
      name,
      value,
      sensitive: sensitive.includes(name),
      ...(maskedLength === undefined ? {} : { maskedLength }),
    })),
  };
}

/**
 * A response for the step view: body truncated; when it is a JSON object holding one of `sensitiveKeys` (e.g. access_token)
 * as a string, `body` has those values masked and `revealedBody` holds them intact. `json` is the body as jsonObjectBody
 * parsed it, for a caller that parses the body for its own use too. Every one of `secrets` (the client secret, a spent
 * refresh token, an assertion) a server echoes is masked by value everywhere, in the revealed body too.
 */
export function showResponse(
  response: TimedResponse,
  sensitiveKeys: readonly string[] = [],
  json: Record<string, unknown> | null = jsonObjectBody(response.body),
  secrets: ReadonlyArray<string | null | undefined> = [],
): ShownResponse {
  const shown = showRawResponse(response, sensitiveKeys, json);
  if (secrets.length === 0) return shown;
  const mask = (text: string): string => maskSecrets(text, secrets);
  const masked: ShownResponse = {
    status: shown.status,
    headers: shown.headers.map((field) => ({ ...field, value: mask(field.value) })),
    body: mask(shown.body),
  };
  if (shown.revealedBody !== undefined) masked.revealedBody = mask(shown.revealedBody);
  return masked;
}

function showRawResponse(response: TimedResponse, sensitiveKeys: readonly string[], json: Record<string, unknown> | null): ShownResponse {
  const headers: ShownField[] = response.headers.map(([name, value]) => ({ name, value, sensitive: SENSITIVE_HEADERS.has(name) }));
  // Re-printing JSON walks it: a body nested thousands of levels deep is not shown (it is no token answer anyway).
  if (json !== null && nestsDeeperThan(json, MAX_JSON_DEPTH)) return { status: response.status, headers, body: DEEP_BODY };
  const hidden = json === null ? [] : sensitiveKeys.filter((key) => typeof json[key] === 'string');
  if (json === null || hidden.length === 0) return { status: response.status, headers, body: truncateBody(response.body) };
  // Printed once; each hidden value is a top-level member, alone on its line at an indent of two, so it is replaced there.
  const revealed = JSON.stringify(json, null, 2);
  let masked = revealed;
  for (const key of hidden) {
    const name = JSON.stringify(key);
    masked = masked.replace(`\n  ${name}: ${JSON.stringify(json[key])}`, () => `\n  ${name}: ${JSON.stringify(MASK)}`);
  }
  return { status: response.status, headers, body: truncateBody(masked), revealedBody: truncateBody(revealed) };
}
