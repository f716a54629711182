import { WorkbenchError, toErrorPayload, type ErrorPayload } from '../../shared/errors/workbench-error';
import { checkClientId } from '../../shared/intelligence/client-id';
import { checkEndpointUrl } from '../../shared/intelligence/endpoint-url';
import type { TokenRequestStyle } from '../../shared/intelligence/flow-types';
import { discoveryUrlForRegion, type Region } from '../../shared/intelligence/regions';
import type { SaveProfileRequest } from '../../shared/ipc/ipc-contract';
import { PRIVATE_KEY_MESSAGES } from '../../shared/keys/private-key-errors';
import type { Profile } from '../../shared/profiles/profile';
import { checkPrivateKey } from './check-private-key';

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

/** Checks the draft and builds the `profiles:save` request, or returns the first problem as an error to show. */
export function buildSaveRequest(draft: CredentialsDraft, existing: Profile | null): { ok: true; request: SaveProfileRequest } | { ok: false; error: ErrorPayload } {
  try {
    const name = draft.name.trim();
    if (name === '') throw new WorkbenchError('ERR_PROFILE_INVALID', 'Give the profile a name, e.g. "Intelligence production".');
    const clientId = checkClientId(draft.clientId);
    const discoveryUrl = draft.endpoint === 'custom' ? checkEndpointUrl(draft.discoveryUrl, 'discovery URL').href : discoveryUrlForRegion(draft.endpoint);
    const request: SaveProfileRequest = {
      name,
      product: 'intelligence',
      clientId,
      region: draft.endpoint === 'custom' ? null : draft.endpoint,
      discoveryUrl,
      tokenRequestStyle: draft.style,
    };
    if (existing !== null) request.id = existing.id;
    const key = checkPrivateKey(draft.keyText);
    if (key.state === 'error') return { ok: false, error: key.error };
    if (key.state === 'empty' && (existing === null || !existing.hasSecret)) throw new WorkbenchError('ERR_KEY_EMPTY', PRIVATE_KEY_MESSAGES.empty);
    if (key.state === 'ok') {
      if (key.key.encrypted && draft.passphrase === '') throw new WorkbenchError('ERR_KEY_ENCRYPTED', PRIVATE_KEY_MESSAGES.encryptedNoPassphrase);
      request.privateKeyPem = key.key.pem;
      if (key.key.encrypted) request.passphrase = draft.passphrase;
    }
    return { ok: true, request };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}
