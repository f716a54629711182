// The discovery document the local identity provider serves for a region.
import type { Region } from '../../../shared/intelligence/regions';

/** An OpenID-style discovery document whose token_endpoint is `<baseUrl>/<region>/token`. */
export function discoveryDocument(baseUrl: string, region: Region): Record<string, unknown> {
  return {
    issuer: `${baseUrl}/${region}`,
    token_endpoint: `${baseUrl}/${region}/token`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['token'],
  };
}
