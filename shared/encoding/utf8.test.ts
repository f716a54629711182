import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../errors/workbench-error';
import { tryUtf8Decode, tryUtf8FromBinary, utf8Decode, utf8Encode } from './utf8';

describe('utf8', () => {
  it('encodes and decodes multi-byte text', () => {
    const bytes = utf8Encode('café ✓ 𝄞');
    expect(bytes.length).toBe(14);
    expect(utf8Decode(bytes)).toBe('café ✓ 𝄞');
  });

  it('rejects invalid UTF-8 (fatal decoding)', () => {
    expect(tryUtf8Decode(new Uint8Array([0xc3, 0x28]))).toBeNull();
    expect(tryUtf8Decode(new Uint8Array([0xff]))).toBeNull();
    let caught: unknown;
    try {
      utf8Decode(new Uint8Array([0xed, 0xa0, 0x80]));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WorkbenchError);
    expect((caught as WorkbenchError).code).toBe('ERR_TOKEN_JSON');
    expect((caught as WorkbenchError).message).toBe('The bytes are not valid UTF-8 text. Check that the token was copied whole.');
  });

  it('decodes binary strings: ASCII as is, UTF-8 sequences strictly', () => {
    expect(tryUtf8FromBinary('{"a":1}')).toBe('{"a":1}');
    expect(tryUtf8FromBinary('caf\u00c3\u00a9')).toBe('café');
    expect(tryUtf8FromBinary('caf\u00e9')).toBeNull();
  });
});
