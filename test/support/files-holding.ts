// The leak scan of the token cache's suites (CLI, router, e2e): which files under HOME (the throwaway one of
// scripts/with-keyring.sh) or a user-data folder hold any of the given tokens. The keychain keeps them encrypted, so a
// token found in the clear is a token written to a file.
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Every regular file under `dir` (symbolic links not followed, unreadable entries skipped). */
function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return filesUnder(path);
    return stat?.isFile() === true ? [path] : [];
  });
}

/** The files under HOME (the throwaway one of scripts/with-keyring.sh) and `userDataDir` that hold any of `tokens`. */
export function filesHoldingTokens(userDataDir: string, tokens: readonly string[]): string[] {
  return [...filesUnder(homedir()), ...filesUnder(userDataDir)].filter((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'latin1');
    } catch {
      return false;
    }
    return tokens.some((token) => text.includes(token));
  });
}
