import { WorkbenchError } from '../../../shared/errors/workbench-error';
import { findProfileByName } from '../../services/find-profile';
import type { TokenTarget } from './token-target';

/** The token target from a saved Intelligence profile; its key is read from the OS keychain and imported, never shown. */
export async function targetFromProfile(name: string, env: NodeJS.ProcessEnv): Promise<TokenTarget> {
  const { openServices } = await import('../../services/open-services');
  const services = openServices(env);
  const profile = await findProfileByName(services.profiles, name);
  if (profile.product !== 'intelligence' || profile.discoveryUrl === null) {
    throw new WorkbenchError('ERR_PROFILE_INVALID', `Profile "${profile.name}" is not an Intelligence profile with a discovery URL: mctoken token needs one.`, {
      hint: 'Run "mctoken profiles show NAME" to check it, or save one with "mctoken profiles save".',
    });
  }
  if (!profile.hasSecret) {
    throw new WorkbenchError('ERR_PROFILE_INVALID', `Profile "${profile.name}" has no private key stored: save it again with --key-file KEY.pem.`);
  }
  const privateKey = await services.profiles.getPrivateKey(profile.id);
  return { clientId: profile.clientId, discoveryUrl: profile.discoveryUrl, tokenRequestStyle: profile.tokenRequestStyle, privateKey };
}
