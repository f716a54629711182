// Scopes of a server-to-server token: what is asked for, what came back, and which were not granted.
import { WorkbenchError } from '../errors/workbench-error';
import type { FlowWarning } from '../exchange/flow-types';

/**
 * Scope names documented in "REST API Permission IDs and Scopes": offered as suggestions only. The server decides what is
 * valid (invalid_scope), so names outside this list are sent as typed.
 */
export const DOCUMENTED_SCOPES: readonly string[] = [
  'accounts_read',
  'accounts_write',
  'approvals_read',
  'approvals_write',
  'audiences_read',
  'audiences_write',
  'automations_execute',
  'automations_read',
  'automations_write',
  'calendar_read',
  'calendar_write',
  'campaign_read',
  'campaign_write',
  'data_extensions_read',
  'data_extensions_write',
  'documents_and_images_read',
  'documents_and_images_write',
  'email_read',
  'email_send',
  'email_write',
  'event_notification_callback_create',
  'event_notification_callback_delete',
  'event_notification_callback_read',
  'event_notification_callback_update',
  'event_notification_subscription_create',
  'event_notification_subscription_delete',
  'event_notification_subscription_read',
  'event_notification_subscription_update',
  'file_locations_read',
  'file_locations_write',
  'journeys_aspr',
  'journeys_delete',
  'journeys_execute',
  'journeys_read',
  'journeys_write',
  'key_manage_revoke',
  'key_manage_rotate',
  'key_manage_view',
  'list_and_subscribers_read',
  'list_and_subscribers_write',
  'marketing_cloud_connect_read',
  'marketing_cloud_connect_send',
  'marketing_cloud_connect_write',
  'offline',
  'ott_channels_read',
  'ott_channels_write',
  'ott_chat_messaging_read',
  'ott_chat_messaging_send',
  'push_read',
  'push_send',
  'push_write',
  'saved_content_read',
  'saved_content_write',
  'sms_read',
  'sms_send',
  'sms_write',
  'social_post',
  'social_publish',
  'social_read',
  'social_write',
  'tracking_events_read',
  'tracking_events_write',
  'users_read',
  'users_write',
  'web_publish',
  'web_read',
  'web_write',
  'webhooks_read',
  'webhooks_write',
  'workflows_read',
  'workflows_write',
];

/** The most scopes one request may name, and the longest scope name accepted. */
export const MAX_SCOPES = 200;
export const MAX_SCOPE_LENGTH = 100;

const SCOPE_NAME = /^[A-Za-z0-9_.:-]+$/;

/**
 * The scopes typed (space-separated; repeats dropped, order kept). An empty list means "none" (the docs: an empty scope
 * string asks for no scopes). ERR_SCOPE_INVALID for names with other characters, too long, or too many.
 */
export function parseScopes(text: string): string[] {
  const names = text.split(/[\s,]+/).filter((name) => name !== '');
  if (names.length > MAX_SCOPES)
    throw new WorkbenchError('ERR_SCOPE_INVALID', `More than ${MAX_SCOPES} scopes were given: ask only for the scopes you need.`);
  for (const name of names) {
    if (name.length > MAX_SCOPE_LENGTH || !SCOPE_NAME.test(name)) {
      throw new WorkbenchError(
        'ERR_SCOPE_INVALID',
        `"${name.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}" is not a scope name: scopes are names like email_read, separated by spaces.`,
      );
    }
  }
  return [...new Set(names)];
}

/** The scopes the token response granted (its space-separated `scope`; none when absent). */
export function grantedScopes(scope: string | null): string[] {
  return scope === null ? [] : [...new Set(scope.split(/\s+/).filter((name) => name !== ''))];
}

/** The requested scopes that were not granted, in the order they were asked for; none when nothing was requested explicitly. */
export function missingScopes(requested: readonly string[] | null, granted: readonly string[]): string[] {
  if (requested === null) return [];
  const have = new Set(granted);
  return requested.filter((name) => !have.has(name));
}

/** Documented scope names that start with what is typed (case-insensitive), for suggestions. */
export function suggestScopes(prefix: string, limit = 12): string[] {
  const wanted = prefix.trim().toLowerCase();
  return DOCUMENTED_SCOPES.filter((name) => name.startsWith(wanted)).slice(0, limit);
}

/** Documented: package permission changes take up to five minutes to reach new codes and tokens. Said next to missing scopes. */
export const SCOPE_CHANGE_DELAY_NOTE =
  'If you just added them to the package, wait: the docs say permission changes take up to five minutes to reach new tokens. Then get a new token.';

/** WARN_SCOPES_MISSING naming the requested scopes that were not granted, with the five-minute note; null when none are missing. */
export function missingScopesWarning(missing: readonly string[]): FlowWarning | null {
  if (missing.length === 0) return null;
  return {
    code: 'WARN_SCOPES_MISSING',
    message: `Requested but not granted: ${missing.join(', ')}. The package's API Integration lacks these permissions.`,
    hint: SCOPE_CHANGE_DELAY_NOTE,
  };
}
