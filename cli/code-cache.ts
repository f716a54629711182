// V8's code cache for the mctoken CLI bundle (dist/cli/main.cjs), as the launcher (cli/launch.ts) reads it, the build
// writes it and the tests check it. Node 20 has no compile cache of its own (module.enableCompileCache came in Node 22).
//
// The cache file's first line records the size and modification time of the main.cjs it was made from, because V8 checks
// only the source's length (a rebuilt bundle of the same length would otherwise run stale code); V8 itself refuses a cache
// from another Node or V8 version or other flags. After that line come V8's bytes as script.createCachedData() gave them.
import { readFileSync, statSync } from 'node:fs';

/**
 * The line that ties a cache to one build of the bundle at `mainPath`: its size and modification time in whole seconds
 * (copies do not keep finer times exactly). Every build writes both files afresh, so only a hand-edited bundle can differ.
 */
export function codeCacheKey(mainPath: string): string {
  const { size, mtimeMs } = statSync(mainPath);
  return `mctoken-code-cache ${size} ${Math.floor(mtimeMs / 1000)}\n`;
}

/** V8's bytes from the cache file when it was made from this build (its first line is `key`); otherwise undefined. */
export function readCodeCache(cachePath: string, key: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cachePath);
  } catch {
    return undefined;
  }
  return file.subarray(0, key.length).toString('latin1') === key ? file.subarray(key.length) : undefined;
}

/** The cache file's content: the key line, then V8's bytes. */
export function codeCacheFile(key: string, v8Bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(key, 'latin1'), v8Bytes]);
}

/** CommonJS source wrapped as Node wraps a module, on its first line so that line numbers in stack traces stay right. */
export function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
}
