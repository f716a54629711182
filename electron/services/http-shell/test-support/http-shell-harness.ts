import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcEvent } from '../../../../shared/ipc/ipc-contract';
import type { Router, RouterContext } from '../../router/router-types';
import { startHttpShell, type HttpShell, type HttpShellOptions, type SentBody } from '../http-shell';

/** A router that records every call and answers with an echo, emitting what the test asks for first. */
export interface RecordingRouter extends Router {
  calls: { channel: string; payload: unknown }[];
  /** Events emitted (in order) before each reply. */
  emitBeforeReply: { event: IpcEvent; payload: unknown }[];
}

export function recordingRouter(): RecordingRouter {
  const router: RecordingRouter = {
    calls: [],
    emitBeforeReply: [],
    async handle(channel: string, payload: unknown, context: RouterContext) {
      router.calls.push({ channel, payload });
      for (const { event, payload: data } of router.emitBeforeReply) context.emit(event, data as never);
      return { ok: true, value: { echo: payload } };
    },
  };
  return router;
}

/** A started server over a throwaway renderer folder (the renderer's real source index.html) and a stand-in bridge script. */
export interface Harness {
  shell: HttpShell;
  router: RecordingRouter;
  sent: SentBody[];
  /** The throwaway renderer folder it serves. */
  rendererDir: string;
  close(): Promise<void>;
}

export const BRIDGE_SCRIPT = 'window.__bridgeStandIn = true;';

/** The app icon the harness serves as /favicon.ico: the real one. */
export const APP_ICON = fileURLToPath(new URL('../../../../build/icon.png', import.meta.url));

export async function startHarness(
  router: Router & Partial<RecordingRouter> = recordingRouter(),
  port = 0,
  options: Partial<HttpShellOptions> = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'mctw-http-shell-'));
  const html = await readFile(new URL('../../../../renderer/index.html', import.meta.url), 'utf8');
  await writeFile(join(dir, 'index.html'), html);
  await writeFile(join(dir, 'app.js'), 'console.log("app");');
  await writeFile(join(dir, 'bridge.js'), BRIDGE_SCRIPT);
  const sent: SentBody[] = [];
  const shell = await startHttpShell({
    router,
    rendererDir: dir,
    bridgeScriptFile: join(dir, 'bridge.js'),
    faviconFile: APP_ICON,
    port,
    onSent: (s) => sent.push(s),
    ...options,
  });
  return {
    shell,
    router: router as RecordingRouter,
    sent,
    rendererDir: dir,
    close: async () => {
      await shell.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One raw HTTP exchange with full control of the headers (Host included), as an attacker's client would send it. */
export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve({ status: 0, headers: {}, body: '' }) : reject(error),
    );
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The headers of a correct API call. */
export function apiHeaders(shell: HttpShell, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${shell.sessionToken}`, 'content-type': 'application/json', ...extra };
}
