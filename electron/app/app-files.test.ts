// The app:// handler that serves the built renderer: its files with their types and the strict CSP, nothing outside its folder.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../services/security/content-security-policy';
import { APP_DOCUMENT_URL, appFileHandler } from './app-files';

let dir = '';
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mctw-app-files-'));
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
  await writeFile(join(dir, 'renderer', 'assets', 'index.js'), 'export {};');
  await writeFile(join(dir, 'renderer', 'assets', 'font.bin'), 'x');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
  serve = appFileHandler(join(dir, 'renderer'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('appFileHandler', () => {
  it('serves the document and its assets with their content type, nosniff and the strict CSP', async () => {
    const page = await serve(new Request(APP_DOCUMENT_URL));
    expect(page.status).toBe(200);
    expect(Object.fromEntries(page.headers)).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    expect(await page.text()).toContain('./assets/index.js');
    const script = await serve(new Request(new URL('./assets/index.js', APP_DOCUMENT_URL)));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
    expect((await serve(new Request('app://workbench/assets/font.bin'))).headers.get('content-type')).toBe('application/octet-stream');
    expect((await serve(new Request('app://workbench/'))).status).toBe(200);
  });

  it.each([
    ['a path that climbs out once decoded', 'app://workbench/..%2fsecret.txt'],
    ['a climbing path the URL parser resolves', 'app://workbench/../secret.txt'],
    ['an absolute path', 'app://workbench/%2fetc%2fpasswd'],
    ['a broken escape', 'app://workbench/%E0%A4%A'],
    ['a NUL byte', 'app://workbench/index.html%00.png'],
    ['another host', 'app://elsewhere/index.html'],
    ['a missing file', 'app://workbench/missing.js'],
    ['a folder', 'app://workbench/assets'],
  ])('answers 404 for %s', async (_what, url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });

  it('answers 404 to anything but GET', async () => {
    expect((await serve(new Request(APP_DOCUMENT_URL, { method: 'POST', body: 'x' }))).status).toBe(404);
  });
});
