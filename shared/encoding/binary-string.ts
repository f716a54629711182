// "Binary strings" (one char per byte, 0-255), as atob returns them, and their conversion to bytes.

const NON_ASCII = /[\u0080-\uffff]/;
/**
 * The same test the other way round, about twice as fast on ASCII text (a payload's usual case): one greedy run.
 * When it meets a non-ASCII char it steps back over the run, still linear but slower, so long texts keep NON_ASCII.
 */
const ALL_ASCII = /^[\0-\x7f]*$/;
const ALL_ASCII_MAX_CHARS = 64 * 1024;

/** Copies a binary string (each char code 0-255) into bytes. */
export function binaryToBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** True when every char code is below 128 (then the binary string is already its own UTF-8 decoding). */
export function isAscii(text: string): boolean {
  return text.length <= ALL_ASCII_MAX_CHARS ? ALL_ASCII.test(text) : !NON_ASCII.test(text);
}
