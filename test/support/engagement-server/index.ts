// The local Marketing Cloud Engagement auth server for tests, the CLI suite, e2e and the bench.
/** Starts the server on 127.0.0.1, and its refresh grace and lifetime constants. */
export {
  startEngagementServer,
  REFRESH_GRACE_MS,
  REFRESH_EXPIRES_IN,
  NOT_ELIGIBLE_MESSAGE,
  UNSUPPORTED_GRANT_DESCRIPTION,
} from './start-engagement-server';
/** The server's public types. */
export type {
  EngagementServer,
  EngagementServerOptions,
  EngagementPackage,
  EngagementFaultMode,
  EngagementEndpoint,
  EngagementRequestRecord,
  PackageIntegration,
} from './engagement-types';
/** A sample package with a few scopes and two business units. */
export { SAMPLE_PACKAGE, SAMPLE_MID, OTHER_MID } from './sample-package';
