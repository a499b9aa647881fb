import { createCanvas, loadImage } from '@napi-rs/canvas';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether the bytes start like a PNG file. */
export function hasPngSignature(png: Buffer): boolean {
  return png.subarray(0, 8).equals(PNG_SIGNATURE);
}

/** Width and height from the IHDR chunk, which always follows the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Decoded RGBA pixels, with the image's size. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Decodes a PNG with @napi-rs/canvas's decoder, not ours, to read its pixels. */
export async function decodePng(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

/** A rectangle as fractions of the image: { left: 0.25, top: 0.25, right: 0.75, bottom: 0.75 } is the middle. */
export interface Region {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How many pixels in the region are darker than `threshold` in some channel (255 is white). */
export function countInkPixels(pixels: Pixels, region: Region, threshold = 200): number {
  let count = 0;
  for (let y = Math.floor(region.top * pixels.height); y < Math.floor(region.bottom * pixels.height); y++) {
    for (let x = Math.floor(region.left * pixels.width); x < Math.floor(region.right * pixels.width); x++) {
      const i = (y * pixels.width + x) * 4;
      if (Math.min(pixels.data[i]!, pixels.data[i + 1]!, pixels.data[i + 2]!) < threshold) count++;
    }
  }
  return count;
}

/** The share of pixels where some channel differs by more than `tolerance`. */
export function differentPixelShare(a: Pixels, b: Pixels, tolerance = 24): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let different = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let channel = 0; channel < 4; channel++) {
      if (Math.abs(a.data[i + channel]! - b.data[i + channel]!) > tolerance) {
        different++;
        break;
      }
    }
  }
  return different / (a.width * a.height);
}
