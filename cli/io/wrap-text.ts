/** Splits text into lines of at most `width` characters at spaces (a longer word keeps its own line), each prefixed with `indent`. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= room) line += ` ${word}`;
      else {
        lines.push(indent + line);
        line = word;
      }
    }
    lines.push(indent + line);
  }
  return lines;
}

/** The width to lay text out for: the terminal's columns (at most 120), or 100 when the stream is not a terminal. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? Math.min(stream.columns, 120) : 100;
}
