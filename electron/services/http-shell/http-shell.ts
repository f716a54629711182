import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WorkbenchError, toErrorPayload } from '../../../shared/errors/workbench-error';
import { HTTP_PROTOCOL, STREAM_ID_PATTERN, type LaunchSession } from '../../../shared/ipc/http-protocol';
import { TIMEOUT_LIMITS } from '../../../shared/exchange/timeout-limits';
import { fail, ok, type IpcResult } from '../../../shared/ipc/result';
import { createInFlightCalls, type InFlightCall } from '../router/in-flight-calls';
import type { Router } from '../router/router-types';
import { BROWSER_MODE_CSP, browserModePage } from './app-page';
import { EventStreams } from './event-streams';
import { LaunchCodes, bearerToken, mintLaunchToken, tokenMatches } from './launch-token';
import { BodyTooLargeError, MAX_REQUEST_BODY_BYTES, readCappedBody } from './read-capped-body';
import { LOOPBACK_HOST, isAllowedOrigin, isExpectedHost, loopbackOrigin } from './request-checks';
import { contentTypeOf, readStaticFile } from './static-files';

// The server of `mctoken ui`: the built renderer and the app's router on 127.0.0.1 only. Every request must name exactly
// 127.0.0.1:PORT as its Host and carry no foreign Origin; every API call must carry the session token in a header. The
// address it prints carries a one-time launch code instead, which the page trades for the session token (launch-token.ts).

/** What `startHttpShell` serves and where. */
export interface HttpShellOptions {
  /** The app's router (createWorkbenchServices().router): the same services as the desktop app. */
  router: Router;
  /** The built renderer, dist/renderer. */
  rendererDir: string;
  /** The built page bridge (dist/http-shell/workbench-bridge.js), served before the app script. */
  bridgeScriptFile: string;
  /** The app icon (build/icon.png), served as /favicon.ico; without it that path is a 404. */
  faviconFile?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Must be 127.0.0.1 (the default): any other bind address is refused. */
  host?: string;
  /** The clock launch codes expire by (tests inject one). */
  now?: () => number;
  /** How long a launch code lives (LAUNCH_CODE_TTL_MS). */
  launchCodeTtlMs?: number;
  /** Timeouts and the connection cap; tests make them small. */
  limits?: Partial<ServerLimits>;
  /** Sees every body the server sends (for the e2e leak scan); never called with what it received. */
  onSent?: (sent: SentBody) => void;
}

/** One body the server sent: an API reply (label = channel), an event frame (label = event), a refusal, or a file (label = path). */
export interface SentBody {
  kind: 'reply' | 'event' | 'refusal' | 'file';
  label: string;
  body: string;
}

/** A running server. `address` is what to open: the page with a one-time launch code in its fragment. */
export interface HttpShell {
  port: number;
  origin: string;
  /** What every API call carries; only ever sent to a page in the answer to a launch code, never in an address. */
  sessionToken: string;
  /** The first address, `http://127.0.0.1:PORT/#token=CODE`. */
  address: string;
  /** A new address with a new launch code (for another tab, or once the first code is spent). */
  newAddress(): string;
  /** Cancels every call still running, closes every connection and stops listening. */
  close(): Promise<void>;
}

/** How long a connection may take and how many may be open: a slow or idle client cannot hold the server. */
export interface ServerLimits {
  /** To send the request's headers, from the connection's start. */
  headersMs: number;
  /** To send the whole request, body included. */
  requestMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveMs: number;
  /** A silent connection while its reply is prepared: above the longest run a request may ask for. Event streams are exempt. */
  idleMs: number;
  /** Open connections at once (a browser opens about six per server; event streams count). */
  maxConnections: number;
}

export const SERVER_LIMITS: ServerLimits = Object.freeze({
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  idleMs: TIMEOUT_LIMITS.max + 30_000,
  maxConnections: 64,
});

const SECURITY_HEADERS: OutgoingHttpHeaders = {
  'content-security-policy': BROWSER_MODE_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const refusal = (
  code: 'ERR_IPC_FORBIDDEN_SENDER' | 'ERR_IPC_INVALID_REQUEST' | 'ERR_IPC_UNKNOWN_CHANNEL',
  message: string,
): IpcResult<never> => fail(new WorkbenchError(code, message).toPayload());
const NO_TOKEN = refusal(
  'ERR_IPC_FORBIDDEN_SENDER',
  'This request did not carry the session of this mctoken ui server and was refused. Open the address mctoken ui printed (press Enter in its terminal for a new one).',
);
const CODE_SPENT = refusal(
  'ERR_IPC_FORBIDDEN_SENDER',
  'This address was already used or is older than 60 s, so it opens nothing. Press Enter in the terminal where mctoken ui runs for a new address, or run mctoken ui again.',
);
const FOREIGN = refusal(
  'ERR_IPC_FORBIDDEN_SENDER',
  'This request did not come from the workbench page and was refused. Open the address mctoken ui printed.',
);
const TOO_LARGE = refusal(
  'ERR_IPC_INVALID_REQUEST',
  `The request is larger than the app accepts (${(MAX_REQUEST_BODY_BYTES / 2 ** 20).toFixed(1)} MiB) and was refused.`,
);
const NOT_JSON = refusal('ERR_IPC_INVALID_REQUEST', 'The request body must be JSON sent as application/json.');
const NOT_FOUND = refusal('ERR_IPC_UNKNOWN_CHANNEL', 'This request is not one the app knows: reload the page.');

/** The path after its prefix, URL-decoded: a channel name or an invocation id ('' when it does not decode; then no such thing). */
function decodedTail(path: string, prefix: string): string {
  try {
    return decodeURIComponent(path.slice(prefix.length));
  } catch {
    return '';
  }
}

/** Starts the server on 127.0.0.1 (a free port by default) with a new session token and a first launch code. */
export async function startHttpShell(options: HttpShellOptions): Promise<HttpShell> {
  const host = options.host ?? LOOPBACK_HOST;
  if (host !== LOOPBACK_HOST)
    throw new WorkbenchError('ERR_USAGE', `mctoken ui listens on ${LOOPBACK_HOST} only (this machine); it refuses to bind to ${host}.`);
  const requestedPort = options.port ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535)
    throw new WorkbenchError('ERR_USAGE', 'The port must be a whole number from 0 to 65535 (0 picks a free one).');
  const [indexHtml, bridgeScript] = await Promise.all([
    readFile(join(options.rendererDir, 'index.html'), 'utf8'),
    readFile(options.bridgeScriptFile, 'utf8'),
  ]).catch(() => {
    throw new WorkbenchError('ERR_FILE_READ', 'The built app is missing (dist/renderer or dist/http-shell): run `npm run build` first.');
  });
  const favicon = options.faviconFile === undefined ? null : await readFile(options.faviconFile).catch(() => null);
  const page = browserModePage(indexHtml);
  const token = mintLaunchToken();
  const codes = new LaunchCodes(options.now, options.launchCodeTtlMs);
  const tap = options.onSent ?? (() => undefined);
  const streams = new EventStreams((event, frame) => tap({ kind: 'event', label: event, body: frame }));
  // Calls by (the page's stream, the transport's invocation id): a tab's abort reaches its own call only.
  const calls = createInFlightCalls();
  let port = 0;

  const send = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    headers: OutgoingHttpHeaders,
    sent: Omit<SentBody, 'body'>,
  ): void => {
    if (typeof body === 'string' || /^(text|application\/json)/.test(String(headers['content-type'])))
      tap({ ...sent, body: body.toString() });
    res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const sendResult = (
    res: ServerResponse,
    status: number,
    result: IpcResult<unknown>,
    label: string,
    headers: OutgoingHttpHeaders = {},
  ): void =>
    send(
      res,
      status,
      JSON.stringify(result),
      { 'content-type': 'application/json; charset=utf-8', ...headers },
      { kind: status === 200 ? 'reply' : 'refusal', label },
    );

  /** The trade of a launch code for the session token: once per code, within its deadline. */
  const handleSession = (req: IncomingMessage, res: ServerResponse, path: string): void => {
    if (!codes.redeem(bearerToken(req.headers[HTTP_PROTOCOL.tokenHeader]))) {
      sendResult(res, 401, CODE_SPENT, path, { connection: 'close' });
      return;
    }
    const session: LaunchSession = { sessionToken: token };
    sendResult(res, 200, ok(session), path);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === HTTP_PROTOCOL.sessionPath && req.method === 'POST') {
      handleSession(req, res, path);
      return;
    }
    if (!tokenMatches(bearerToken(req.headers[HTTP_PROTOCOL.tokenHeader]), token)) {
      sendResult(res, 401, NO_TOKEN, path, { 'www-authenticate': 'Bearer realm="mctoken ui"', connection: 'close' });
      return;
    }
    const streamHeader = req.headers[HTTP_PROTOCOL.streamHeader];
    const streamId = typeof streamHeader === 'string' && STREAM_ID_PATTERN.test(streamHeader) ? streamHeader : null;
    if (path === HTTP_PROTOCOL.eventsPath && req.method === 'GET' && streamId !== null) {
      req.socket.setTimeout(0);
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      streams.open(streamId, res);
      return;
    }
    const isAbort = path.startsWith(HTTP_PROTOCOL.abortPath);
    if ((!isAbort && !path.startsWith(HTTP_PROTOCOL.invokePath)) || req.method !== 'POST') {
      sendResult(res, 404, NOT_FOUND, path);
      return;
    }
    if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) {
      sendResult(res, 415, NOT_JSON, path, { connection: 'close' });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(await readCappedBody(req));
    } catch (error) {
      if (error instanceof BodyTooLargeError) sendResult(res, 413, TOO_LARGE, path, { connection: 'close' });
      else sendResult(res, 400, NOT_JSON, path);
      return;
    }
    const caller = streamId ?? '';
    if (isAbort) {
      const aborted = calls.abort(caller, decodedTail(path, HTTP_PROTOCOL.abortPath));
      sendResult(res, 200, ok({ aborted }), path);
      return;
    }
    let call: InFlightCall;
    try {
      call = calls.begin(caller, req.headers[HTTP_PROTOCOL.invocationHeader]);
    } catch (error) {
      sendResult(res, 400, fail(toErrorPayload(error)), path);
      return;
    }
    // A request that goes away before its reply (the tab closed or reloaded) cancels its call.
    res.once('close', () => {
      if (!res.writableFinished) call.abort();
    });
    const channel = decodedTail(path, HTTP_PROTOCOL.invokePath);
    try {
      const result = await options.router.handle(channel, payload, {
        emit: (event, data) => streams.send(streamId, event, data),
        signal: call.signal,
        // The tab's stream id tells its requests apart from another tab's (a web sign-in stays with the tab that began it).
        ...(streamId === null ? {} : { senderKey: `ui:${streamId}` }),
      });
      if (!res.destroyed) sendResult(res, 200, result, channel, { [HTTP_PROTOCOL.eventCountHeader]: String(streams.sentTo(streamId)) });
    } finally {
      call.end();
    }
  };

  const handleFile = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const text = { 'content-type': 'text/plain; charset=utf-8' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Only GET is served here.', { ...text, allow: 'GET, HEAD' }, { kind: 'refusal', label: path });
      return;
    }
    const file =
      path === '/' || path === '/index.html'
        ? { body: Buffer.from(page), contentType: contentTypeOf('index.html') }
        : path === HTTP_PROTOCOL.bridgeScriptPath
          ? { body: Buffer.from(bridgeScript), contentType: contentTypeOf('bridge.js') }
          : path === '/favicon.ico' && favicon !== null
            ? { body: favicon, contentType: contentTypeOf('icon.png') }
            : await readStaticFile(options.rendererDir, path);
    if (file === null) send(res, 404, 'Not found.', text, { kind: 'refusal', label: path });
    else send(res, 200, req.method === 'HEAD' ? '' : file.body, { 'content-type': file.contentType }, { kind: 'file', label: path });
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://path.invalid').pathname;
    const isApi = path.startsWith('/api/');
    if (!isExpectedHost(req.headers, port)) {
      if (isApi) sendResult(res, 403, FOREIGN, path);
      else
        send(
          res,
          403,
          `Refused: open the address mctoken ui printed (${LOOPBACK_HOST}:${port}).`,
          { 'content-type': 'text/plain; charset=utf-8' },
          { kind: 'refusal', label: path },
        );
      return;
    }
    if (!isAllowedOrigin(req.headers, port)) sendResult(res, 403, FOREIGN, path, { connection: 'close' });
    else if (isApi) await handleApi(req, res, path);
    else await handleFile(req, res, path);
  };

  const limits = { ...SERVER_LIMITS, ...options.limits };
  // Node checks the header and request deadlines every connectionsCheckingInterval: a tenth of the shorter one.
  const checkEveryMs = Math.max(10, Math.min(limits.headersMs, limits.requestMs) / 10);
  const server = createServer({ connectionsCheckingInterval: checkEveryMs }, (req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });
  server.headersTimeout = limits.headersMs;
  server.requestTimeout = limits.requestMs;
  server.keepAliveTimeout = limits.keepAliveMs;
  server.timeout = limits.idleMs;
  server.maxConnections = limits.maxConnections;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(
          new WorkbenchError(
            'ERR_USAGE',
            `Port ${requestedPort} is already in use: choose another with --port, or --port 0 for a free one.`,
          ),
        );
      else if (error.code === 'EACCES')
        reject(
          new WorkbenchError(
            'ERR_USAGE',
            `Port ${requestedPort} is not allowed for this user: choose one above 1023, or --port 0 for a free one.`,
          ),
        );
      else reject(error);
    });
    server.listen({ port: requestedPort, host: LOOPBACK_HOST, exclusive: true }, resolve);
  });
  port = (server.address() as AddressInfo).port;
  const origin = loopbackOrigin(port);
  const newAddress = (): string => `${origin}/#token=${codes.mint()}`;
  return {
    port,
    origin,
    sessionToken: token,
    address: newAddress(),
    newAddress,
    close: () =>
      new Promise<void>((resolve) => {
        calls.abortAll();
        streams.closeAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
