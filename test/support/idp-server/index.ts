// The local Intelligence identity provider for tests, the CLI suite, e2e and the bench.
/** Starts the local identity provider on 127.0.0.1. */
export { startIdpServer } from './start-idp-server';
/** The required client_assertion_type, and the iat window (seconds) of the token endpoint. */
export { JWT_BEARER, IAT_WINDOW_SECONDS } from './token-request-check';
/** The page the `html` fault answers with. */
export { FAULT_HTML_PAGE } from './fault-responses';
/** The server's public types. */
export type { IdpServer, IdpServerOptions, IdpFaultMode, IdpFaultOptions, IdpRequestRecord, IdpOAuthError } from './idp-types';
/** A bare scripted HTTP server on 127.0.0.1, and a URL where nothing listens. */
export { startScriptedHttpServer, closedPortUrl, type ScriptedHttpServer } from './scripted-http-server';
