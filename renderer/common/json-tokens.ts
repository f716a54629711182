/** The kinds of token the JSON view colours. */
export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'plain';

/** One coloured run of pretty-printed JSON text. */
export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const TOKEN_PATTERN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** Splits pretty-printed JSON into coloured runs (keys, strings, numbers, literals); joined, the runs give back the text. */
export function jsonTokens(text: string): JsonToken[] {
  const out: JsonToken[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const index = match.index;
    if (index > last) out.push({ kind: 'plain', text: text.slice(last, index) });
    if (match[1] !== undefined) {
      out.push({ kind: match[2] === undefined ? 'string' : 'key', text: match[1] });
      if (match[2] !== undefined) out.push({ kind: 'plain', text: match[2] });
    } else {
      out.push({ kind: match[3] === undefined ? 'number' : 'literal', text: match[0] });
    }
    last = index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'plain', text: text.slice(last) });
  return out;
}
