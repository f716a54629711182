// The app's own services for the CLI: the same router, profile service and keychain as the desktop app. Commands load this
// module only when they need it (the keychain and the router are heavy), so decoding a token never opens them.
import { createWorkbenchServices, type WorkbenchServices, type WorkbenchServicesOptions } from '../electron/services/create-services';
import { defaultUserDataDir } from '../electron/services/paths';
import type { Router } from '../electron/services/router/router-types';
import { keychainServiceName } from '../electron/services/secret-store/keychain-service-name';
import { errorFromPayload } from '../shared/errors/workbench-error';
import type { IpcChannel, IpcRequest, IpcResponse, ProfilesListing } from '../shared/ipc/ipc-contract';
import { profileNotFoundByNameError } from '../electron/services/profiles/profile-service-errors';
import { sameProfileName, type Profile } from '../shared/profiles/profile';
import { CLI_VERSION } from './terminal/run';

/**
 * Opens the app's own services (router, profile service, keychain store) for the CLI, on the same user-data folder
 * (`defaultUserDataDir`; MCTW_USER_DATA_DIR overrides) and keychain service name (MCTW_KEYCHAIN_SERVICE overrides, for tests),
 * so a profile saved in the app works in the CLI and back.
 */
export function openServices(env: NodeJS.ProcessEnv, options: Pick<WorkbenchServicesOptions, 'onInternalError'> = {}): WorkbenchServices {
  return createWorkbenchServices({
    userDataDir: defaultUserDataDir(env),
    keychainService: keychainServiceName(env),
    appVersion: CLI_VERSION,
    ...options,
  });
}

/** Calls one router channel the way the app's renderer does (same validation, same handlers); a failure is thrown as a WorkbenchError. */
export async function callRouter<C extends IpcChannel>(router: Router, channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  const result = await router.handle(channel, request, { emit: () => undefined });
  if (!result.ok) throw errorFromPayload(result.error);
  return result.value as IpcResponse<C>;
}

/** The profile with this name, ignoring case (profile names are unique that way), or undefined. */
export function profileNamed(profiles: readonly Profile[], name: string): Profile | undefined {
  return profiles.find((profile) => sameProfileName(profile.name, name));
}

/** The saved profile with this name (any case); ERR_PROFILE_NOT_FOUND saying how to list them. */
export async function findProfileByName(profiles: { list(): Promise<ProfilesListing> }, name: string): Promise<Profile> {
  const found = profileNamed((await profiles.list()).profiles, name);
  if (found === undefined) throw profileNotFoundByNameError(name);
  return found;
}
