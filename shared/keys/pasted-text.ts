// Undoes what copying a key through code, JSON, shells and chat tools does to it.

/** Turns literal escapes (`\n`, `\r\n`, doubled `\\n`, `\/`) into what they stand for, CRLF/CR into LF, and non-breaking spaces into spaces. Safe on PEM text: base64 never contains a backslash. */
export function unescapePastedText(input: string): string {
  return input
    .replace(/\\+r\\+n|\\+n|\\+r/g, '\n')
    .replace(/\\+t/g, ' ')
    .replace(/\\+\//g, '/')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\ufeff]/g, ' ');
}

/** Removes the quote characters code and JSON wrap strings in (they never occur in a PEM body). */
export function stripQuoteCharacters(text: string): string {
  return text.replace(/["'`]/g, '');
}
