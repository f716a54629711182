// A local Journey Builder custom activity on 127.0.0.1 for tests: POST /execute (and /save, /validate, /publish, /stop) takes
// the JWT as the whole body with Content-Type: application/jwt, POST /login takes the SSO form field `jwt`; each verifies
// the signature HS256 only (algorithms pinned, as copied code often forgets) with the package secret, and records what
// arrived. Fault modes misbehave on demand: a redirect to another origin, an endless body, an answer that never comes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';

/** How the server misbehaves on every request. */
export type ActivityFault = 'none' | 'redirect-foreign' | 'redirect-same' | 'huge-body' | 'stall' | 'echo';

/** One request as it arrived. */
export interface ActivityRequestRecord {
  method: string;
  path: string;
  contentType: string | null;
  /** Whether the token arrived where it should, in the right content type, and verified with the secret. */
  verified: boolean;
  /** The verified payload, or null. */
  payload: Record<string, unknown> | null;
  /** Headers a send must never add. */
  authorization: string | null;
  cookie: string | null;
}

/** Options of {@link startActivityServer}. */
export interface ActivityServerOptions {
  /** The package's JWT signing secret (or a Salt key's bytes) to verify with. */
  secret: Uint8Array;
  fault?: ActivityFault;
  /** Where the redirect faults point (another server's URL for redirect-foreign). */
  redirectTo?: string;
}

/** A running activity server. */
export interface ActivityServer {
  url: string;
  requests: ActivityRequestRecord[];
  /** Bytes written by the huge-body fault before the client hung up. */
  hugeBytesWritten(): number;
  close(): Promise<void>;
}

const ACTIVITY_PATHS = new Set(['/execute', '/save', '/validate', '/publish', '/stop']);
const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The token where this path expects it, or null when it came in the wrong shape. */
function tokenOf(path: string, contentType: string | null, body: string): string | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (ACTIVITY_PATHS.has(path)) return type === 'application/jwt' ? body : null;
  if (path === '/login') return type === 'application/x-www-form-urlencoded' ? new URLSearchParams(body).get('jwt') : null;
  return null;
}

/** Starts the activity on 127.0.0.1 (random port). */
export async function startActivityServer(options: ActivityServerOptions): Promise<ActivityServer> {
  const requests: ActivityRequestRecord[] = [];
  let hugeBytes = 0;
  const json = (res: ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const contentType = req.headers['content-type'] ?? null;
    const body = await readBody(req);
    const token = tokenOf(path, contentType, body);
    let payload: Record<string, unknown> | null = null;
    if (token !== null) {
      payload = await jwtVerify(token, options.secret, { algorithms: ['HS256'] }).then(
        (result) => result.payload as Record<string, unknown>,
        () => null,
      );
    }
    requests.push({
      method: req.method ?? '',
      path,
      contentType,
      verified: payload !== null,
      payload,
      authorization: req.headers.authorization ?? null,
      cookie: req.headers.cookie ?? null,
    });
    const fault = options.fault ?? 'none';
    if (fault === 'stall') return;
    if (fault === 'redirect-foreign' || fault === 'redirect-same') {
      res.writeHead(307, { location: options.redirectTo ?? '/execute' }).end();
      return;
    }
    if (fault === 'huge-body') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) hugeBytes += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    if (fault === 'echo') {
      json(res, 400, { error: 'bad', received: body });
      return;
    }
    if (payload === null) json(res, 401, { error: 'invalid_token', message: 'Signature or content type did not check out.' });
    else json(res, 200, { success: true, keyValue: payload.keyValue ?? null });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    hugeBytesWritten: () => hugeBytes,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
