import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, base64urlDecode, base64urlEncode, canonicalize, utf8Decode, utf8Encode } from './canonical.ts';

describe('canonicalize', () => {
  it('sorts keys at every level, drops undefined, keeps array order, no spaces', () => {
    expect(canonicalize({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined }, é: 'Hồ sơ' })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1,"é":"Hồ sơ"}');
  });
  it('does not depend on the order keys were written in', () => {
    expect(canonicalize({ x: 1, y: [{ b: 2, a: 1 }] })).toBe(canonicalize({ y: [{ a: 1, b: 2 }], x: 1 }));
  });
});

describe('encodings', () => {
  const samples = [new Uint8Array(), Uint8Array.of(0), Uint8Array.of(255, 254), Uint8Array.from({ length: 65 }, (_, i) => (i * 37) & 255)];
  it('round-trip base64url and base32', () => {
    for (const s of samples) {
      expect(base64urlDecode(base64urlEncode(s))).toEqual(s);
      expect(base32Decode(base32Encode(s))).toEqual(s);
    }
  });
  it('match the RFC 4648 vectors', () => {
    expect(base64urlEncode(utf8Encode('foobar'))).toBe('Zm9vYmFy');
    expect(base64urlEncode(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(base32Encode(utf8Encode('foobar'))).toBe('MZXW6YTBOI');
  });
  it('refuse foreign characters and non-canonical tails', () => {
    expect(() => base64urlDecode('Zm9v+')).toThrow();
    expect(() => base64urlDecode('Zm8')).not.toThrow();
    expect(() => base64urlDecode('Zm9')).toThrow(); // 'fo' with a stray bit: a second text for the same bytes
    expect(() => base64urlDecode('Zm9w')).not.toThrow();
    expect(() => base64urlDecode('-_9')).toThrow(); // last char carries a stray bit
    expect(() => base32Decode('mzxw')).toThrow();
  });
  it('decodes UTF-8 strictly', () => {
    expect(utf8Decode(utf8Encode('Phường'))).toBe('Phường');
    expect(() => utf8Decode(Uint8Array.of(0xc3))).toThrow();
  });
});
