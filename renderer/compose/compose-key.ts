// The key a Compose draft is signed with, as the form holds it, and the request it becomes (secrets go to the main process
// for this one signing only; a profile's key never comes back).
import { keyKindOf, type ComposeAlgorithm } from '../../shared/compose/compose-algorithms';
import type { ComposeKeySource } from '../../shared/compose/compose-types';
import type { ErrorPayload } from '../../shared/errors/workbench-error';
import type { Profile } from '../../shared/profiles/profile';
import type { SecretEncoding } from '../../shared/verify/verification';

/** Where the key comes from. */
export type ComposeKeyChoice = 'secret' | 'pem' | 'profile';

/** The key fields as typed. */
export interface ComposeKeyEntry {
  choice: ComposeKeyChoice;
  secret: string;
  encoding: SecretEncoding;
  pem: string;
  passphrase: string;
  profileId: string;
}

/** An empty entry: a secret as text. */
export const EMPTY_KEY_ENTRY: ComposeKeyEntry = { choice: 'secret', secret: '', encoding: 'text', pem: '', passphrase: '', profileId: '' };

/** The saved profiles whose stored secret or key signs with this algorithm: Engagement secrets for HS*, Intelligence keys for RS/PS. */
export function profilesFor(alg: ComposeAlgorithm, profiles: readonly Profile[]): Profile[] {
  const kind = keyKindOf(alg);
  if (kind === 'secret') return profiles.filter((p) => p.product === 'engagement' && p.hasSecret);
  if (kind === 'rsa') return profiles.filter((p) => p.product === 'intelligence' && p.hasSecret);
  return [];
}

/** The key source of the request, or what to fill in first. */
export function keySourceOf(entry: ComposeKeyEntry, alg: ComposeAlgorithm): ComposeKeySource | ErrorPayload {
  const secretAlg = keyKindOf(alg) === 'secret';
  if (entry.choice === 'profile') {
    return entry.profileId === ''
      ? { code: 'ERR_PROFILE_INVALID', message: 'Choose the profile whose key signs.' }
      : { type: 'profile', profileId: entry.profileId };
  }
  if (secretAlg) {
    return entry.secret.trim() === ''
      ? { code: 'ERR_VERIFY_SECRET_EMPTY', message: `Paste the secret ${alg} signs with (a package's JWT signing secret, or a Salt key).` }
      : { type: 'secret', secret: entry.secret, encoding: entry.encoding };
  }
  if (entry.pem.trim() === '') return { code: 'ERR_KEY_EMPTY', message: `Paste or open the private key ${alg} signs with.` };
  return { type: 'pem', pem: entry.pem, ...(entry.passphrase === '' ? {} : { passphrase: entry.passphrase }) };
}
