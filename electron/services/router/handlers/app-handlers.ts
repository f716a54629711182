import { toErrorPayload } from '../../../../shared/errors/workbench-error';
import type { HandlerTable, KeychainStatus, RouterServices } from '../router-types';

/** Asks the keychain whether it answers; a probe that throws counts as unavailable (with its coded error). */
async function probeKeychain(services: RouterServices): Promise<KeychainStatus> {
  try {
    return await services.secrets.probe();
  } catch (error) {
    return { available: false, error: toErrorPayload(error) };
  }
}

/** app:info: the version (injected from package.json), the platform and whether the keychain answers. */
export function appHandlers(services: RouterServices): Pick<HandlerTable, 'app:info'> {
  return {
    'app:info': async () => ({ version: services.appVersion, platform: services.platform, keychain: await probeKeychain(services) }),
  };
}
