// The one bridge from renderer tests to the shared test fixtures in test/support (sample tokens and generated keys).
export {
  ENGAGEMENT_SIGNING_SECRET,
  V1_CLAIM_PATHS,
  V2_CLAIM_PATHS,
  makeEngagementAccessToken,
  makeEngagementSsoJwt,
  makeGenericJwt,
} from '../../test/support/engagement-tokens';
export { testKeyPair } from '../../test/support/test-keys';
export { RFC7520_EC_PUBLIC_JWK, RFC7520_VECTORS, flipBit, serialize, type JwsVector } from '../../test/support/rfc7520-vectors';
export {
  RECORDED_EXECUTE_PATHS,
  RECORDED_EXECUTE_PAYLOAD,
  SALT_KEY_BYTES,
  SALT_KEY_HEX,
  makeActivityCall,
  rawActivityRequest,
} from '../../test/support/custom-activity-calls';
