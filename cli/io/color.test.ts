import { describe, expect, it } from 'vitest';
import { createPainter, shouldUseColor } from './color';

describe('shouldUseColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };

  it('colours a terminal and not a pipe by default', () => {
    expect(shouldUseColor(tty, {})).toBe(true);
    expect(shouldUseColor(pipe, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });

  it('honours NO_COLOR (any non-empty value) and TERM=dumb', () => {
    expect(shouldUseColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor(tty, { NO_COLOR: '' })).toBe(true);
    expect(shouldUseColor(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('lets FORCE_COLOR win either way (0 or false turns colour off)', () => {
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldUseColor(tty, { FORCE_COLOR: 'false' })).toBe(false);
  });
});

describe('createPainter', () => {
  it('wraps text in SGR codes only when enabled, and leaves empty text alone', () => {
    expect(createPainter(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createPainter(true).bold('')).toBe('');
    expect(createPainter(false).red('x')).toBe('x');
  });
});
