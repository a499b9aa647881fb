import { encodePng } from '../../charts/png-encoder';
import { decodePng, hasPngSignature, pngSize } from './png-pixels';

describe('encodePng', () => {
  test('writes pixels another decoder reads back exactly', async () => {
    const rgba = new Uint8Array([
      ...[255, 0, 0, 255],
      ...[0, 255, 0, 255],
      ...[0, 0, 255, 255],
      ...[255, 255, 255, 255],
      ...[0, 0, 0, 255],
      ...[18, 52, 86, 255],
    ]);
    const png = await encodePng(rgba, 3, 2);
    expect(hasPngSignature(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    const decoded = await decodePng(png);
    expect(Array.from(decoded.data)).toEqual(Array.from(rgba));
  });
});
