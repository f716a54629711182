// Undoes what copying a key through code, JSON, shells and chat tools does to it. Linear scanners, no backtracking regexes:
// a pasted key is hostile input, and a run of backslashes once made the old patterns quadratic.

const BACKSLASH = 0x5c;

/** What one escape letter stands for once its backslashes are dropped (`\r\n` as a pair is one line break). */
const ESCAPED: Readonly<Record<string, string>> = { n: '\n', r: '\n', t: ' ', '/': '/' };

/** The index just past a run of backslashes starting at `from`. */
function skipBackslashes(text: string, from: number): number {
  let index = from;
  while (index < text.length && text.charCodeAt(index) === BACKSLASH) index++;
  return index;
}

/** Turns literal escapes (`\n`, `\r\n`, doubled `\\n`, `\/`, `\t`) into what they stand for; other backslashes stay as they are. */
function unescapeLiterals(input: string): string {
  if (!input.includes('\\')) return input;
  let out = '';
  let index = 0;
  while (index < input.length) {
    const slash = input.indexOf('\\', index);
    if (slash === -1) break;
    out += input.slice(index, slash);
    const afterRun = skipBackslashes(input, slash);
    const letter = input[afterRun];
    const replacement = letter === undefined ? undefined : ESCAPED[letter];
    if (replacement === undefined) {
      out += input.slice(slash, afterRun);
      index = afterRun;
      continue;
    }
    out += replacement;
    index = afterRun + 1;
    if (letter === 'r' && input.charCodeAt(index) === BACKSLASH) {
      const pairEnd = skipBackslashes(input, index);
      if (input[pairEnd] === 'n') index = pairEnd + 1;
    }
  }
  return out + input.slice(index);
}

/** Turns literal escapes (`\n`, `\r\n`, doubled `\\n`, `\/`) into what they stand for, CRLF/CR into LF, and non-breaking spaces into spaces. Safe on PEM text: base64 never contains a backslash. */
export function unescapePastedText(input: string): string {
  return unescapeLiterals(input)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\ufeff]/g, ' ');
}

/** Removes the quote characters code and JSON wrap strings in (they never occur in a PEM body). */
export function stripQuoteCharacters(text: string): string {
  return text.replace(/["'`]/g, '');
}
