/** Every stable error code the workbench can report, grouped by area. Codes never change once shipped. */
export const ERROR_CODES = [
  // token input and decoding
  'ERR_TOKEN_EMPTY',
  'ERR_TOKEN_TOO_LARGE',
  'ERR_TOKEN_SEGMENTS',
  'ERR_TOKEN_BASE64',
  'ERR_TOKEN_JSON',
  'ERR_TOKEN_NOT_OBJECT',
  // signature verification
  'ERR_VERIFY_ALG_NONE',
  'ERR_VERIFY_ALG_MISMATCH',
  'ERR_VERIFY_ALG_UNSUPPORTED',
  'ERR_VERIFY_SECRET_EMPTY',
  'ERR_VERIFY_SECRET_ENCODING',
  'ERR_VERIFY_KEY_INVALID',
  'ERR_VERIFY_KID_NOT_FOUND',
  // private keys
  'ERR_KEY_EMPTY',
  'ERR_KEY_ENCRYPTED',
  'ERR_KEY_PASSPHRASE',
  'ERR_KEY_PUBLIC',
  'ERR_KEY_CERTIFICATE',
  'ERR_KEY_NOT_RSA',
  'ERR_KEY_TOO_SMALL',
  'ERR_KEY_MALFORMED',
  // Intelligence token flow
  'ERR_CLIENT_ID_INVALID',
  'ERR_REGION_UNKNOWN',
  'ERR_URL_INVALID',
  'ERR_URL_INSECURE',
  'ERR_NETWORK',
  'ERR_TIMEOUT',
  'ERR_CANCELLED',
  'ERR_DISCOVERY_HTTP',
  'ERR_DISCOVERY_NOT_JSON',
  'ERR_DISCOVERY_NO_TOKEN_ENDPOINT',
  'ERR_ASSERTION_PREFLIGHT',
  'ERR_TOKEN_ENDPOINT_HTTP',
  'ERR_TOKEN_ENDPOINT_NOT_JSON',
  'ERR_TOKEN_RESPONSE_INVALID',
  'ERR_OAUTH_INVALID_CLIENT',
  'ERR_OAUTH_INVALID_GRANT',
  'ERR_OAUTH_INVALID_REQUEST',
  'ERR_OAUTH_UNAUTHORIZED_CLIENT',
  'ERR_OAUTH_UNSUPPORTED_GRANT_TYPE',
  'ERR_OAUTH_INVALID_SCOPE',
  'ERR_OAUTH_OTHER',
  // OS keychain
  'ERR_KEYCHAIN_UNAVAILABLE',
  'ERR_KEYCHAIN_LOCKED',
  'ERR_KEYCHAIN_DENIED',
  'ERR_KEYCHAIN_NOT_FOUND',
  // profiles
  'ERR_PROFILE_NOT_FOUND',
  'ERR_PROFILE_NAME_TAKEN',
  'ERR_PROFILE_INVALID',
  'ERR_PROFILES_CORRUPT',
  'ERR_PROFILES_IO',
  // IPC and app
  'ERR_IPC_INVALID_REQUEST',
  'ERR_IPC_UNKNOWN_CHANNEL',
  'ERR_IPC_FORBIDDEN_SENDER',
  'ERR_BRIDGE_MISSING',
  'ERR_FILE_READ',
  'ERR_USAGE',
  'ERR_INTERNAL',
] as const;

/** A stable error code string such as `ERR_KEY_ENCRYPTED`. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** True when the value is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
