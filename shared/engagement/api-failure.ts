// Failures of the REST calls made with a token (v2/userinfo, platform/v1/endpoints) and of their bodies.
import { WorkbenchError } from '../errors/workbench-error';
import { jsonObjectBody, looksLikeHtml, quotableServerText } from '../exchange/response-body';
import type { TimedResponse } from '../exchange/timed-request';

/** The JSON object a REST call answered; throws what apiFailure says for anything else. `what` names the call in messages. */
export function readApiObject(response: TimedResponse, what: string): Record<string, unknown> {
  if (response.status < 200 || response.status > 299) throw apiFailure(response, what);
  const json = jsonObjectBody(response.body);
  if (json === null) throw apiFailure(response, what);
  return json;
}

/** ERR_API_UNAUTHORIZED (401/403), ERR_API_NOT_JSON (HTML or not JSON) or ERR_API_HTTP (other statuses), with what to do. */
export function apiFailure(response: TimedResponse, what: string): WorkbenchError {
  const { status } = response;
  if (status === 401 || status === 403) {
    const detail = quotableServerText(jsonMessage(response.body) ?? '', 120);
    return new WorkbenchError(
      'ERR_API_UNAUTHORIZED',
      `The ${what} refused the token (HTTP ${status}${detail === '' ? '' : `: ${detail}`}): it may have expired or lack the permission; get a new token and try again.`,
    );
  }
  if (looksLikeHtml(response)) {
    return new WorkbenchError(
      'ERR_API_NOT_JSON',
      `The ${what} answered HTTP ${status} with an HTML page, not JSON: a proxy may be in the way, or the URL is wrong.`,
    );
  }
  if (status >= 200 && status <= 299) {
    return new WorkbenchError(
      'ERR_API_NOT_JSON',
      `The ${what} answered HTTP ${status} with a body that is not a JSON object: check the URL.`,
    );
  }
  if (status >= 500)
    return new WorkbenchError('ERR_API_HTTP', `The ${what} answered HTTP ${status}: the service may be down. Try again later.`);
  return new WorkbenchError('ERR_API_HTTP', `The ${what} answered HTTP ${status}: check the URL and try again.`);
}

function jsonMessage(body: string): string | null {
  const json = jsonObjectBody(body);
  if (json === null) return null;
  for (const key of ['message', 'error_description', 'error']) if (typeof json[key] === 'string') return json[key];
  return null;
}
