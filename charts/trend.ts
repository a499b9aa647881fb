import type { Point, Trend } from './chart-spec';

/**
 * The least-squares line through the points and Pearson's correlation `r`,
 * or `null` when no line is defined (fewer than two points, or every x equal).
 * `r` is 0 when every y is equal.
 *
 * @example fitTrend([{ x: 0, y: 1 }, { x: 1, y: 3 }]) // { slope: 2, intercept: 1, r: 1 }
 */
export function fitTrend(points: readonly Point[]): Trend | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const { x, y } of points) {
    sxx += (x - meanX) ** 2;
    syy += (y - meanY) ** 2;
    sxy += (x - meanX) * (y - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const r = syy === 0 ? 0 : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  return { slope, intercept: meanY - slope * meanX, r };
}
