import { describe, expect, it } from 'vitest';
import { durationText } from './duration-text';

describe('durationText', () => {
  it.each([
    [0, '0 s'],
    [300, '0.3 s'],
    [1500, '1.5 s'],
    [9_940, '9.9 s'],
    [15_000, '15 s'],
    [59_400, '59 s'],
    [60_000, '1 min'],
    [125_000, '2 min 5 s'],
    [-125_000, '2 min 5 s'],
    [3_600_000, '1 h'],
    [3_780_000, '1 h 3 min'],
  ])('%d ms reads %j', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});
