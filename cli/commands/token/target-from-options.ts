import { checkClientId } from '../../../shared/intelligence/client-id';
import { discoveryUrlForRegion } from '../../../shared/intelligence/regions';
import { readEnv } from '../../io/read-env';
import { discoveryUrlOption } from '../../services/discovery-url-option';
import { usageCheck } from '../../usage-check';
import { UsageError } from '../../usage-error';
import { loadKeyFile } from './load-key-file';
import type { TokenOptions } from './token-options';
import type { TokenTarget } from './token-target';

/**
 * The token target from --client-id, --region or --discovery-url, --key-file and --passphrase-env. Everything that is a usage
 * problem (a missing option, an unset variable, an http discovery URL that is not loopback) is found before any file is read
 * or any connection made.
 */
export async function targetFromOptions(options: TokenOptions, env: NodeJS.ProcessEnv): Promise<TokenTarget> {
  const { clientId, keyFile, region, discoveryUrl: url } = options;
  if (clientId === undefined || keyFile === undefined || (region === undefined && url === undefined)) {
    const missing = [
      clientId === undefined ? '--client-id ID' : '',
      region === undefined && url === undefined ? '--region REGION or --discovery-url URL' : '',
      keyFile === undefined ? '--key-file KEY.pem' : '',
    ].filter(Boolean);
    throw new UsageError(`mctoken token needs ${missing.join(', ')}; or use a saved profile with --profile NAME.`);
  }
  const checkedClientId = usageCheck(() => checkClientId(clientId));
  const discoveryUrl = region === undefined ? discoveryUrlOption(url ?? '') : discoveryUrlForRegion(region);
  const passphrase = options.passphraseEnv === undefined ? undefined : readEnv(env, options.passphraseEnv, '--passphrase-env');
  const privateKey = await loadKeyFile(keyFile, passphrase);
  return { clientId: checkedClientId, discoveryUrl, tokenRequestStyle: 'form', privateKey };
}
