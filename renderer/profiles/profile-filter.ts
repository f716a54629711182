import type { Profile } from '../../shared/profiles/profile';

/** How the profiles list is ordered: by name (A to Z), or the most recently saved or renamed first. */
export type ProfileSort = 'name' | 'updated';

/** The product as the list names it. */
export function productLabel(profile: Pick<Profile, 'product'>): string {
  if (profile.product === 'engagement-web') return 'Engagement web app';
  return profile.product === 'intelligence' ? 'Intelligence' : 'Engagement';
}

/** Where a profile's tokens come from, as the list shows it: region or discovery URL, subdomain or auth URL. */
export function endpointOf(profile: Profile): string {
  if (profile.product !== 'intelligence') return profile.subdomain ?? profile.authUrl ?? '';
  return profile.region ?? profile.discoveryUrl ?? '';
}

/** The profiles whose name, product, client id or endpoint (region, subdomain or URL) hold every word of the query, in order. */
export function filterAndSort(profiles: readonly Profile[], query: string, sort: ProfileSort): Profile[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = profiles.filter((profile) => {
    const text = [
      profile.name,
      productLabel(profile),
      profile.clientId,
      profile.region,
      profile.discoveryUrl,
      profile.subdomain,
      profile.authUrl,
    ]
      .filter((value) => value !== null)
      .join('\n')
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const byName = (a: Profile, b: Profile) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
  return matches.sort(sort === 'name' ? byName : (a, b) => b.updatedAt.localeCompare(a.updatedAt) || byName(a, b));
}
