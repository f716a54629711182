import type { TokenRequestStyle } from '../../../shared/intelligence/flow-types';

/** What the token flow needs, resolved from the command-line options or from a saved profile. */
export interface TokenTarget {
  clientId: string;
  discoveryUrl: string;
  tokenRequestStyle: TokenRequestStyle;
  privateKey: CryptoKey;
}
