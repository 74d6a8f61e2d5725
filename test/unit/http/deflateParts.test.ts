// One deflate stream from parts compressed at different times: valid zlib, right checksum, any sizes.
import { inflateRawSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsDeflate, adler32, adler32Combine, deflateAround, deflatePart, joinParts, storedFinalBlocks } from '../../../src/http/deflateParts.js';

describe('deflateAround', () => {
  it('when any head, middle and tail are joined, then zlib inflates exactly their concatenation (checksum included)', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), fc.fullUnicodeString({ maxLength: 5000 }), fc.fullUnicodeString(), (head, middle, tail) => {
        expect(inflateSync(Buffer.concat(deflateAround(head, deflatePart(middle), tail))).toString('utf8')).toBe(head + middle + tail);
      }),
      { numRuns: 200 },
    );
  });

  it('when the middle part is large, then the result is still one valid stream', () => {
    const middle = '<article class="comment">Reply 1 in topic 1. ✓</article>\n'.repeat(20_000);
    expect(inflateSync(Buffer.concat(deflateAround('<html>', deflatePart(middle), '</html>'))).toString('utf8')).toBe(`<html>${middle}</html>`);
  });
});

describe('joinParts', () => {
  it('when any pieces are compressed apart and joined, then the stream inflates to their concatenation (checksum included)', () => {
    fc.assert(
      fc.property(fc.array(fc.fullUnicodeString({ maxLength: 2000 }), { maxLength: 6 }), fc.fullUnicodeString(), (pieces, tail) => {
        const joined = joinParts(pieces.map((p) => deflatePart(p)));
        expect(inflateSync(Buffer.concat(deflateAround('<main>', joined, tail))).toString('utf8')).toBe(`<main>${pieces.join('')}${tail}`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('storedFinalBlocks', () => {
  it.each([0, 1, 300, 65_535, 65_536, 200_000])('when %i bytes are stored, then raw inflate gives them back', (n) => {
    const bytes = Buffer.from(Array.from({ length: n }, (_, i) => i % 251));
    expect(inflateRawSync(storedFinalBlocks(bytes)).equals(bytes)).toBe(true);
  });

  it('when the tail is long, then it is compressed instead, and the whole stream still inflates', () => {
    const tail = '<footer>' + 'x'.repeat(10_000) + '</footer>';
    const parts = deflateAround('<html>', deflatePart('<main>'), tail);
    expect(parts[3]!.length).toBeLessThan(1000);
    expect(inflateSync(Buffer.concat(parts)).toString('utf8')).toBe(`<html><main>${tail}`);
  });
});

describe('adler32', () => {
  it('when two buffers are checksummed apart and combined, then it equals the checksum of both together', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), fc.uint8Array({ maxLength: 20_000 }), (a, b) => {
        const A = Buffer.from(a);
        const B = Buffer.from(b);
        expect(adler32Combine(adler32(A), adler32(B), B.length)).toBe(adler32(Buffer.concat([A, B])));
      }),
      { numRuns: 200 },
    );
  });

  it('when the text is "Wikipedia", then the checksum is the known 0x11E60398', () => {
    expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
  });
});

describe('acceptsDeflate', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['deflate', true],
    ['deflate;q=0.5', true],
    ['gzip', false],
    ['deflate;q=0', false],
    ['', false],
    [undefined, false],
  ] as const)('when Accept-Encoding is %s, then %s', (header, expected) => {
    expect(acceptsDeflate(header)).toBe(expected);
  });
});
