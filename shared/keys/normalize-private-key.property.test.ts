import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testKeyPair } from '../../test/support/test-keys';
import { normalizePrivateKeyPem } from './normalize-private-key';

const keys = testKeyPair();

/** The canonical keys, with the format normalizePrivateKeyPem must report for each. */
const CANONICAL = [
  { pem: keys.pkcs1Pem, format: 'pkcs1' },
  { pem: keys.pkcs8Pem, format: 'pkcs8' },
  { pem: keys.pkcs1EncryptedPem, format: 'pkcs1-encrypted' },
  { pem: keys.pkcs8EncryptedPem, format: 'pkcs8-encrypted' },
] as const;

/** Splits canonical PEM into its lines: BEGIN, any headers and the blank line after them, body lines, END. */
function rewrap(pem: string, width: number): string[] {
  const lines = pem.trimEnd().split('\n');
  const begin = lines[0]!;
  const end = lines[lines.length - 1]!;
  const inner = lines.slice(1, -1);
  const blank = inner.indexOf('');
  const headers = blank === -1 ? [] : inner.slice(0, blank + 1);
  const body = inner.slice(blank + 1).join('');
  return [begin, ...headers, ...(body.match(new RegExp(`.{1,${width}}`, 'g')) ?? []), end];
}

const separator = fc.constantFrom('\n', '\r\n', '\r', '\\n', '\\r\\n', '\\\\n', '\\\\r\\\\n', ' ', '');
const indentation = fc.array(fc.constantFrom(' ', '\t', '\u00a0'), { maxLength: 4 }).map((chars) => chars.join(''));
const trailing = fc.array(fc.constantFrom(' ', '\t'), { maxLength: 3 }).map((chars) => chars.join(''));
const outerSpace = fc.array(fc.constantFrom(' ', '\n', '\r\n', '\t'), { maxLength: 4 }).map((chars) => chars.join(''));

type Wrapper = (text: string, lines: string[]) => string;
const wrappers: Record<string, Wrapper> = {
  none: (text) => text,
  doubleQuotes: (text) => `"${text}"`,
  singleQuotes: (text) => `'${text}'`,
  backticks: (text) => `\`${text}\``,
  jsonString: (text) => JSON.stringify(text),
  jsonObject: (text) => JSON.stringify({ private_key: text }),
  pythonAssignment: (text) => `private_key = "${text}"`,
  pythonBytes: (text) => `b'${text}'`,
  tripleQuoted: (text) => `"""${text}"""`,
  pythonConcatenation: (_text, lines) => `(\n${lines.map((line) => `    "${line}\\n"`).join('\n')}\n)`,
};

describe('normalizePrivateKeyPem (property)', () => {
  it('normalizes any mix of escapes, CRLF, quotes, wrapping and indentation around a valid key to the same canonical PEM', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CANONICAL),
        fc.constantFrom(64, 76, 40, 17, 100_000),
        separator,
        fc.array(indentation, { minLength: 1, maxLength: 8 }),
        trailing,
        fc.constantFrom(...Object.keys(wrappers)),
        outerSpace,
        outerSpace,
        (key, width, sep, indents, tail, wrapperName, before, after) => {
          const lines = rewrap(key.pem, width).map((line, i) => `${indents[i % indents.length]}${line}${tail}`);
          const pasted = `${before}${wrappers[wrapperName]!(lines.join(sep), lines)}${after}`;
          const normalized = normalizePrivateKeyPem(pasted);
          expect(normalized.pem).toBe(key.pem);
          expect(normalized.format).toBe(key.format);
          expect(normalized.encrypted).toBe(key.format.endsWith('-encrypted'));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is idempotent: normalizing canonical output returns it unchanged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CANONICAL), separator, (key, sep) => {
        const once = normalizePrivateKeyPem(key.pem.replace(/\n/g, sep)).pem;
        expect(normalizePrivateKeyPem(once).pem).toBe(once);
      }),
    );
  });
});
