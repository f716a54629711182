// Figure: the production renderer's size, gzipped. The goal is for what the first paint loads (index.html, its stylesheet,
// the entry script and the chunks it imports statically: the decoder); the screens, panels and the decoder's Worker
// that load later are listed beside it, and the total of everything.
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt } from './measure';

/** The goal: what the first paint loads, at most this many KB gzipped. */
export const FIRST_LOAD_GOAL_KB = 100;

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g;

/** The files the first paint loads: those index.html names, then every chunk an entry imports statically (not `import()`). */
async function firstLoadFiles(dir: string): Promise<Set<string>> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = new Set(['index.html', ...named]);
  const pending = named.filter((f) => f.endsWith('.js'));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const code = await readFile(join(dir, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const imported = posix.join(posix.dirname(file), match[1]!);
      if (!files.has(imported)) {
        files.add(imported);
        pending.push(imported);
      }
    }
  }
  return files;
}

/** Prints the gzipped size of every JS/CSS/HTML file in dist/renderer, what the first paint loads against its goal, and the total. */
export async function benchBundleSize(dir = 'dist/renderer'): Promise<void> {
  const first = await firstLoadFiles(dir);
  const files = (await listFiles(dir)).filter((f) => /\.(js|css|html)$/.test(f));
  let firstGz = 0;
  let totalGz = 0;
  let totalRaw = 0;
  for (const file of files.sort()) {
    const bytes = await readFile(join(dir, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    totalRaw += bytes.length;
    totalGz += gz;
    const isFirst = first.has(file);
    if (isFirst) firstGz += gz;
    console.log(`  ${isFirst ? 'first' : 'later'}  ${file}: ${fmt(bytes.length / 1024)} KB raw, ${fmt(gz / 1024)} KB gzipped`);
  }
  console.log(`first load (the decoder): ${fmt(firstGz / 1024)} KB gzipped (goal ≤ ${FIRST_LOAD_GOAL_KB} KB gzipped)`);
  console.log(`everything, later chunks and the Worker included: ${fmt(totalRaw / 1024)} KB raw, ${fmt(totalGz / 1024)} KB gzipped`);
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(dir, posix.join(prefix, e.name)) : [posix.join(prefix, e.name)])),
  );
  return nested.flat();
}
