/** The wire protocol of `mctoken ui`: the browser page's bridge and the local HTTP server agree on these names only. */
export const HTTP_PROTOCOL = Object.freeze({
  /** POST here with `Bearer CODE` (the launch code of the address): answers the session token once per code. */
  sessionPath: '/api/session',
  /** POST here + the channel name: one request per `invoke`; the body is the request as JSON, the reply an IpcResult. */
  invokePath: '/api/invoke/',
  /** POST here + a call's invocation id (empty body): aborts that call of this page's stream, if it is still running. */
  abortPath: '/api/abort/',
  /** GET here: the server-sent event stream of the page (`intelligence:progress`). */
  eventsPath: '/api/events',
  /** The classic script that installs `window.workbench` before the app's own script runs. */
  bridgeScriptPath: '/workbench-bridge.js',
  /** Carries the session token as `Bearer TOKEN` (or, to sessionPath, the launch code): a header, never a cookie or a query string. */
  tokenHeader: 'authorization',
  /** Names the page's event stream, so a call's events go to the page that made it (as Electron sends to the sender only). */
  streamHeader: 'x-workbench-stream',
  /** On an invoke: the call's invocation id (the transport's own, one per call), which an abort names. */
  invocationHeader: 'x-workbench-invocation',
  /** On a reply: how many events the server had sent to the caller's stream when it answered. */
  eventCountHeader: 'x-workbench-events',
});

/** A stream id: what crypto.randomUUID() gives, or any 16–64 URL-safe characters. */
export const STREAM_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** A session token or launch code as the server mints it: 32 random bytes in base64url (43 characters); accepted from 22 (128 bits). */
export const LAUNCH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** One server-sent event of the stream: its sequence number on this stream, the contract's event name and its payload. */
export interface StreamedEvent {
  seq: number;
  event: string;
  payload: unknown;
}

/** The session token the page gets for a launch code: kept in the tab (sessionStorage), never in an address. */
export interface LaunchSession {
  sessionToken: string;
}

/**
 * The server serves the app's scripts with this type, so the browser holds them: the page bridge starts them once it knows
 * whether the tab has a session (their own type, if any, is kept in data-type).
 */
export const HELD_SCRIPT_TYPE = 'text/x-workbench-held';

/** Set on <html> by the page bridge when the tab has no session: why, so the app can say what to do. */
export const NO_SESSION_ATTRIBUTE = 'data-mctoken-ui-session';

/** Why a tab has no session: no code and none kept (a bookmark, a new tab), a spent or expired code, or no server. */
export type NoSessionReason = 'none' | 'refused' | 'unreachable';
