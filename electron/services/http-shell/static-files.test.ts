import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStaticFile } from './static-files';

// The renderer folder is all `mctoken ui` serves: not a path out of it, and not a symlink in it that points out of it.

let dir = '';
let renderer = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mctw-static-'));
  renderer = join(dir, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'app.js'), 'app');
  await writeFile(join(renderer, 'assets', 'style.css'), 'css');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer folder');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('readStaticFile', () => {
  it('serves files of the folder with their content type', async () => {
    expect(await readStaticFile(renderer, '/app.js')).toEqual({ body: Buffer.from('app'), contentType: 'text/javascript; charset=utf-8' });
    expect((await readStaticFile(renderer, '/assets/style.css'))?.body.toString()).toBe('css');
  });

  it('refuses a symlinked file or folder that points out of the folder', async () => {
    await symlink(join(dir, 'secret.txt'), join(renderer, 'leak.js'));
    await symlink(dir, join(renderer, 'up'));
    expect(await readStaticFile(renderer, '/leak.js')).toBeNull();
    expect(await readStaticFile(renderer, '/up/secret.txt')).toBeNull();
  });

  it('follows a symlink that stays inside the folder, and a folder that is itself reached through a symlink', async () => {
    await symlink(join(renderer, 'assets', 'style.css'), join(renderer, 'alias.css'));
    expect((await readStaticFile(renderer, '/alias.css'))?.body.toString()).toBe('css');
    await symlink(renderer, join(dir, 'linked-renderer'));
    expect((await readStaticFile(join(dir, 'linked-renderer'), '/app.js'))?.body.toString()).toBe('app');
  });

  it('refuses paths out of the folder, NUL bytes, bad escapes and folders', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/app.js%00', '/%E0%A4%A', '/assets'])
      expect(await readStaticFile(renderer, path), path).toBeNull();
  });
});
