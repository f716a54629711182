// cleanTokenInput runs in linear time on a megabyte of pasted text: long runs of whitespace, quotes, separators or
// prefix fragments, request lines and header lines (which backtracking patterns restart on at every position) finish fast.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTokenInput } from './clean-token-input';

/** The largest paste the decoder is meant to take. */
const ONE_MEGABYTE = 1024 * 1024;

const UNITS = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  ' \n',
  '\t\r\n ',
  '"',
  "'",
  '`',
  '{',
  '}',
  '&',
  '=',
  'jwt=',
  '&jwt=',
  'Bearer ',
  'authorization:',
  ':',
  '\\',
  'a',
  '.',
  '%',
  'Content-Type: application/jwt\r\n',
  'POST /execute HTTP/1.1\n',
  'POST /',
  'X-A: 1\n',
  'a:',
  ' HTTP/1.1',
  '?',
];

/** What surrounds the run: anything, or text that sends the cleaner down each of its paths (line breaks, quotes, prefixes, fields). */
const around = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    'a',
    'a\nb',
    '\nx',
    'x\n',
    '"',
    '{"jwt":"',
    '"}',
    'Bearer a',
    'jwt=a&',
    '&x=1',
    "'",
    'POST /execute HTTP/1.1\nContent-Type: application/jwt\n\n',
    'Content-Type: application/jwt\n',
    'POST /',
  ),
);

function elapsedMs(text: string): number {
  const started = performance.now();
  cleanTokenInput(text);
  return performance.now() - started;
}

/** Surroundings every unit is tried with first: a line break elsewhere, quotes, a JSON object, a form field. */
const EXAMPLES: Array<[string, string]> = [
  ['a\nb', 'c'],
  ['a', '\nb'],
  ['"a\n', 'b"'],
  ['{"jwt":"a\n', 'b"}'],
  ['jwt=a\n', '&x=1'],
  ['Bearer a\n', 'b'],
  ['POST /execute HTTP/1.1\nContent-Type: application/jwt\n\n', 'a'],
  ['POST /', ' HTTP/1.1\n\na'],
  ['Content-Type: application/jwt\nX: ', '\n\na'],
];

describe('cleanTokenInput runs in linear time (property)', () => {
  it.each(UNITS)('cleans a megabyte run of %j, with anything around it, well within a second', (unit) => {
    const run = unit.repeat(Math.floor(ONE_MEGABYTE / unit.length));
    fc.assert(
      fc.property(around, around, (before, after) => {
        expect(elapsedMs(`${before}${run}${after}`)).toBeLessThan(1000);
      }),
      { numRuns: 12, examples: EXAMPLES },
    );
  });

  it('still strips whitespace around line breaks inside the token', () => {
    expect(cleanTokenInput('  eyJh.\t \r\n  eyJi  \n\n . sig  ')).toBe('eyJh.eyJi. sig');
  });
});
