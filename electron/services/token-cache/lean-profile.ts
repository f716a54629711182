// The cached path of `mctoken token --profile` reads the profile straight from profiles.json, without zod or the profile
// service, only to know which keychain entry to read and what fingerprint it must carry. Anything unusual (a file the
// service would report a problem with, an entry of the wrong shape, a name found twice) returns null, and the caller takes
// the full path, where the profile service checks everything and says what is wrong.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sameProfileName } from '../../../shared/profiles/profile';
import type { TokenCredentials } from './cached-token';

/** What the cached path needs of a saved profile. */
export interface LeanProfile extends TokenCredentials {
  name: string;
  /** Whether a client secret is stored (hashed into the fingerprint): always for Engagement, web apps but not public apps. */
  hasClientSecret: boolean;
  /** A web or public app's token host (its tssd's when the redirect named one); null for the other products. */
  tokenBaseUrl: string | null;
}

// Not imported from profiles-file.ts, which loads the zod schema: the same file name and version.
const PROFILES_FILE_NAME = 'profiles.json';
const PROFILES_FILE_VERSION = 1;

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

function leanProfileOf(entry: Record<string, unknown>): LeanProfile | null {
  const { id, name, product, clientId, discoveryUrl, keyInfo, hasSecret, hasClientSecret } = entry;
  if (!isString(id) || id === '' || !isString(name) || !isString(clientId)) return null;
  if (product === 'intelligence') {
    const fingerprint = (keyInfo as { fingerprint?: unknown } | null)?.fingerprint;
    if (hasSecret !== true || !isString(discoveryUrl) || !isString(fingerprint)) return null;
    return {
      id,
      name,
      product,
      clientId,
      discoveryUrl,
      keyInfo: { fingerprint },
      subdomain: null,
      authUrl: null,
      scope: null,
      accountId: null,
      hasClientSecret: false,
      tokenBaseUrl: null,
    };
  }
  if (product !== 'engagement' && product !== 'engagement-web') return null;
  // Engagement needs its client secret; a web or public app its refresh token (hasSecret) and its token host.
  const web = product === 'engagement-web';
  if (typeof hasClientSecret !== 'boolean' || (web ? hasSecret !== true : !hasClientSecret)) return null;
  const tokenBaseUrl = web ? entry.tokenBaseUrl : null;
  if (web && !isString(tokenBaseUrl)) return null;
  // Profiles saved before the server-to-server fields load them as null.
  const [subdomain, authUrl, scope, accountId] = [entry.subdomain, entry.authUrl, entry.scope, entry.accountId].map((v) => v ?? null);
  if (!isStringOrNull(subdomain) || !isStringOrNull(authUrl) || !isStringOrNull(scope) || !isStringOrNull(accountId)) return null;
  if (subdomain === null && authUrl === null) return null;
  return {
    id,
    name,
    product,
    clientId,
    discoveryUrl: null,
    keyInfo: null,
    subdomain,
    authUrl,
    scope,
    accountId,
    hasClientSecret,
    tokenBaseUrl: isString(tokenBaseUrl) ? tokenBaseUrl : null,
  };
}

/** The saved profile named `name` (ignoring case, as the profile service finds it), or null when anything is unusual. */
export async function readLeanProfile(userDataDir: string, name: string): Promise<LeanProfile | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(join(userDataDir, PROFILES_FILE_NAME), 'utf8'));
  } catch {
    return null;
  }
  const file = json as { version?: unknown; profiles?: unknown } | null;
  if (file?.version !== PROFILES_FILE_VERSION || !Array.isArray(file.profiles)) return null;
  const entries = file.profiles as unknown[];
  const named = entries.filter(
    (entry) => isString((entry as { name?: unknown } | null)?.name) && sameProfileName((entry as { name: string }).name.trim(), name),
  );
  if (named.length !== 1 || typeof named[0] !== 'object' || named[0] === null) return null;
  const profile = leanProfileOf(named[0] as Record<string, unknown>);
  // A second entry with the same id would make the service skip one of them: leave that to the full path.
  if (profile === null || entries.filter((entry) => (entry as { id?: unknown } | null)?.id === profile.id).length !== 1) return null;
  return profile;
}
