import type { KeyInfo } from '../../../shared/keys/key-info';
import type { Profile } from '../../../shared/profiles/profile';
import { formatTable } from '../../io/format-table';

/** A key described without the key: `RSA 2048 bits, pkcs1, SHA256:…`. */
export function describeKey(info: KeyInfo | null): string {
  return info === null ? 'none' : `${info.type} ${info.bits} bits, ${info.format}, ${info.fingerprint}`;
}

function where(profile: Profile): string {
  return profile.region ?? profile.discoveryUrl ?? '-';
}

/** The `mctoken profiles list` table: name, product, client id, region or discovery URL, key fingerprint. */
export function formatProfileList(profiles: Profile[]): string {
  if (profiles.length === 0) return 'No saved profiles. Save one with: mctoken profiles save NAME --client-id ID --region us1 --key-file key.pem\n';
  const rows = profiles.map((p) => [p.name, p.product, p.clientId || '-', where(p), p.keyInfo?.fingerprint ?? (p.hasSecret ? 'secret stored' : 'none')]);
  return formatTable([['NAME', 'PRODUCT', 'CLIENT ID', 'REGION / DISCOVERY URL', 'KEY'], ...rows]);
}

/** The `mctoken profiles show` text: every field of the profile; the key only as type, size, format and fingerprint. */
export function formatProfile(profile: Profile): string {
  const rows: [string, string][] = [
    ['Name', profile.name],
    ['Product', profile.product],
    ['Client id', profile.clientId || '-'],
    ['Region', profile.region ?? '-'],
    ['Discovery URL', profile.discoveryUrl ?? '-'],
    ['Token request', profile.tokenRequestStyle === 'query' ? 'query string (as in the docs)' : 'form POST body'],
    ['Key', describeKey(profile.keyInfo)],
    ['Secret stored', profile.hasSecret ? 'yes, in the OS keychain' : 'no'],
    ['Created', profile.createdAt],
    ['Updated', profile.updatedAt],
  ];
  if (profile.secretEncoding !== null) rows.splice(7, 0, ['Secret encoding', profile.secretEncoding]);
  return rows.map(([name, value]) => `${`${name}:`.padEnd(16)}${value}`).join('\n') + '\n';
}
