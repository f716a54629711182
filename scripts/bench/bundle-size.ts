// Figure: the production renderer bundle's size, raw and gzipped (goal < 200 KB gzipped).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt } from './measure';

/** Prints the raw and gzipped size of every JS/CSS file in dist/renderer and their total. */
export async function benchBundleSize(dir = 'dist/renderer'): Promise<void> {
  const files = await listFiles(dir);
  let raw = 0;
  let gzipped = 0;
  for (const file of files.filter((f) => /\.(js|css|html)$/.test(f))) {
    const bytes = await readFile(file);
    const gz = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzipped += gz;
    console.log(`  ${file}: ${fmt(bytes.length / 1024)} KB raw, ${fmt(gz / 1024)} KB gzipped`);
  }
  console.log(`renderer bundle total: ${fmt(raw / 1024)} KB raw, ${fmt(gzipped / 1024)} KB gzipped (goal < 200 KB gzipped)`);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}
