// A bare local HTTP server on 127.0.0.1 that answers however a test scripts it (odd statuses, stalls, resets).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running scripted server. */
export interface ScriptedHttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 (random port) that hands every request to `handler`. */
export async function startScriptedHttpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<ScriptedHttpServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A 127.0.0.1 URL on a port where nothing listens (bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = await startScriptedHttpServer(() => undefined);
  await server.close();
  return server.url;
}
