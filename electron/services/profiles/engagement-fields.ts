// The server-to-server fields of an Engagement profile being saved: client id, tenant, scopes, account id, client secret.
import { checkAccountId, checkClientSecret, checkPackageClientId } from '../../../shared/engagement/credentials';
import { parseScopes } from '../../../shared/engagement/scopes';
import { resolveTenant } from '../../../shared/engagement/tenant';
import type { SaveProfileRequest } from '../../../shared/ipc/ipc-contract';
import type { Profile } from '../../../shared/profiles/profile';
import { present } from './profile-fields';
import { keyRequiredError, PROFILE_MESSAGES, profileMissingError } from './profile-service-errors';

/** What a save does with one keychain entry: write a new secret, keep the stored one, or have none (dropping a stale one). */
export type SecretPlan = { kind: 'write'; secret: string } | { kind: 'keep' } | { kind: 'none'; dropStale: boolean };

/** The server-to-server part of an Engagement profile, and what to do with its client secret. */
export interface ServerToServerFields {
  clientId: string;
  subdomain: string | null;
  authUrl: string | null;
  scope: string | null;
  accountId: string | null;
  clientSecret: SecretPlan;
}

/** The client id as typed (optional for a profile that only verifies SSO JWTs) and no server-to-server settings. */
function verifyOnly(request: SaveProfileRequest, existing: Profile | undefined): ServerToServerFields {
  return {
    clientId: request.clientId.trim(),
    subdomain: null,
    authUrl: null,
    scope: null,
    accountId: null,
    clientSecret: { kind: 'none', dropStale: existing?.hasClientSecret === true },
  };
}

/** The origin the stored client secret is posted to (its auth host), or null when the profile has no tenant. */
function authOrigin(profile: Pick<Profile, 'subdomain' | 'authUrl'>): string | null {
  if (profile.subdomain === null && profile.authUrl === null) return null;
  return resolveTenant({ subdomain: profile.subdomain, authUrl: profile.authUrl }).authBaseUrl.origin;
}

/**
 * A kept client secret must keep going to the same client at the same auth host: otherwise whoever can call profiles:save
 * could have the stored secret posted to a server of their choosing without ever knowing it (as checkKeyStillFits for keys).
 */
function checkClientSecretStillFits(existing: Profile, clientId: string, origin: string): void {
  if (existing.clientId !== clientId) throw keyRequiredError(PROFILE_MESSAGES.clientSecretForClientId);
  if (authOrigin(existing) !== origin) throw keyRequiredError(PROFILE_MESSAGES.clientSecretForAuthHost);
}

/**
 * The server-to-server fields: none when nothing of them is given (a profile that only verifies SSO JWTs); otherwise the
 * client id, the subdomain or auth URL and the client secret (new, or the stored one kept) are all required and checked.
 */
export function serverToServerFields(request: SaveProfileRequest, existing: Profile | undefined): ServerToServerFields {
  const secret = present(request.clientSecret);
  const keepSecret = secret === undefined && existing?.product === 'engagement' && existing.hasClientSecret;
  const tenantGiven = present(request.subdomain) !== undefined || present(request.authUrl) !== undefined;
  const anyGiven =
    secret !== undefined || keepSecret || tenantGiven || present(request.accountId) !== undefined || present(request.scope) !== undefined;
  if (!anyGiven) return verifyOnly(request, existing);
  const missing: string[] = [];
  if (present(request.clientId) === undefined) missing.push('the client id');
  if (!tenantGiven) missing.push('the subdomain or auth base URL');
  if (secret === undefined && !keepSecret) missing.push('the client secret');
  if (missing.length > 0) throw profileMissingError('engagement', missing);
  const tenant = resolveTenant({ subdomain: request.subdomain ?? null, authUrl: request.authUrl ?? null });
  const fromUrl = present(request.authUrl) !== undefined;
  const clientId = checkPackageClientId(request.clientId);
  if (secret === undefined && existing !== undefined) checkClientSecretStillFits(existing, clientId, tenant.authBaseUrl.origin);
  const scope = request.scope === undefined || request.scope === null ? null : parseScopes(request.scope).join(' ');
  return {
    clientId,
    subdomain: fromUrl ? null : tenant.subdomain,
    authUrl: fromUrl ? tenant.authBaseUrl.href : null,
    scope,
    accountId: checkAccountId(request.accountId) ?? null,
    clientSecret: secret === undefined ? { kind: 'keep' } : { kind: 'write', secret: checkClientSecret(secret) },
  };
}
