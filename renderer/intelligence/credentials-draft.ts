import { WorkbenchError, toErrorPayload, type ErrorPayload } from '../../shared/errors/workbench-error';
import { checkClientId } from '../../shared/intelligence/client-id';
import { checkEndpointUrl } from '../../shared/exchange/endpoint-url';
import type { TokenRequestStyle } from '../../shared/exchange/flow-types';
import { discoveryUrlForRegion, type Region } from '../../shared/intelligence/regions';
import type { SaveProfileRequest, TokenRunRequest } from '../../shared/ipc/ipc-contract';
import { PRIVATE_KEY_MESSAGES } from '../../shared/keys/private-key-errors';
import type { Profile } from '../../shared/profiles/profile';
import { profileNameError } from '../profile-widgets/profile-name';
import { checkPrivateKey } from '../common/check-private-key';

/** What the credentials form holds while the user edits it. */
export interface CredentialsDraft {
  name: string;
  clientId: string;
  /** A region shortcut, or `custom` for a pasted discovery URL. */
  endpoint: Region | 'custom';
  discoveryUrl: string;
  style: TokenRequestStyle;
  keyText: string;
  passphrase: string;
}

/** The form's fields that can be invalid, in the order they appear (the first invalid one gets the focus). */
export const DRAFT_FIELDS = ['name', 'clientId', 'discoveryUrl', 'privateKey', 'passphrase'] as const;
/** One checkable field of the form. */
export type DraftField = (typeof DRAFT_FIELDS)[number];
/** What is wrong with each invalid field; an empty object when all are fine. */
export type FieldErrors = Partial<Record<DraftField, ErrorPayload>>;

/** What the user asked for: keep the profile (Save) or try it once (Get token). A run needs no name. */
export type DraftPurpose = 'save' | 'run';

/** The form's starting values: from a saved Intelligence profile, or blank (us1, form POST). */
export function draftFromProfile(profile: Profile | null): CredentialsDraft {
  return {
    name: profile?.name ?? '',
    clientId: profile?.clientId ?? '',
    endpoint: profile === null ? 'us1' : (profile.region ?? 'custom'),
    discoveryUrl: profile?.region === null ? (profile.discoveryUrl ?? '') : '',
    style: profile?.tokenRequestStyle ?? 'form',
    keyText: '',
    passphrase: '',
  };
}

/** Whether the draft differs from the saved profile in what a token run uses (the name does not count). */
function settingsEdited(draft: CredentialsDraft, saved: CredentialsDraft): boolean {
  return (
    draft.clientId.trim() !== saved.clientId ||
    draft.endpoint !== saved.endpoint ||
    (draft.endpoint === 'custom' && draft.discoveryUrl.trim() !== saved.discoveryUrl) ||
    draft.style !== saved.style ||
    draft.keyText.trim() !== ''
  );
}

/** Whether the form differs from the saved profile (surrounding spaces aside, as saving trims them). */
export function isEdited(draft: CredentialsDraft, profile: Profile | null): boolean {
  const saved = draftFromProfile(profile);
  return draft.name.trim() !== saved.name || settingsEdited(draft, saved);
}

/** Runs a check and files its error under the field, or returns its value. */
function checked<T>(errors: FieldErrors, field: DraftField, check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    errors[field] = toErrorPayload(error);
    return undefined;
  }
}

interface CheckedDraft {
  errors: FieldErrors;
  name: string;
  clientId: string;
  discoveryUrl: string;
  /** The normalized key, when one was pasted and is usable. */
  privateKeyPem?: string;
  passphrase?: string;
}

/** Checks every field at once (not only the first problem); `keyRequired` says whether an empty key is a problem. */
function checkDraft(draft: CredentialsDraft, purpose: DraftPurpose, keyRequired: boolean): CheckedDraft {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  const nameError = purpose === 'save' ? profileNameError(draft.name, 'Give the profile a name, e.g. "Intelligence production".') : null;
  if (nameError !== null) errors.name = nameError;
  const clientId = checked(errors, 'clientId', () => checkClientId(draft.clientId)) ?? '';
  const discoveryUrl =
    (draft.endpoint === 'custom'
      ? checked(errors, 'discoveryUrl', () => checkEndpointUrl(draft.discoveryUrl, 'discovery URL').href)
      : discoveryUrlForRegion(draft.endpoint)) ?? '';
  const key = checkPrivateKey(draft.keyText);
  const out: CheckedDraft = { errors, name, clientId, discoveryUrl };
  if (key.state === 'error') errors.privateKey = key.error;
  if (key.state === 'empty' && keyRequired)
    errors.privateKey = toErrorPayload(new WorkbenchError('ERR_KEY_EMPTY', PRIVATE_KEY_MESSAGES.empty));
  if (key.state === 'ok') {
    out.privateKeyPem = key.key.pem;
    if (key.key.encrypted && draft.passphrase === '')
      errors.passphrase = toErrorPayload(new WorkbenchError('ERR_KEY_ENCRYPTED', PRIVATE_KEY_MESSAGES.encryptedNoPassphrase));
    if (key.key.encrypted) out.passphrase = draft.passphrase;
  }
  return out;
}

/** Checks the draft and builds the `profiles:save` request, or returns every problem, each under its field. */
export function buildSaveRequest(
  draft: CredentialsDraft,
  existing: Profile | null,
): { ok: true; request: SaveProfileRequest } | { ok: false; errors: FieldErrors } {
  const c = checkDraft(draft, 'save', existing === null || !existing.hasSecret);
  if (Object.keys(c.errors).length > 0) return { ok: false, errors: c.errors };
  const request: SaveProfileRequest = {
    name: c.name,
    product: 'intelligence',
    clientId: c.clientId,
    region: draft.endpoint === 'custom' ? null : draft.endpoint,
    discoveryUrl: c.discoveryUrl,
    tokenRequestStyle: draft.style,
  };
  if (existing !== null) request.id = existing.id;
  if (c.privateKeyPem !== undefined) request.privateKeyPem = c.privateKeyPem;
  if (c.passphrase !== undefined) request.passphrase = c.passphrase;
  return { ok: true, request };
}

/** What a run needs besides its id and timeout: the saved profile when the form matches it, else the form as it stands. */
export type TokenRunSource = TokenRunRequest extends infer R ? (R extends unknown ? Omit<R, 'runId' | 'timeoutMs'> : never) : never;

const STORED_KEY_NEEDS_SAVED_SETTINGS: ErrorPayload = {
  code: 'ERR_KEY_EMPTY',
  message:
    'To test these unsaved changes, paste the private key again: the stored key is used only with the saved settings (or save first).',
};

/**
 * The credentials a "Get token" uses: the saved profile when nothing a run uses was edited (its key stays in the
 * keychain), otherwise the form as it stands, sent for this run only. Returns every problem, each under its field.
 */
export function buildRunSource(
  draft: CredentialsDraft,
  profile: Profile | null,
): { ok: true; source: TokenRunSource } | { ok: false; errors: FieldErrors } {
  if (profile !== null && profile.hasSecret && !settingsEdited(draft, draftFromProfile(profile)))
    return { ok: true, source: { profileId: profile.id } };
  const c = checkDraft(draft, 'run', true);
  if (c.errors.privateKey?.code === 'ERR_KEY_EMPTY' && profile?.hasSecret === true) c.errors.privateKey = STORED_KEY_NEEDS_SAVED_SETTINGS;
  if (Object.keys(c.errors).length > 0 || c.privateKeyPem === undefined) return { ok: false, errors: c.errors };
  const base = {
    clientId: c.clientId,
    privateKeyPem: c.privateKeyPem,
    tokenRequestStyle: draft.style,
    ...(c.passphrase === undefined ? {} : { passphrase: c.passphrase }),
  };
  return {
    ok: true,
    source: { draft: draft.endpoint === 'custom' ? { ...base, discoveryUrl: c.discoveryUrl } : { ...base, region: draft.endpoint } },
  };
}
