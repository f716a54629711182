// The `mctoken` executable (built into dist/cli/mctoken.cjs): runs the CLI (dist/cli/main.cjs, from cli/main.ts) from V8's
// code cache (dist/cli/main.v8-cache) when the build left one for this very bundle and this Node, so a short command such as
// `decode` skips most of the parsing and compiling of the bundle (measured by `npm run bench`). Without a usable cache the
// CLI runs just the same, compiled as usual.
//
// The cache is written only by the build (scripts/build-node.mjs runs `decode` with MCTOKEN_WRITE_CODE_CACHE=1), next to
// the code it belongs to, with the same permissions: a run never writes it. See cli/code-cache.ts for its format.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheFile, codeCacheKey, readCodeCache, wrapCommonJs } from './code-cache';

const MAIN = join(__dirname, 'main.cjs');
const CACHE = join(__dirname, 'main.v8-cache');

let key: string;
let source: string;
try {
  key = codeCacheKey(MAIN);
  source = readFileSync(MAIN, 'utf8');
} catch {
  // A broken install, not a failure of any command: one line, no stack.
  process.stderr.write('mctoken: main.cjs, beside this launcher, is missing or unreadable: reinstall mctoken, or run npm run build.\n');
  process.exit(1);
}
const cachedData = readCodeCache(CACHE, key);
const script = new Script(wrapCommonJs(source), { filename: MAIN, ...(cachedData === undefined ? {} : { cachedData }) });

if (process.env.MCTOKEN_WRITE_CODE_CACHE === '1') {
  // At exit, so the cache also holds the functions the command compiled on the way, not only the top level.
  process.once('exit', () => writeFileSync(CACHE, codeCacheFile(key, script.createCachedData())));
}

// main.cjs requires its neighbours (errors.cjs, services.cjs...) and keytar: this file's require finds them from the same folder.
const mainModule = { exports: {}, filename: MAIN, id: MAIN, loaded: false };
(script.runInThisContext() as (...args: unknown[]) => void)(mainModule.exports, require, mainModule, MAIN, __dirname);
