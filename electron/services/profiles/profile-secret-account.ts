/** The keychain account a profile's secret (private key or JWT signing secret) is stored under: `profile:<id>`. */
export function profileSecretAccount(profileId: string): string {
  return `profile:${profileId}`;
}
