import { describe, expect, it } from 'vitest';
import { outputWidth, wrapText } from './wrap-text';

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
