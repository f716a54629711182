const PREFIX = 'profile:';

/** The keychain account a profile's secret (private key or JWT signing secret) is stored under: `profile:<id>`. */
export function profileSecretAccount(profileId: string): string {
  return `${PREFIX}${profileId}`;
}

/** True for an account named by profileSecretAccount (other entries of the keychain service are never touched). */
export function isProfileSecretAccount(account: string): boolean {
  return account.startsWith(PREFIX) && account.length > PREFIX.length;
}

/** The keychain account of an Engagement profile's client secret: `profile:<id>:client-secret` (beside its signing secret). */
export function profileClientSecretAccount(profileId: string): string {
  return `profile:${profileId}:client-secret`;
}

/** The keychain account of a profile's cached access token: `profile:<id>:token` (see electron/services/token-cache). */
export function profileTokenAccount(profileId: string): string {
  return `profile:${profileId}:token`;
}
