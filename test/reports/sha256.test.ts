/**
 * The pure SHA-256 behind the page's CSP hashes: the FIPS 180-4 example vectors, then node:crypto on
 * random strings (seeded, so a failure names its seed) of lengths across the 55/56/64-byte padding edges.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64, sha256, sha256Base64 } from '../../reports/sha256.js';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sha256', () => {
  it('gives the published digests', () => {
    expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex(sha256(utf8('a'.repeat(1_000_000))))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('encodes base64 with padding', () => {
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => base64(utf8(s)))).toEqual([
      '',
      'Zg==',
      'Zm8=',
      'Zm9v',
      'Zm9vYg==',
      'Zm9vYmE=',
      'Zm9vYmFy',
    ]);
  });

  it('agrees with node:crypto on random strings, multi-byte characters included', () => {
    const alphabet = 'ab</script>"\'\\\n\u00e9\u03c3\u2014\u4e2d\u{1f600}';
    const chars = [...alphabet];
    for (let seed = 1; seed <= 300; seed++) {
      // a small LCG so every case can be replayed from its seed
      let state = seed;
      const next = () => {
        state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
        return state / 2 ** 32;
      };
      const length = seed <= 130 ? seed - 1 : Math.floor(next() * 5000);
      const text = Array.from({ length }, () => chars[Math.floor(next() * chars.length)]).join('');
      const expected = createHash('sha256').update(text, 'utf8').digest('base64');
      expect(sha256Base64(text), `seed ${seed}`).toBe(expected);
    }
  });
});
