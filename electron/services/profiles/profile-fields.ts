// Checks of the fields of a profile being saved: name, product, Intelligence endpoint, Engagement signing secret.
import { checkEndpointUrl } from '../../../shared/exchange/endpoint-url';
import { discoveryUrlForRegion, isRegion, type Region } from '../../../shared/intelligence/regions';
import { MAX_PROFILE_NAME_LENGTH, sameProfileName, type Product, type Profile } from '../../../shared/profiles/profile';
import type { SecretEncoding } from '../../../shared/verify/verification';
import { PROFILE_MESSAGES, profileInvalidError, profileNameTakenError } from './profile-service-errors';

/** The trimmed profile name; ERR_PROFILE_INVALID unless it has 1 to 80 characters. */
export function checkProfileName(name: unknown): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '' || trimmed.length > MAX_PROFILE_NAME_LENGTH) throw profileInvalidError(PROFILE_MESSAGES.nameLength);
  return trimmed;
}

/** Throws ERR_PROFILE_NAME_TAKEN when another entry (not `ownId`) has this name, ignoring case. */
export function checkNameFree(
  name: string,
  entries: ReadonlyArray<Pick<Profile, 'id' | 'name'> | { id: string | null; name: string | null }>,
  ownId?: string,
): void {
  if (entries.some((entry) => entry.id !== ownId && entry.name !== null && sameProfileName(entry.name, name)))
    throw profileNameTakenError(name);
}

/** The product; ERR_PROFILE_INVALID for anything but 'intelligence' or 'engagement'. */
export function checkProduct(product: unknown): Product {
  if (product === 'intelligence' || product === 'engagement') return product;
  throw profileInvalidError(PROFILE_MESSAGES.product);
}

/** A string with content, trimmed, or undefined for missing, null and blank values. */
export function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * Where an Intelligence profile discovers its token endpoint: a pasted discovery URL (checked: https, or http on loopback)
 * wins, keeping the region only when the URL is that region's; else the region's discovery URL. Callers check that one is given.
 */
export function intelligenceEndpoint(
  region: string | null | undefined,
  discoveryUrl: string | null | undefined,
): { region: Region | null; discoveryUrl: string } {
  const pasted = present(discoveryUrl);
  if (pasted === undefined) {
    const derived = discoveryUrlForRegion(region ?? '');
    return { region: region as Region, discoveryUrl: derived };
  }
  const url = checkEndpointUrl(pasted, 'discovery URL').href;
  const matchesRegion = isRegion(region) && discoveryUrlForRegion(region) === url;
  return { region: matchesRegion ? region : null, discoveryUrl: url };
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+={0,2})$/;

/** Checks that a signing secret is written in the encoding it claims; ERR_PROFILE_INVALID (never echoing the secret) if not. */
export function checkSecretEncoding(secret: string, encoding: SecretEncoding): void {
  if (encoding === 'hex' && !HEX.test(secret)) throw profileInvalidError(PROFILE_MESSAGES.secretHex);
  if (encoding === 'base64' && !BASE64.test(secret)) throw profileInvalidError(PROFILE_MESSAGES.secretBase64);
}
