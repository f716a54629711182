// Colour and layout of what mctoken prints: whether a stream gets colour, the styles, and text laid out to the width.

/** Whether to colour what goes to a stream: FORCE_COLOR wins (0/false turns it off), then NO_COLOR and TERM=dumb, else only on a TTY. */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** The styles the CLI uses; each returns its text unchanged when colour is off. */
export interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const SGR = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;

/** A painter that emits ANSI SGR sequences when `enabled`, plain text otherwise. */
export function createPainter(enabled: boolean): Painter {
  const style = (codes: readonly [number, number]) => (text: string) =>
    enabled && text !== '' ? `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m` : text;
  return {
    bold: style(SGR.bold),
    dim: style(SGR.dim),
    red: style(SGR.red),
    green: style(SGR.green),
    yellow: style(SGR.yellow),
    cyan: style(SGR.cyan),
  };
}

/** The painter for a stream of this run (see {@link shouldUseColor}). */
export function painterFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Painter {
  return createPainter(shouldUseColor(stream, env));
}

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

/** Lays out rows as left-aligned columns separated by two spaces; the first row is the heading. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return (
    rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  ')).join('\n') +
    '\n'
  );
}
