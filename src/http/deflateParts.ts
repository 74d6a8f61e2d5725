/**
 * One deflate ("Content-Encoding: deflate", zlib format) response from parts compressed at different times:
 * a cached part compressed once (as MediaWiki keeps its parser cache compressed) between a page head and
 * tail compressed per request. Each part ends on a byte boundary (a sync flush), so the parts concatenate
 * into one valid stream; the Adler-32 checksums combine without reading the cached part again.
 */
import { constants, deflateRawSync } from 'node:zlib';

const BASE = 65521;

export function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  // 5552 is the most bytes that can be summed before the 32-bit sums must be reduced.
  for (let i = 0; i < data.length; ) {
    const end = Math.min(i + 5552, data.length);
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib's adler32_combine: the checksum of A followed by B, from both checksums and B's length. */
export function adler32Combine(adler1: number, adler2: number, length2: number): number {
  const rem = length2 % BASE;
  let sum1 = adler1 & 0xffff;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (adler2 & 0xffff) + BASE - 1;
  sum2 += ((adler1 >>> 16) & 0xffff) + ((adler2 >>> 16) & 0xffff) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE << 1) sum2 -= BASE << 1;
  if (sum2 >= BASE) sum2 -= BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

export interface DeflatedPart {
  /** Raw deflate blocks ending with a sync flush (no final block). */
  data: Buffer;
  adler: number;
  length: number;
}

/** Compresses a middle part once, for caching. */
export function deflatePart(text: string, level = 6): DeflatedPart {
  const bytes = Buffer.from(text, 'utf8');
  return { data: deflateRawSync(bytes, { level, finishFlush: constants.Z_SYNC_FLUSH }), adler: adler32(bytes), length: bytes.length };
}

/**
 * One part from pieces compressed one after another: each piece ends on a sync flush, so their blocks follow each
 * other in one stream, and a long page is never held as one string (a 10,000-comment page is some 19 MB of HTML).
 */
export function joinParts(parts: readonly DeflatedPart[]): DeflatedPart {
  let adler = 1; // the checksum of nothing
  let length = 0;
  for (const p of parts) {
    adler = adler32Combine(adler, p.adler, p.length);
    length += p.length;
  }
  return { data: Buffer.concat(parts.map((p) => p.data)), adler, length };
}

/** Bytes as final "stored" (uncompressed) deflate blocks: a page's short tail is not worth a compressor. */
export function storedFinalBlocks(bytes: Buffer): Buffer {
  const blocks: Buffer[] = [];
  let offset = 0;
  do {
    const length = Math.min(0xffff, bytes.length - offset);
    const last = offset + length >= bytes.length;
    const header = Buffer.alloc(5);
    header[0] = last ? 1 : 0; // BFINAL, BTYPE 00 (stored); the rest of the byte is padding
    header.writeUInt16LE(length, 1);
    header.writeUInt16LE(~length & 0xffff, 3);
    blocks.push(header, bytes.subarray(offset, offset + length));
    offset += length;
  } while (offset < bytes.length);
  return Buffer.concat(blocks);
}

const zlibHeader = Buffer.from([0x78, 0x9c]); // deflate with a 32 KiB window, default compression

/**
 * The whole response body, as parts to write in order: zlib header, head, the cached middle (the cached buffer
 * itself, not a copy), tail (with the final block), checksum.
 */
export function deflateAround(head: string, middle: DeflatedPart, tail: string): Buffer[] {
  const headBytes = Buffer.from(head, 'utf8');
  const tailBytes = Buffer.from(tail, 'utf8');
  const headPart = deflateRawSync(headBytes, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
  const tailPart = tailBytes.length > 4096 ? deflateRawSync(tailBytes, { level: 1 }) : storedFinalBlocks(tailBytes);
  const checksum = adler32Combine(adler32Combine(adler32(headBytes), middle.adler, middle.length), adler32(tailBytes), tailBytes.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(checksum);
  return [zlibHeader, headPart, middle.data, tailPart, trailer];
}

/** Whether the client takes "Content-Encoding: deflate". */
export function acceptsDeflate(header: string | undefined): boolean {
  return /(^|,)\s*deflate\s*(;\s*q=(?!0(\.0+)?\s*(,|$))[0-9.]+)?\s*(,|$)/i.test(header ?? '');
}
