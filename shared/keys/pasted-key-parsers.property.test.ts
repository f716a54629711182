// Every parser a pasted key goes through runs in linear time: long runs of each character that regexes like to backtrack on
// (backslashes, dashes, whitespace, quotes, marker fragments) finish fast. Quadratic versions took seconds at 16 KB.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../limits/request-limits';
import { pemKeyMaterial } from '../verify/pem-key-material';
import { normalizePrivateKeyPem } from './normalize-private-key';
import { stripQuoteCharacters, unescapePastedText } from './pasted-text';
import { findPemBlocks } from './pem-blocks';

/** The most a pasted key may hold (the router, the key field and the CLI refuse more). */
const PASTED_KEY_LIMIT = REQUEST_LIMITS.pem;

/** Units whose long runs make backtracking regexes quadratic. */
const UNITS = [
  '\\',
  '\\\\r',
  '\\r',
  '-',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '"',
  "'",
  '`',
  '\u00a0',
  'A',
  '=',
  ',',
  ':',
  '/',
  '+',
  '-----BEGIN ',
  'BEGIN ',
  'BEGIN A ',
  '-----END ',
  '-----BEGIN A-----',
  '-----END A-----',
  'ssh-rsa ',
  'ecdsa-sha2-',
  'Proc-Type: ',
  'DEK-Info: AES-',
];

const parsers: Record<string, (text: string) => unknown> = {
  unescapePastedText,
  stripQuoteCharacters,
  findPemBlocks,
  normalizePrivateKeyPem,
  pemKeyMaterial,
};

/** Runs the parser; what it throws (a coded error) is fine, only the time counts. */
function elapsedMs(parse: (text: string) => unknown, text: string): number {
  const started = performance.now();
  try {
    parse(text);
  } catch {
    // bad input is rejected with a coded error: not what this test is about
  }
  return performance.now() - started;
}

describe('pasted-key parsers run in linear time (property)', () => {
  it.each(Object.keys(parsers))(
    '%s handles a paste-limit run of any special unit, with anything around it, in well under a second',
    (name) => {
      const parse = parsers[name]!;
      fc.assert(
        fc.property(fc.constantFrom(...UNITS), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (unit, before, after) => {
          const run = unit.repeat(Math.floor((PASTED_KEY_LIMIT - before.length - after.length) / unit.length));
          expect(elapsedMs(parse, `${before}${run}${after}`)).toBeLessThan(250);
        }),
        { numRuns: 40 },
      );
    },
  );
});
