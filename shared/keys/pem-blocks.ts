// Finds PEM blocks in pasted text, however mangled its line breaks are, and writes canonical PEM.
import { bytesToBase64, tryBase64ToBytes } from './base64';
import { stripQuoteCharacters, unescapePastedText } from './pasted-text';
import { findPemMarkers, type PemMarker } from './pem-markers';

/** One RFC 7468 / RFC 1421 encapsulation header (e.g. `Proc-Type: 4,ENCRYPTED`). */
export interface PemHeader {
  name: 'Proc-Type' | 'DEK-Info';
  value: string;
}

/** A PEM block found in pasted text. `body` is its base64 with all whitespace removed (not yet validated). */
export interface PemBlock {
  /** The upper-case label, e.g. `RSA PRIVATE KEY`. */
  label: string;
  headers: PemHeader[];
  body: string;
  /** Set when the block is not closed properly. */
  problem: 'no-end' | 'end-mismatch' | null;
}

const PROC_TYPE = /^\s*Proc-Type:\s*(\d+,(?:ENCRYPTED|MIC-ONLY|MIC-CLEAR))/i;
const DEK_INFO = /^\s*DEK-Info:\s*([A-Za-z0-9-]+),([0-9A-Fa-f]+)/i;

function ivHexLength(cipher: string): number | null {
  if (/^AES-/i.test(cipher)) return 32;
  if (/^(DES|DES-EDE3|DES-EDE|DESX|BF|CAST|RC2|IDEA)(-|$)/i.test(cipher)) return 16;
  return null;
}

function readHeaders(text: string): { headers: PemHeader[]; rest: string } {
  const headers: PemHeader[] = [];
  let rest = text;
  const procType = PROC_TYPE.exec(rest);
  if (procType) {
    headers.push({ name: 'Proc-Type', value: procType[1]!.toUpperCase() });
    rest = rest.slice(procType[0].length);
  }
  const dekInfo = DEK_INFO.exec(rest);
  if (dekInfo) {
    const cipher = dekInfo[1]!.toUpperCase();
    const hex = dekInfo[2]!;
    const ivLength = ivHexLength(cipher) ?? hex.length;
    const iv = hex.slice(0, ivLength);
    headers.push({ name: 'DEK-Info', value: `${cipher},${iv.toUpperCase()}` });
    rest = hex.slice(iv.length) + rest.slice(dekInfo[0].length);
  }
  return { headers, rest };
}

/** The first marker at or after `from`, moving `cursor` forward (callers ask with growing `from`, so the whole walk is linear). */
function firstFrom(markers: readonly PemMarker[], cursor: { at: number }, from: number): PemMarker | undefined {
  while (cursor.at < markers.length && markers[cursor.at]!.start < from) cursor.at++;
  return markers[cursor.at];
}

/**
 * Finds every PEM block in pasted text (escapes, quotes, CRLF, indentation and missing line breaks are tolerated), in
 * linear time. A block ends at its END marker, or unclosed at the next BEGIN (or the end of the text).
 */
export function findPemBlocks(input: string): PemBlock[] {
  const text = unescapePastedText(input);
  const begins = findPemMarkers(text, 'BEGIN');
  const ends = findPemMarkers(text, 'END');
  const beginCursor = { at: 0 };
  const nextBeginCursor = { at: 0 };
  const endCursor = { at: 0 };
  const blocks: PemBlock[] = [];
  for (let begin = firstFrom(begins, beginCursor, 0); begin !== undefined;) {
    if (begin.label === '') {
      begin = firstFrom(begins, beginCursor, begin.end);
      continue;
    }
    const label = begin.label.toUpperCase();
    const end = firstFrom(ends, endCursor, begin.end);
    const nextBegin = firstFrom(begins, nextBeginCursor, begin.end);
    const closed = end !== undefined && (nextBegin === undefined || end.start < nextBegin.start);
    const innerEnd = closed ? end.start : nextBegin === undefined ? text.length : nextBegin.start;
    const { headers, rest } = readHeaders(stripQuoteCharacters(text.slice(begin.end, innerEnd)));
    const problem = !closed ? 'no-end' : end.label.toUpperCase() !== label ? 'end-mismatch' : null;
    blocks.push({ label, headers, body: rest.replace(/\s+/g, ''), problem });
    begin = firstFrom(begins, beginCursor, closed ? end.end : begin.end);
  }
  return blocks;
}

/** Writes canonical PEM: the label lines, any headers then a blank line, and the base64 of `der` in 64-column lines, ending with a newline. */
export function formatPem(label: string, der: Uint8Array, headers: readonly PemHeader[] = []): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  const headerText = headers.length === 0 ? '' : `${headers.map((h) => `${h.name}: ${h.value}`).join('\n')}\n\n`;
  return `-----BEGIN ${label}-----\n${headerText}${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER bytes of the first PEM block of canonical (or any well-formed) PEM text; null when there is none or its base64 is bad. */
export function pemToDer(pem: string): Uint8Array | null {
  const block = findPemBlocks(pem)[0];
  return block === undefined ? null : tryBase64ToBytes(block.body);
}
