// shared/profiles: the saved-profile shape the renderer, the main process and the CLI share (never any key material).
import type { KeyInfo } from '../keys/key-info';
import type { TokenRequestStyle } from '../exchange/flow-types';
import type { Region } from '../intelligence/regions';
import type { SecretEncoding } from '../verify/verification';

/** The most characters a profile name may have (after trimming): the profile service, the CLI and every name box use it. */
export const MAX_PROFILE_NAME_LENGTH = 80;

/** The Marketing Cloud products a profile can be for: Intelligence, Engagement (installed package), an Engagement web or public app's sign-in. */
export type Product = 'intelligence' | 'engagement' | 'engagement-web';

/** Every {@link Product}, once: the schemas of the router and of profiles.json validate against it. */
export const PRODUCTS = Object.freeze(['intelligence', 'engagement', 'engagement-web'] as const satisfies readonly Product[]);
/** Fails to compile when a Product is missing from PRODUCTS. */
const _everyProduct: Exclude<Product, (typeof PRODUCTS)[number]> extends never ? true : never = true;

/** The products the app's profile form saves (profiles:save); an engagement-web profile is saved only from a sign-in in the main process. */
export const FORM_SAVED_PRODUCTS = Object.freeze(['intelligence', 'engagement'] as const satisfies readonly Product[]);

/** Whether two profile names are the same name: names are unique ignoring case, in the app, the CLI and profiles.json alike. */
export function sameProfileName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/** A saved profile as stored in profiles.json and shown to the renderer: never holds key material. */
export interface Profile {
  id: string;
  name: string;
  product: Product;
  /** Intelligence: service account id. Engagement: the installed package's client id (optional). */
  clientId: string;
  /** Intelligence: a region shortcut, or null when a discovery URL was pasted. */
  region: Region | null;
  /** Intelligence: the discovery URL used (derived from the region or pasted). */
  discoveryUrl: string | null;
  tokenRequestStyle: TokenRequestStyle;
  /** Intelligence: what the stored private key is; null when none is stored. */
  keyInfo: KeyInfo | null;
  /** Engagement: how the stored JWT signing secret is encoded; null when none is stored. */
  secretEncoding: SecretEncoding | null;
  /** Whether a secret (private key or signing secret) is stored in the keychain for this profile. */
  hasSecret: boolean;
  /** Engagement server-to-server: the tenant subdomain, or null when an auth base URL is used instead (or none). */
  subdomain: string | null;
  /** Engagement server-to-server: the auth base URL, when given instead of the subdomain. */
  authUrl: string | null;
  /** Engagement server-to-server: the space-separated scopes to ask for; null asks for the package's own, "" for none. */
  scope: string | null;
  /** Engagement server-to-server: the business unit MID sent as account_id; null for the default business unit. */
  accountId: string | null;
  /** Engagement: whether the installed package's client secret is stored in the keychain (next to any signing secret). */
  hasClientSecret: boolean;
  /** Engagement web or public app: the redirect URI the sign-in used (absent on older profiles). */
  redirectUri?: string | null;
  /** Engagement web or public app: where its token calls go (the tssd host when the redirect named one). */
  tokenBaseUrl?: string | null;
  createdAt: string;
  updatedAt: string;
}
