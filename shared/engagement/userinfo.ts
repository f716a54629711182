// Who-am-I: GET <auth>v2/userinfo with the token, summarized as MID, enterprise, stack, region and user.
import type { PlainRequest, TimedResponse } from '../exchange/timed-request';
import { readApiObject } from './api-failure';
import type { WhoAmISummary } from './flow-types';

/** The userinfo request for a token. */
export function buildUserinfoRequest(authBaseUrl: URL, accessToken: string): { url: URL; request: PlainRequest } {
  return {
    url: new URL('v2/userinfo', authBaseUrl),
    request: { method: 'GET', headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` } },
  };
}

function objectAt(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return {};
  const inner = (value as Record<string, unknown>)[key];
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {};
}

/** A string or number field as text (MIDs come as numbers), or null. Capped so a hostile server cannot flood the summary. */
function textAt(object: Record<string, unknown>, key: string): string | null {
  const value = object[key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value !== '') return value.slice(0, 256);
  return null;
}

/** Most items kept from a list userinfo sends (application scopes, redirect URLs): a hostile server cannot flood the summary. */
export const MAX_USERINFO_LIST_ITEMS = 200;

/**
 * The strings of a list field (a lone string counts as a list of one), capped like {@link textAt}; other items are
 * dropped. Null when the field is absent or holds no string.
 */
function textsAt(object: Record<string, unknown>, key: string): string[] | null {
  const value = object[key];
  const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value.slice(0, MAX_USERINFO_LIST_ITEMS) : [];
  const texts = items.filter((item): item is string => typeof item === 'string' && item !== '').map((item) => item.slice(0, 256));
  return texts.length === 0 && !Array.isArray(value) ? null : texts;
}

/**
 * The summary of a userinfo document (fields the server left out are null). The package's own scopes and redirect URLs
 * are `application.appScopes` and `application.redirectUrl`, as the docs' example response has them.
 */
export function summarizeUserinfo(userinfo: Record<string, unknown>): WhoAmISummary {
  const organization = objectAt(userinfo, 'organization');
  const user = objectAt(userinfo, 'user');
  const application = objectAt(userinfo, 'application');
  return {
    applicationName: textAt(application, 'name'),
    applicationScopes: textsAt(application, 'appScopes'),
    redirectUrls: textsAt(application, 'redirectUrl'),
    mid: textAt(organization, 'member_id'),
    enterpriseId: textAt(organization, 'enterprise_id'),
    enterpriseName: textAt(organization, 'enterprise_name'),
    stack: textAt(organization, 'stack_key'),
    region: textAt(organization, 'region'),
    userName: textAt(user, 'name') ?? textAt(user, 'preferred_username'),
    userEmail: textAt(user, 'email'),
    userId: textAt(user, 'sub'),
  };
}

/** The REST and SOAP instance URLs userinfo names under `rest`, or null. */
export function userinfoEndpoints(userinfo: Record<string, unknown>): { rest: string | null; soap: string | null } {
  const rest = objectAt(userinfo, 'rest');
  return { rest: textAt(rest, 'rest_instance_url'), soap: textAt(rest, 'soap_instance_url') };
}

/** Reads a userinfo answer: its JSON object (ERR_API_* otherwise). */
export function readUserinfoResponse(response: TimedResponse): Record<string, unknown> {
  return readApiObject(response, 'userinfo endpoint');
}
