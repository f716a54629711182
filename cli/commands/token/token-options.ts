import type { Region } from '../../../shared/intelligence/regions';

/** The options of `mctoken token`, as commander parses them. */
export interface TokenOptions {
  profile?: string;
  clientId?: string;
  region?: Region;
  discoveryUrl?: string;
  keyFile?: string;
  passphraseEnv?: string;
  json?: boolean;
  timeoutMs?: number;
  verbose?: boolean;
  queryStyle?: boolean;
}
