import type { Region } from '../../../shared/intelligence/regions';

/** The options of `mctoken profiles save`, as commander parses them. */
export interface ProfilesSaveOptions {
  clientId: string;
  region?: Region;
  discoveryUrl?: string;
  keyFile?: string;
  passphraseEnv?: string;
  queryStyle?: boolean;
}

/** The options of `mctoken profiles list` and `show`. */
export interface ProfilesOutputOptions {
  json?: boolean;
}
