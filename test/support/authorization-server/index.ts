// The strict local authorization server (Engagement web and public apps) for tests, the CLI suite and e2e.
export { startAuthorizationServer } from './start-authorization-server';
export { tssdFetch } from './tssd-fetch';
export type {
  AuthorizationServer,
  AuthorizationServerOptions,
  AuthorizationRequestRecord,
  LoginOutcome,
  SignInUser,
  WebAppPackage,
} from './authorization-types';
/** A web app (with secret, offline) and a public app, both registering the documented local redirect, and a user. */
export { PUBLIC_APP, SIGN_IN_USER, WEB_APP, TSSD_APP } from './sample-web-apps';
