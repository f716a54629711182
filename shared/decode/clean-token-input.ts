// Strips what users paste around a token: whitespace and line breaks, quotes, a JSON string literal,
// `Bearer `, `Authorization: Bearer `, a `jwt=` form field (URL-decoded), a JSON body or token response, and the head of
// an HTTP request as a server log shows it (`POST /execute HTTP/1.1`, `Content-Type: application/jwt`, a blank line).
// Says what it removed, so the decoder can tell the user. Every step is a linear scan; rounds and head lines are capped.

const MAX_UNWRAP_ROUNDS = 6;
/** More header lines than this is not a request head a log shows: nothing is stripped. */
export const MAX_HEAD_LINES = 100;
const MAX_LISTED_HEADERS = 5;
const PREFIX = /^(?:authorization\s*:\s*|bearer(?:\s+|$)|jwt=)/i;
const JWT_FIELD = /(?:^|&)jwt=([^&]*)/i;
const TOKEN_FIELDS = ['jwt', 'access_token', 'id_token', 'token'] as const;
// RFC 9110 field names and request lines, bounded so each line is matched in one pass.
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]{1,64})[ \t]*:[ \t]*(.*)$/;
const REQUEST_LINE = /^([A-Z]{3,10}) ([^\s?]{1,2048})(?:\?\S{0,8192})? HTTP\/\d(?:\.\d)?$/;

/** The bare token and what was removed around it (phrases such as "the quotes around it"), in the order removed. */
export interface CleanedTokenInput {
  token: string;
  stripped: string[];
}

interface Unwrapped {
  text: string;
  /** What this step removed; absent for whitespace alone. */
  what?: string[];
}

/** Returns the bare token from pasted text and what was stripped; the token is '' when nothing is left. Never throws. */
export function unwrapTokenInput(input: string): CleanedTokenInput {
  let text = input.trim();
  const stripped: string[] = [];
  for (let round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
    const next = unwrapOnce(text);
    if (next.text === text) break;
    text = next.text;
    if (next.what !== undefined) stripped.push(...next.what);
  }
  return { token: removeLineBreaks(text), stripped };
}

/** Returns the bare token from pasted text; returns '' when nothing is left. Never throws. */
export function cleanTokenInput(input: string): string {
  return unwrapTokenInput(input).token;
}

function unwrapOnce(text: string): Unwrapped {
  if (text.length === 0) return { text };
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // 0x22 " 0x27 ' 0x60 ` 0x7b {
  if (first === 0x22 && last === 0x22 && text.length >= 2)
    return { text: fromJsonString(text) ?? text.slice(1, -1).trim(), what: ['the quotes around it'] };
  if ((first === 0x27 || first === 0x60) && last === first && text.length >= 2)
    return { text: text.slice(1, -1).trim(), what: ['the quotes around it'] };
  if (first === 0x7b && last === 0x7d) return fromJsonObject(text) ?? { text };
  const head = requestHead(text);
  if (head !== null) return head;
  const prefix = PREFIX.exec(text);
  if (prefix !== null) {
    const word = prefix[0].toLowerCase();
    if (word === 'jwt=') return formField(text) ?? { text };
    const what = word.startsWith('authorization') ? 'the "Authorization:" header name' : 'the "Bearer" prefix';
    return { text: text.slice(prefix[0].length).trim(), what: [what] };
  }
  if (text.includes('&') && text.includes('=')) return formField(text) ?? { text };
  return { text };
}

/** The header's name, with its value only for Content-Type (other values may be credentials). */
function headerLabel(name: string, value: string): string {
  return name.toLowerCase() === 'content-type' ? `${name}: ${value.slice(0, 64)}` : name;
}

/**
 * The body after a request head: an optional request line, then header lines up to a blank line (or the first line that
 * is not a header). Null when the text does not start like that, the head is longer than MAX_HEAD_LINES, or no body follows.
 */
function requestHead(text: string): Unwrapped | null {
  if (!text.includes('\n')) return null;
  const what: string[] = [];
  const headers: string[] = [];
  let at = 0;
  // A head is sure when it has a request line, a Content-Type or a blank line: else `Authorization: Bearer` and a token
  // wrapped onto the next line would read as a header and a body.
  let sure = false;
  for (let line = 0; ; line++) {
    if (line > MAX_HEAD_LINES) return null;
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const row = text.slice(at, end).replace(/\r$/, '');
    const request = line === 0 ? REQUEST_LINE.exec(row) : null;
    const header = request === null ? HEADER_LINE.exec(row) : null;
    if (request !== null) {
      what.push(`the request line (${request[1]} ${request[2]})`);
      sure = true;
    } else if (header !== null) {
      headers.push(headerLabel(header[1]!, header[2]!.trim()));
      if (header[1]!.toLowerCase() === 'content-type') sure = true;
    } else if (line === 0) return null;
    else {
      // A blank line ends the head; any other line is already the body (a log that dropped the blank line).
      if (row.trim() === '') {
        at = end + 1;
        sure = true;
      }
      break;
    }
    at = end + 1;
  }
  const body = text.slice(at).trim();
  if (!sure || body.length === 0) return null;
  if (headers.length > 0) {
    const more = headers.length > MAX_LISTED_HEADERS ? ` and ${headers.length - MAX_LISTED_HEADERS} more` : '';
    const noun = headers.length === 1 ? 'the header line' : `${headers.length} header lines`;
    what.push(`${noun} (${headers.slice(0, MAX_LISTED_HEADERS).join(', ')}${more})`);
  }
  return { text: body, what };
}

function fromJsonString(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value.trim() : null;
  } catch {
    return null;
  }
}

function fromJsonObject(text: string): Unwrapped | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const record = value as Record<string, unknown>;
    for (const field of TOKEN_FIELDS) {
      const candidate = record[field];
      if (typeof candidate === 'string' && candidate.trim() !== '')
        return { text: candidate.trim(), what: [`the JSON body around its "${field}" field`] };
    }
    return null;
  } catch {
    return null;
  }
}

function formField(text: string): Unwrapped | null {
  const match = JWT_FIELD.exec(text);
  if (match === null) return null;
  const raw = (match[1] ?? '').replaceAll('+', ' ');
  const what = [text.length === match[0].length ? 'the "jwt=" form field name' : 'the form body around its "jwt" field'];
  try {
    return { text: decodeURIComponent(raw).trim(), what };
  } catch {
    return { text: raw.trim(), what };
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
