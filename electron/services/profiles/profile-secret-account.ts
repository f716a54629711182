/** The keychain account a profile's secret (private key or JWT signing secret) is stored under: `profile:<id>`. */
export function profileSecretAccount(profileId: string): string {
  return `profile:${profileId}`;
}

/** The keychain account of an Engagement profile's client secret: `profile:<id>:client-secret` (beside its signing secret). */
export function profileClientSecretAccount(profileId: string): string {
  return `profile:${profileId}:client-secret`;
}
