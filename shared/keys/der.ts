// A small DER (ASN.1) reader and writer: just what key parsing and re-wrapping need.

/** DER tag bytes used by key structures. */
export const DER_TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  CONTEXT_0: 0xa0,
  CONTEXT_1: 0xa1,
} as const;

/** One DER element: its tag, its content bytes and its whole encoding (tag, length and content). */
export interface DerElement {
  tag: number;
  content: Uint8Array;
  raw: Uint8Array;
}

/** Thrown by the DER reader when bytes are not well-formed DER (truncated, bad length, trailing bytes). */
export class DerError extends Error {
  override readonly name = 'DerError';
}

/** Reads the DER element starting at `offset`; returns it and the offset just after it. */
export function readDerAt(bytes: Uint8Array, offset: number): { element: DerElement; end: number } {
  if (offset + 2 > bytes.length) throw new DerError('truncated element header');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not supported');
  let lengthByte = bytes[offset + 1]!;
  let cursor = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported length encoding');
    if (cursor + count > bytes.length) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = bytes[cursor++]!;
      length = length * 256 + lengthByte;
    }
  }
  const end = cursor + length;
  if (end > bytes.length) throw new DerError('truncated content');
  return { element: { tag, content: bytes.subarray(cursor, end), raw: bytes.subarray(offset, end) }, end };
}

/** Reads exactly one DER element filling all of `bytes`, optionally requiring a tag. */
export function readDer(bytes: Uint8Array, expectedTag?: number): DerElement {
  const { element, end } = readDerAt(bytes, 0);
  if (end !== bytes.length) throw new DerError('trailing bytes after element');
  if (expectedTag !== undefined && element.tag !== expectedTag) throw new DerError('unexpected tag');
  return element;
}

/** Reads the elements packed in a constructed element's content (e.g. a SEQUENCE's fields). */
export function readDerChildren(content: Uint8Array): DerElement[] {
  const children: DerElement[] = [];
  let offset = 0;
  while (offset < content.length) {
    const { element, end } = readDerAt(content, offset);
    children.push(element);
    offset = end;
  }
  return children;
}

/** Returns the child at `index` with the expected tag, or throws DerError. */
export function derChild(children: DerElement[], index: number, tag: number): DerElement {
  const child = children[index];
  if (child === undefined || child.tag !== tag) throw new DerError(`expected tag ${tag} at field ${index}`);
  return child;
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Encodes one DER element from its tag and content. */
export function encodeDer(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concatBytes(...content);
  return concatBytes(Uint8Array.of(tag), encodeLength(body.length), body);
}

/** Decodes an OBJECT IDENTIFIER's content bytes to dotted form, e.g. `1.2.840.113549.1.1.1`. */
export function oidToString(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('empty object identifier');
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  if (content[content.length - 1]! & 0x80) throw new DerError('truncated object identifier');
  const first = arcs.shift()!;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

/** Encodes a dotted OBJECT IDENTIFIER as a full DER element. */
export function encodeOid(dotted: string): Uint8Array {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [];
  for (const arc of [a * 40 + b, ...rest]) {
    const group: number[] = [arc % 128];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) group.unshift(0x80 | (v % 128));
    bytes.push(...group);
  }
  return encodeDer(DER_TAG.OID, Uint8Array.from(bytes));
}

/** The bit length of a DER INTEGER's content (a positive integer such as an RSA modulus). */
export function integerBitLength(content: Uint8Array): number {
  let start = 0;
  while (start < content.length - 1 && content[start] === 0) start++;
  const first = content[start] ?? 0;
  return first === 0 ? 0 : (content.length - start - 1) * 8 + (32 - Math.clz32(first));
}
