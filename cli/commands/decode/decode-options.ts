import type { SecretEncoding } from '../../../shared/verify/verification';

/** The options of `mctoken decode`, as commander parses them. */
export interface DecodeOptions {
  json?: boolean;
  secretFile?: string;
  secretEnv?: string;
  secretEncoding?: SecretEncoding;
  keyFile?: string;
}
