import { fitTrend, type Point, type Trend } from '../../charts';
import type { ResultTable } from '../plan/result-table';
import { measureNoun } from './measure-words';
import { type IndexedColumn, numberAt, type ResultView } from './result-view';

/** How strong a correlation is called in words. */
export type CorrelationStrength = 'none' | 'weak' | 'moderate' | 'strong';

/**
 * Where |r| starts to be called weak, moderate and strong: the conventional
 * bands (under 0.3 weak, 0.3 to 0.7 moderate, over 0.7 strong). Below `weak`
 * there is no clear linear relationship.
 */
export const CORRELATION_STRENGTH = { weak: 0.1, moderate: 0.3, strong: 0.7 } as const;

/** The words for |r|. */
export function strengthOf(r: number): CorrelationStrength {
  const size = Math.abs(r);
  if (size > CORRELATION_STRENGTH.strong) return 'strong';
  if (size >= CORRELATION_STRENGTH.moderate) return 'moderate';
  return size >= CORRELATION_STRENGTH.weak ? 'weak' : 'none';
}

/** The band a strength was read from, for the reader to check the word against r. */
export function strengthBand(strength: CorrelationStrength): { text: string; numbers: number[] } {
  const { weak, moderate, strong } = CORRELATION_STRENGTH;
  switch (strength) {
    case 'none':
      return { text: `|r| is under ${weak}`, numbers: [weak] };
    case 'weak':
      return { text: `weak, as |r| is under ${moderate}`, numbers: [moderate] };
    case 'moderate':
      return { text: `moderate, as |r| is from ${moderate} to ${strong}`, numbers: [moderate, strong] };
    case 'strong':
      return { text: `strong, as |r| is over ${strong}`, numbers: [strong] };
  }
}

/** The two measures of a relationship and what their points are. */
export interface RelationshipFacts {
  x: IndexedColumn;
  y: IndexedColumn;
  /** "Discount", or "average Discount" for one point per group: mid-sentence forms. */
  xName: string;
  yName: string;
  /** The points drawn: one per row of the result. */
  points: Point[];
  /** Pearson's r over every matching row when the result carries it, else over the points; null when undefined. */
  r: number | null;
  /** The result's least-squares line, else one fitted to the points. */
  trend: Trend | null;
  /** How many pairs `r` is computed over. */
  pairs: number;
  /** What a pair is: "rows", or "Region groups" for one point per group. */
  pairNoun: string;
}

/**
 * Reads a relationship plan's result: measures[0] on x against measures[1]
 * on y. The result's own statistics cover every matching row, not just the
 * points returned, so they are preferred over a fit of the points.
 */
export function relationshipFacts(result: ResultTable, view: ResultView): RelationshipFacts | null {
  const [x, y] = view.measures;
  if (x === undefined || y === undefined) return null;
  const points: Point[] = [];
  for (const row of result.rows) {
    const px = numberAt(row, x.index);
    const py = numberAt(row, y.index);
    if (px !== null && py !== null) points.push({ x: px, y: py });
  }
  const groups = [...(view.time === null ? [] : [view.time.grain]), ...view.dimensions.map((d) => d.column.name)];
  const grouped = groups.length > 0;
  const stats = result.relationship;
  const r =
    stats === undefined ? (fitTrend(points)?.r ?? null) : stats.correlation === null ? null : clamp(stats.correlation);
  const given =
    stats !== undefined && stats.correlation !== null && stats.slope !== null && stats.intercept !== null
      ? { slope: stats.slope, intercept: stats.intercept, r: clamp(stats.correlation) }
      : null;
  return {
    x,
    y,
    // Without groups each point is a row and the aggregation is ignored, so the plain column names fit.
    xName: grouped ? measureNoun(x.column) : (x.column.source?.column ?? x.column.name),
    yName: grouped ? measureNoun(y.column) : (y.column.source?.column ?? y.column.name),
    points,
    r,
    trend: given ?? fitTrend(points),
    pairs: stats?.pairs ?? points.length,
    pairNoun: grouped ? `${groups.join(' \u00b7 ')} groups` : 'rows',
  };
}

// Floating-point sums can put r a hair outside [−1, 1].
function clamp(r: number): number {
  return Math.max(-1, Math.min(1, r));
}
