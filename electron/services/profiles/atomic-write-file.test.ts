import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mctw-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the content and leaves only the target file', async () => {
    const target = join(dir, 'data.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new ✓');
    expect(await readFile(target, 'utf8')).toBe('new ✓');
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('when the final rename fails, leaves the target as it was and removes its temporary file', async () => {
    const target = join(dir, 'data.json');
    await mkdir(target);
    await writeFile(join(target, 'child'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST|EPERM)$/),
    });
    expect(await readdir(dir)).toEqual(['data.json']);
    expect(await readdir(target)).toEqual(['child']);
  });
});
