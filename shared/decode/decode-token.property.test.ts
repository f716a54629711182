import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkbenchError } from '../errors/workbench-error';
import type { JsonObject } from './decoded-token';
import { decodeToken } from './decode-token';
import { encodeToken } from './encode-token';
import { explainToken } from '../claims/explain-token';
import { bytesToBase64Url } from '../encoding/base64url';

const TOKEN_CODE = /^ERR_TOKEN_[A-Z0-9_]+$/;

function decodeOrTokenError(input: string): void {
  try {
    decodeToken(input);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).code).toMatch(TOKEN_CODE);
    expect((error as WorkbenchError).message.length).toBeGreaterThan(0);
  }
}

const jsonObject = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }) as fc.Arbitrary<JsonObject>;
const normalize = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
// An independent, naive leaf walk: objects and non-empty arrays are descended, everything else is a leaf.
function referenceLeaves(value: unknown, path: string, out: [string, unknown][]): void {
  const children = typeof value === 'object' && value !== null ? Object.keys(value) : [];
  if (children.length === 0) out.push([path, value]);
  else for (const key of children) referenceLeaves((value as Record<string, unknown>)[key], `${path}.${key}`, out);
}
function referenceEntries(object: JsonObject): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(object)) referenceLeaves(object[key], key, out);
  return out;
}
const referenceLeafPaths = (object: JsonObject) => referenceEntries(object).map(([path]) => path);
const referenceLeafValues = (object: JsonObject) => referenceEntries(object).map(([, value]) => value);
const VALID = encodeToken(
  { alg: 'HS256', typ: 'JWT' },
  { sub: 'abc', exp: 1_900_000_000, request: { claimsVersion: 2 } },
  new Uint8Array(32).fill(7),
);

describe('decodeToken properties', () => {
  it('throws nothing but an ERR_TOKEN_* WorkbenchError on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), decodeOrTokenError), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), decodeOrTokenError), { numRuns: 300 });
  });

  it('throws nothing but an ERR_TOKEN_* WorkbenchError on dot-separated base64url-ish strings', () => {
    const segment = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/. '),
      maxLength: 60,
    });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => decodeOrTokenError(parts.join('.'))),
      { numRuns: 2000 },
    );
  });

  it('decodes a bare token as the full path does (the same input with whitespace after it takes the full path)', () => {
    const outcome = (input: string): unknown => {
      try {
        return decodeToken(input);
      } catch (error) {
        return { code: (error as WorkbenchError).code, message: (error as WorkbenchError).message };
      }
    };
    const segment = fc.oneof(
      fc.constantFrom('eyJhbGciOiJIUzI1NiJ9', 'e30', 'eyJhIjoxLCJhIjoyfQ', 'W10', 'bnVsbA', '77u_e30', '_w', ''),
      fc.string({
        unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ \f\u0000é'),
        maxLength: 24,
      }),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => {
        const input = parts.join('.');
        expect(outcome(input), input).toEqual(outcome(`${input} \n`));
      }),
      { numRuns: 3000 },
    );
    expect(outcome(VALID)).toEqual(outcome(`${VALID}\n`));
  });

  it('throws nothing but an ERR_TOKEN_* WorkbenchError on mutated valid tokens', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 1 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 4 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let token = VALID;
        for (const m of mutations) {
          const at = m.at % (token.length + 1);
          if (m.kind === 'replace') token = token.slice(0, at) + m.char + token.slice(at + 1);
          else if (m.kind === 'delete') token = token.slice(0, at) + token.slice(at + m.count);
          else if (m.kind === 'insert') token = token.slice(0, at) + m.text + token.slice(at);
          else token = token.slice(0, at);
        }
        decodeOrTokenError(token);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips header, payload and signature through encodeToken for arbitrary JSON objects', () => {
    fc.assert(
      fc.property(jsonObject, jsonObject, fc.uint8Array({ maxLength: 300 }), (header, payload, signature) => {
        const decoded = decodeToken(encodeToken(header, payload, signature));
        expect(decoded.header).toEqual(normalize(header));
        expect(decoded.payload).toEqual(normalize(payload));
        expect(decoded.signature).toEqual(signature);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back exactly the payload bytes: as claims, as UTF-8 text, or as hex', () => {
    const header = bytesToBase64Url(new TextEncoder().encode('{"alg":"HS256"}'));
    const texts = fc.oneof(
      fc.string({ minLength: 1, maxLength: 100 }),
      fc.string({ maxLength: 20 }).map((text) => `\ufeff${text}`),
    );
    const payloads = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 200 }),
      texts.map((text) => new TextEncoder().encode(text)),
    );
    fc.assert(
      fc.property(payloads, (bytes) => {
        const decoded = decodeToken(`${header}.${bytesToBase64Url(bytes)}.`);
        const text = decoded.payloadText;
        if (text === null) expect(decoded.payload).toEqual(JSON.parse(new TextDecoder().decode(bytes)));
        else if (text.encoding === 'utf8') expect(new TextEncoder().encode(text.text)).toEqual(bytes);
        else expect(text.text).toBe(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
        expect(decoded.kind === 'jws').toBe(text !== null);
      }),
      { numRuns: 1000 },
    );
  });

  it('throws nothing but an ERR_TOKEN_* WorkbenchError on arbitrary JSON shaped like a JWS JSON serialization', () => {
    const member = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('eyJhbGciOiJIUzI1NiJ9', 'e30', '', 'c2ln'));
    const signature = fc.record({ protected: member, header: member, signature: member }, { requiredKeys: [] });
    const shapes = fc.oneof(
      fc.record(
        { payload: member, signatures: fc.oneof(member, fc.array(fc.oneof(signature, member), { maxLength: 20 })) },
        { requiredKeys: [] },
      ),
      fc.record({ payload: member, protected: member, header: member, signature: member }, { requiredKeys: ['signature'] }),
    );
    fc.assert(
      fc.property(shapes, (json) => decodeOrTokenError(JSON.stringify(json))),
      { numRuns: 1000 },
    );
  });

  it('explains any decodable token without throwing: exactly one row per leaf, in document order', () => {
    fc.assert(
      fc.property(jsonObject, jsonObject, (header, payload) => {
        const explanation = explainToken(decodeToken(encodeToken(header, payload)), { now: 1_700_000_000_000 });
        const normalized = normalize(payload) as JsonObject;
        expect(explanation.claims.map((c) => c.path)).toEqual(referenceLeafPaths(normalized));
        expect(explanation.claims.map((c) => c.value)).toEqual(referenceLeafValues(normalized));
        expect(explanation.header.map((c) => c.path)).toEqual(referenceLeafPaths(normalize(header) as JsonObject));
      }),
      { numRuns: 300 },
    );
  });
});
