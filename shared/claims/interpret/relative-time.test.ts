import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative, formatSeconds } from './relative-time';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [45 * S, '45 s'],
    [59 * S + 999, '59 s'],
    [MIN, '1 min'],
    [4 * MIN + 59 * S, '4 min'],
    [59 * MIN, '59 min'],
    [H, '1 h'],
    [2 * H + 30 * MIN, '2 h'],
    [47 * H, '47 h'],
    [48 * H, '2 d'],
    [700 * D, '700 d'],
    [730 * D, '2 y'],
    [-2 * H, '2 h'],
  ])('%i ms is "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatRelative', () => {
  const EXP = { past: 'expired', future: 'expires in' };
  const now = Date.UTC(2025, 0, 15, 12);

  it('phrases future and past moments', () => {
    expect(formatRelative(now + 4 * MIN + 10 * S, now, EXP)).toBe('expires in 4 min');
    expect(formatRelative(now - 2 * H - 5 * MIN, now, EXP)).toBe('expired 2 h ago');
    expect(formatRelative(now - 3 * MIN, now, { past: 'issued', future: 'issued in' })).toBe('issued 3 min ago');
  });

  it('counts the present moment as past (a token expires at exp)', () => {
    expect(formatRelative(now, now, EXP)).toBe('expired 0 s ago');
  });
});

describe('formatSeconds', () => {
  it('shows the seconds and, from a minute up, the rounded span', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(1200)).toBe('1200 s (20 min)');
    expect(formatSeconds(3600)).toBe('3600 s (1 h)');
  });
});
