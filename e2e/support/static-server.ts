import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readStaticFile } from '../../electron/services/http-shell/static-files';

/** A running static file server on 127.0.0.1. */
export interface StaticServer {
  /** Base URL ending in `/`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves the files of `root` (GET/HEAD only, no directory listing, `/` is index.html) on an ephemeral port. */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      // The same file lookup and content types as mctoken ui's own server.
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      const found = await readStaticFile(root, pathname === '/' ? '/index.html' : pathname);
      if ((req.method !== 'GET' && req.method !== 'HEAD') || found === null) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': found.contentType, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : found.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
