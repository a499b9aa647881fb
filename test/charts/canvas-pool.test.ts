import { CanvasPool } from '../../charts/canvas-pool';

describe('CanvasPool', () => {
  test('gives the same canvas for the same size', () => {
    const pool = new CanvasPool();
    expect(pool.canvasFor(800, 450)).toBe(pool.canvasFor(800, 450));
    expect(pool.canvasFor(800, 450)).not.toBe(pool.canvasFor(400, 300));
  });

  test('drops the least recently used size when full', () => {
    const pool = new CanvasPool(2);
    const small = pool.canvasFor(200, 100);
    const medium = pool.canvasFor(400, 200);
    pool.canvasFor(200, 100);
    pool.canvasFor(800, 400);
    expect(pool.size).toBe(2);
    expect(pool.canvasFor(200, 100)).toBe(small);
    expect(pool.canvasFor(400, 200)).not.toBe(medium);
  });
});
