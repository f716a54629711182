import { checkAccountId, checkClientSecret, checkPackageClientId } from '../../shared/engagement/credentials';
import { resolveTenant } from '../../shared/engagement/tenant';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors/workbench-error';
import type { FlowWarning } from '../../shared/exchange/flow-types';
import type { EngagementDraft, SaveProfileRequest } from '../../shared/ipc/ipc-contract';
import type { Profile } from '../../shared/profiles/profile';
import { profileNameError } from '../profile-widgets/profile-name';

/** What the Engagement form holds: the tenant as typed (a subdomain, or a URL when it has "://"), and the package's values. */
export interface EngagementFormValues {
  name: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  accountId: string;
}

/** The form's fields that can be invalid, in the order they appear (the first invalid one gets the focus). */
export const ENGAGEMENT_FIELDS = ['name', 'tenant', 'clientId', 'clientSecret', 'accountId'] as const;
/** One checkable field of the form. */
export type EngagementField = (typeof ENGAGEMENT_FIELDS)[number];
/** What is wrong with each invalid field; empty when all are fine. */
export type EngagementFieldErrors = Partial<Record<EngagementField, ErrorPayload>>;

/** The form's starting values: a saved Engagement profile's (never its secret), or blank. */
export function valuesFromProfile(profile: Profile | null): EngagementFormValues {
  return {
    name: profile?.name ?? '',
    tenant: profile?.subdomain ?? profile?.authUrl ?? '',
    clientId: profile?.clientId ?? '',
    clientSecret: '',
    scope: profile?.scope ?? '',
    accountId: profile?.accountId ?? '',
  };
}

/** The tenant as a run or a save sends it: a URL when it has "://", else a subdomain. */
function where(values: EngagementFormValues): { subdomain: string } | { authUrl: string } {
  const tenant = values.tenant.trim();
  return tenant.includes('://') ? { authUrl: tenant } : { subdomain: tenant };
}

/** The draft a run sends: the tenant split into subdomain or auth URL; empty scopes mean the package's own. */
export function draftOf(values: EngagementFormValues): EngagementDraft {
  return {
    clientId: values.clientId,
    clientSecret: values.clientSecret,
    ...where(values),
    scope: values.scope.trim() === '' ? null : values.scope,
    accountId: values.accountId.trim() === '' ? null : values.accountId,
  };
}

/** Whether the form differs from the saved profile in what a run uses (the name does not count; a pasted secret does). */
function settingsEdited(values: EngagementFormValues, profile: Profile | null): boolean {
  const saved = valuesFromProfile(profile);
  return (
    values.tenant.trim() !== saved.tenant ||
    values.clientId.trim() !== saved.clientId ||
    values.scope.trim() !== saved.scope ||
    values.accountId.trim() !== saved.accountId ||
    values.clientSecret.trim() !== ''
  );
}

/** Whether the form differs from the saved profile (surrounding spaces aside). */
export function isEdited(values: EngagementFormValues, profile: Profile | null): boolean {
  return values.name.trim() !== (profile?.name ?? '') || settingsEdited(values, profile);
}

/** What looks unusual about the tenant as typed (a subdomain not of the documented shape, a foreign auth host), as the CLI warns. */
export function tenantWarnings(tenant: string): FlowWarning[] {
  if (tenant.trim() === '') return [];
  try {
    return resolveTenant(where({ ...valuesFromProfile(null), tenant })).warnings;
  } catch {
    return []; // Not a usable tenant yet: the run or the save says why, next to the field.
  }
}

/** Runs a check and files its error under the field. */
function check(errors: EngagementFieldErrors, field: EngagementField, run: () => unknown): void {
  try {
    run();
  } catch (error) {
    errors[field] = toErrorPayload(error);
  }
}

/** Checks every field at once; `secretRequired` says whether an empty client secret is a problem. */
function checkValues(values: EngagementFormValues, purpose: 'save' | 'run', secretRequired: boolean): EngagementFieldErrors {
  const errors: EngagementFieldErrors = {};
  const nameError = purpose === 'save' ? profileNameError(values.name, 'Give the profile a name, e.g. "Engagement production".') : null;
  if (nameError !== null) errors.name = nameError;
  check(errors, 'tenant', () => resolveTenant(where(values)));
  check(errors, 'clientId', () => checkPackageClientId(values.clientId));
  if (secretRequired || values.clientSecret !== '') check(errors, 'clientSecret', () => checkClientSecret(values.clientSecret));
  check(errors, 'accountId', () => checkAccountId(values.accountId));
  return errors;
}

const STORED_SECRET_NEEDS_SAVED_SETTINGS: ErrorPayload = {
  code: 'ERR_CLIENT_SECRET_INVALID',
  message:
    'To test these unsaved changes, paste the client secret again: the stored secret is used only with the saved settings (or save first).',
};

/** What a run uses: the saved profile when nothing a run uses was edited (its secret stays in the keychain), else the form as it stands. */
export type EngagementRunSource = { profileId: string } | { draft: EngagementDraft };

/** The source of "Get token", or every problem, each under its field. */
export function buildEngagementRun(
  values: EngagementFormValues,
  profile: Profile | null,
): { ok: true; source: EngagementRunSource } | { ok: false; errors: EngagementFieldErrors } {
  if (profile !== null && profile.hasClientSecret && !settingsEdited(values, profile))
    return { ok: true, source: { profileId: profile.id } };
  const errors = checkValues(values, 'run', true);
  if (errors.clientSecret !== undefined && values.clientSecret === '' && profile?.hasClientSecret === true)
    errors.clientSecret = STORED_SECRET_NEEDS_SAVED_SETTINGS;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, source: { draft: draftOf(values) } };
}

/** The `profiles:save` request (an update keeps the stored secrets unless a new client secret is pasted), or every problem. */
export function buildEngagementSave(
  values: EngagementFormValues,
  profile: Profile | null,
): { ok: true; request: SaveProfileRequest } | { ok: false; errors: EngagementFieldErrors } {
  const errors = checkValues(values, 'save', profile === null || !profile.hasClientSecret);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { clientSecret, subdomain = null, authUrl = null, scope, accountId } = draftOf(values);
  const request: SaveProfileRequest = {
    name: values.name.trim(),
    product: 'engagement',
    clientId: values.clientId.trim(),
    subdomain,
    authUrl,
    scope,
    accountId,
  };
  if (clientSecret !== '') request.clientSecret = clientSecret;
  if (profile !== null) request.id = profile.id;
  return { ok: true, request };
}
