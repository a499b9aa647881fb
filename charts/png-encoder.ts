import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflate = promisify(zlib.deflate);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BIT_DEPTH = 8;
const COLOR_TYPE_RGBA = 6;
const FILTER_NONE = 0;
// Level 3 without row filters compressed our charts smaller than the canvas's
// own PNG encoder, in a sixth of its time (5 ms against 33 ms at 1600 x 900).
const DEFLATE_LEVEL = 3;

/**
 * Encodes RGBA pixels, rows top to bottom with no padding, as a PNG.
 *
 * The canvas's encoder takes most of a render's time, so we write the file
 * ourselves. The canvas stores premultiplied alpha, which equals straight
 * alpha only for opaque pixels: every chart paints an opaque background first.
 *
 * Compression runs on libuv's thread pool. Besides freeing the event loop,
 * that turn of the loop lets Node run the finalizers of the canvas's pixel
 * buffers; renders chained without one kept 5.8 MB each until the loop turned.
 */
export async function encodePng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  const stride = width * 4;
  const scanlines = Buffer.allocUnsafe((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    scanlines[start] = FILTER_NONE;
    scanlines.set(rgba.subarray(y * stride, (y + 1) * stride), start + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = BIT_DEPTH;
  header[9] = COLOR_TYPE_RGBA;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', await deflate(scanlines, { level: DEFLATE_LEVEL })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(data.length + 12);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, data.length + 8)), data.length + 8);
  return out;
}
