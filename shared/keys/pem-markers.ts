// The `-----BEGIN LABEL-----` and `-----END LABEL-----` lines of pasted PEM, found in one linear pass. The old pattern
// (/-{3,}\s*BEGIN …\s*-{3,}/g) restarted at every dash of a long run of dashes, which made a pasted run of them quadratic.

/**
 * One marker: its kind, the label as written, and where it starts (first dash) and ends (past the last dash). A BEGIN whose
 * label is unreadable has label '' and ends after `BEGIN `: it opens no block but still ends the one before.
 */
export interface PemMarker {
  kind: 'BEGIN' | 'END';
  label: string;
  start: number;
  end: number;
}

const DASH = 0x2d;

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

function isLabelChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Where the marker's leading dashes start when `keywordAt` is preceded by whitespace and at least three dashes; else -1. */
function leadingDashes(text: string, keywordAt: number): number {
  let index = keywordAt;
  while (index > 0 && isSpace(text[index - 1])) index--;
  let dashes = 0;
  while (index > 0 && text.charCodeAt(index - 1) === DASH) {
    index--;
    dashes++;
  }
  return dashes >= 3 ? index : -1;
}

/** The label (words of letters and digits, single spaces between) and the end of the trailing dashes; null when not a marker. */
function labelAndTrailingDashes(text: string, labelAt: number): { label: string; end: number } | null {
  let index = labelAt;
  let labelEnd = labelAt;
  for (;;) {
    const wordStart = index;
    while (index < text.length && isLabelChar(text.charCodeAt(index))) index++;
    if (index === wordStart) break;
    labelEnd = index;
    if (text[index] !== ' ' || !isLabelChar(text.charCodeAt(index + 1))) break;
    index++;
  }
  if (labelEnd === labelAt) return null;
  index = labelEnd;
  while (isSpace(text[index])) index++;
  const dashesAt = index;
  while (text.charCodeAt(index) === DASH) index++;
  return index - dashesAt >= 3 ? { label: text.slice(labelAt, labelEnd), end: index } : null;
}

/**
 * Every `kind` marker in order of position. Markers may share a run of dashes here; findPemBlocks decides which count.
 * Each character is looked at a bounded number of times: a dash run precedes at most one keyword, a label follows one.
 */
export function findPemMarkers(text: string, kind: 'BEGIN' | 'END'): PemMarker[] {
  const markers: PemMarker[] = [];
  const keyword = `${kind} `;
  for (let at = text.indexOf(keyword); at !== -1; at = text.indexOf(keyword, at + 1)) {
    const start = leadingDashes(text, at);
    if (start === -1) continue;
    const rest = labelAndTrailingDashes(text, at + keyword.length);
    if (rest !== null) markers.push({ kind, label: rest.label, start, end: rest.end });
    else if (kind === 'BEGIN') markers.push({ kind, label: '', start, end: at + keyword.length });
  }
  return markers;
}
