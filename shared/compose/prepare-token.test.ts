import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors/workbench-error';
import { COMPOSE_MESSAGES } from './compose-errors';
import { parseComposeJson } from './compose-json';
import { parseDuration } from './parse-duration';
import { prepareToken } from './prepare-token';

const NOW = 1_800_000_000;
const input = (overrides: Partial<Parameters<typeof prepareToken>[0]> = {}) => ({
  header: '{"typ":"JWT"}',
  payload: '{"sub":"a"}',
  alg: 'HS256',
  ...overrides,
});

function thrown(run: () => unknown): WorkbenchError {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('prepareToken', () => {
  it('puts the chosen alg in the header and leaves the payload as written without a lifetime', () => {
    expect(prepareToken(input(), NOW)).toEqual({
      alg: 'HS256',
      header: { typ: 'JWT', alg: 'HS256' },
      payload: { sub: 'a' },
      duplicates: { header: [], payload: [] },
    });
  });

  it('sets iat to now and exp to now + lifetime', () => {
    expect(prepareToken(input({ expiresIn: '1h30m' }), NOW).payload).toEqual({ sub: 'a', iat: NOW, exp: NOW + 5400 });
    expect(prepareToken(input({ expiresIn: '' }), NOW).payload).toEqual({ sub: 'a' });
  });

  it.each(['none', 'None', 'NONE', ' none '])('never signs alg %j, chosen or written in the header', (alg) => {
    const chosen = thrown(() => prepareToken(input({ alg }), NOW));
    expect([chosen.code, chosen.message]).toEqual(['ERR_COMPOSE_ALG_NONE', COMPOSE_MESSAGES.algNone]);
    const written = thrown(() => prepareToken(input({ header: JSON.stringify({ alg }) }), NOW));
    expect(written.code).toBe('ERR_COMPOSE_ALG_NONE');
  });

  it('refuses a header alg that differs from the chosen one, and unknown algorithms', () => {
    const mismatch = thrown(() => prepareToken(input({ header: '{"alg":"RS256"}' }), NOW));
    expect([mismatch.code, mismatch.message]).toEqual([
      'ERR_COMPOSE_ALG_MISMATCH',
      'The header says "alg": "RS256" but the token is signed HS256: change one so they agree.',
    ]);
    expect(thrown(() => prepareToken(input({ alg: 'HS1' }), NOW)).code).toBe('ERR_COMPOSE_ALG_UNSUPPORTED');
    expect(thrown(() => prepareToken(input({ header: '{"crit":["exp"]}' }), NOW)).message).toBe(
      'The header has "crit", which Compose does not write: remove it.',
    );
  });

  it('lists names given twice', () => {
    expect(prepareToken(input({ payload: '{"sub":"a","sub":"b"}' }), NOW)).toMatchObject({
      payload: { sub: 'b' },
      duplicates: { header: [], payload: ['sub'] },
    });
  });
});

describe('parseComposeJson', () => {
  it('says where invalid JSON stopped', () => {
    const error = thrown(() => parseComposeJson('{\n  "a": 1,\n  "b" 2\n}', 'payload'));
    expect(error.code).toBe('ERR_COMPOSE_JSON');
    expect(error.message).toMatch(/^The payload is not valid JSON \(line 3, column \d+\): check quotes, commas and brackets\.$/);
  });

  it('refuses an array, a scalar, an empty text, too much and too deep', () => {
    expect(thrown(() => parseComposeJson('[1]', 'payload')).message).toBe('The payload must be a JSON object ({ … }), not an array.');
    expect(thrown(() => parseComposeJson('7', 'header')).message).toBe('The header must be a JSON object ({ … }), not a single value.');
    expect(thrown(() => parseComposeJson('  ', 'header')).message).toBe('The header is empty: write a JSON object, e.g. {}.');
    expect(thrown(() => parseComposeJson(`{"a":"${'x'.repeat(8 * 1024)}"}`, 'header')).code).toBe('ERR_COMPOSE_TOO_LARGE');
    expect(thrown(() => parseComposeJson(`{"a":${'['.repeat(70)}${']'.repeat(70)}}`, 'payload')).code).toBe('ERR_COMPOSE_TOO_DEEP');
  });
});

describe('parseDuration', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['2d', 172_800],
    [' 1H 5M ', 3900],
  ])('%j is %d seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', '1w', 'h', '-5m', '1.5h', '0s', '400d'])('refuses %j', (text) => {
    expect(thrown(() => parseDuration(text)).code).toBe('ERR_COMPOSE_DURATION');
  });
});
