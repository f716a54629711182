// Strips what users paste around a token: whitespace and line breaks, quotes, a JSON string literal,
// `Bearer `, `Authorization: Bearer `, a `jwt=` form field (URL-decoded) or a JSON token response.

const MAX_UNWRAP_ROUNDS = 6;
const PREFIX = /^(?:authorization\s*:\s*|bearer(?:\s+|$)|jwt=)/i;
const JWT_FIELD = /(?:^|&)jwt=([^&]*)/i;
const TOKEN_FIELDS = ['jwt', 'access_token', 'id_token', 'token'] as const;

/** Returns the bare token from pasted text; returns '' when nothing is left. Never throws. */
export function cleanTokenInput(input: string): string {
  let text = input.trim();
  for (let round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
    const next = unwrapOnce(text);
    if (next === text) break;
    text = next;
  }
  return removeLineBreaks(text);
}

function unwrapOnce(text: string): string {
  if (text.length === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // 0x22 " 0x27 ' 0x60 ` 0x7b {
  if (first === 0x22 && last === 0x22 && text.length >= 2) return fromJsonString(text) ?? text.slice(1, -1).trim();
  if ((first === 0x27 || first === 0x60) && last === first && text.length >= 2) return text.slice(1, -1).trim();
  if (first === 0x7b && last === 0x7d) return fromJsonObject(text) ?? text;
  const prefix = PREFIX.exec(text);
  if (prefix !== null) {
    if (prefix[0].toLowerCase() === 'jwt=') return formField(text) ?? text;
    return text.slice(prefix[0].length).trim();
  }
  if (text.includes('&') && text.includes('=')) return formField(text) ?? text;
  return text;
}

function fromJsonString(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value.trim() : null;
  } catch {
    return null;
  }
}

function fromJsonObject(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const record = value as Record<string, unknown>;
    for (const field of TOKEN_FIELDS) {
      const candidate = record[field];
      if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
    }
    return null;
  } catch {
    return null;
  }
}

function formField(text: string): string | null {
  const match = JWT_FIELD.exec(text);
  if (match === null) return null;
  const raw = (match[1] ?? '').replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** True for a space or a tab: what lines are padded with around a line break. */
function isPadding(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Joins the lines, dropping spaces and tabs around each line break, in one pass (a backtracking pattern here was quadratic on long padding). */
function removeLineBreaks(text: string): string {
  if (!text.includes('\n') && !text.includes('\r')) return text;
  const lines = text.split(/[\r\n]+/);
  return lines
    .map((line, index) => {
      let start = 0;
      let end = line.length;
      if (index > 0) while (start < end && isPadding(line.charCodeAt(start))) start++;
      if (index < lines.length - 1) while (end > start && isPadding(line.charCodeAt(end - 1))) end--;
      return line.slice(start, end);
    })
    .join('');
}
