// UTF-8 text <-> bytes with the platform TextEncoder/TextDecoder; decoding is strict (fatal on bad bytes).
import { WorkbenchError } from '../errors/workbench-error';
import { binaryToBytes, isAscii } from './binary-string';

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Encodes text as UTF-8 bytes. */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8 bytes to text, or returns null when the bytes are not valid UTF-8. A leading BOM is dropped. */
export function tryUtf8Decode(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes UTF-8 bytes to text; throws ERR_TOKEN_JSON when the bytes are not valid UTF-8. */
export function utf8Decode(bytes: Uint8Array): string {
  const text = tryUtf8Decode(bytes);
  if (text === null)
    throw new WorkbenchError('ERR_TOKEN_JSON', 'The bytes are not valid UTF-8 text. Check that the token was copied whole.');
  return text;
}

/** Decodes a binary string (one char per byte) as strict UTF-8, or null when it is not valid UTF-8; ASCII needs no copy. */
export function tryUtf8FromBinary(binary: string): string | null {
  return isAscii(binary) ? binary : tryUtf8Decode(binaryToBytes(binary));
}

/** Text from what tryBase64UrlDecode returns (bytes or a binary string), as strict UTF-8, or null when it is not valid UTF-8. */
export function tryUtf8FromDecoded(decoded: Uint8Array | string): string | null {
  return typeof decoded === 'string' ? tryUtf8FromBinary(decoded) : tryUtf8Decode(decoded);
}
