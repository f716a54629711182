import { decodeToken } from '../../../../shared/decode/decode-token';
import { verifySignature } from '../../../../shared/verify/verify-signature';
import type { HandlerTable, RouterServices } from '../router-types';

/** verify:with-profile: decodes the token and checks it with the profile's stored signing secret, inside the main process (the secret never goes back). */
export function verifyHandlers(services: RouterServices): Pick<HandlerTable, 'verify:with-profile'> {
  return {
    'verify:with-profile': async ({ profileId, token }) => {
      const decoded = decodeToken(token);
      const { secret, encoding } = await services.profiles.getSigningSecret(profileId);
      const result = await verifySignature(decoded, { type: 'secret', secret, encoding });
      return result.error === undefined ? { status: result.status, alg: result.alg } : { status: result.status, alg: result.alg, error: result.error };
    },
  };
}
