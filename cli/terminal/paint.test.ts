import { describe, expect, it } from 'vitest';
import { createPainter, outputWidth, shouldUseColor, wrapText } from './paint';

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

describe('wrapText', () => {
  it('breaks at spaces within the width, indenting every line', () => {
    expect(wrapText('one two three four five six seven eight nine ten eleven', 30, '    ')).toEqual([
      '    one two three four five',
      '    six seven eight nine ten',
      '    eleven',
    ]);
  });

  it('keeps a word longer than the width on its own line and keeps paragraphs', () => {
    const long = 'x'.repeat(40);
    expect(wrapText(`a ${long} b\nc`, 30)).toEqual(['a', long, 'b', 'c']);
  });
});

describe('outputWidth', () => {
  it('uses the terminal width up to 120, else 100', () => {
    expect(outputWidth({ isTTY: true, columns: 80 })).toBe(80);
    expect(outputWidth({ isTTY: true, columns: 200 })).toBe(120);
    expect(outputWidth({ isTTY: false, columns: 80 })).toBe(100);
    expect(outputWidth({})).toBe(100);
  });
});
