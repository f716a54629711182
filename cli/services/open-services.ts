import { createWorkbenchServices, type WorkbenchServices } from '../../electron/services/create-services';
import { defaultUserDataDir } from '../../electron/services/paths';
import { keychainServiceName } from '../../electron/services/secret-store/keychain-service-name';
import { CLI_VERSION } from '../version';

/**
 * Opens the app's own services (router, profile service, keychain store) for the CLI, on the same user-data folder
 * (`defaultUserDataDir`; MCTW_USER_DATA_DIR overrides) and keychain service name (MCTW_KEYCHAIN_SERVICE overrides, for tests),
 * so a profile saved in the app works in the CLI and back.
 */
export function openServices(env: NodeJS.ProcessEnv): WorkbenchServices {
  return createWorkbenchServices({ userDataDir: defaultUserDataDir(env), keychainService: keychainServiceName(env), appVersion: CLI_VERSION });
}
