import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from './analysis-plan';
import type { CompiledPlan } from './compiled-plan';
import { matchedRows } from './matched-rows';
import { SqlParams } from './sql-params';

/** Fewest and most bars a histogram gets. */
const MIN_BINS = 5;
const MAX_BINS = 20;

/**
 * Within this fraction of a bin of an edge, a value counts as on the edge:
 * bin arithmetic in binary floating point puts 0.3 at 2.9999999999999996
 * bins of 0.1, and 0.3 belongs in the bin that starts at 0.3.
 */
const EDGE_TOLERANCE = 1e-9;

/**
 * When the values beyond the 99th percentile stretch the range more than
 * fourfold, they share the last bin, which runs to the maximum: a histogram of
 * order values with one huge order would otherwise be a single bar.
 */
const TAIL_QUANTILE = 0.99;
const TAIL_SPAN = 4;

/**
 * measures[0]'s column binned into a histogram, all in one query. The bin
 * width is a "nice" number (1, 2 or 5 × 10^k) just above the range divided
 * by Sturges' bin count (log2 n + 1, kept between 5 and 20), and bins start
 * at a multiple of it, so edges read as round numbers: 0–1,000, 1,000–2,000.
 * Every bin from the lowest value to the highest is returned, empty ones too;
 * the last includes its end, so the maximum is counted. Whole numbers get
 * whole widths and the maximum its own bin, so a bin of width 1 is one value
 * (quantities 13 and 14 are not lumped together). A column with one value
 * gets one bin around it. A long tail gets the last bin to itself (see
 * `TAIL_SPAN`).
 *
 * Returns rows of (from, to, count), then the matching row count. A LEFT JOIN
 * keeps one row, with NULL bins, when no value is there to bin.
 */
export function compileDistribution(plan: AnalysisPlan, meta: DatasetMeta, table: string): CompiledPlan {
  const params = new SqlParams();
  const rows = matchedRows(plan, meta, table, params);
  const measure = plan.measures[0];
  const column = rows.profile(measure?.column ?? '');
  const v = rows.value(column.name);
  // Per group, each group's aggregate is one value ("order value": Sales summed per Order ID).
  const grouped = plan.dimensions.length > 0 && measure !== undefined;
  const whole =
    column.type === 'integer' &&
    (!grouped || ['sum', 'count', 'count_distinct', 'min', 'max'].includes(measure.aggregation));
  const values = grouped
    ? `SELECT CAST(${rows.aggregate(measure)} AS DOUBLE) AS v FROM matched GROUP BY g0`
    : `SELECT CAST(${v} AS DOUBLE) AS v FROM matched`;
  const sql = [
    `WITH ${rows.cte},`,
    `vals AS (${values}),`,
    'span AS (',
    `  SELECT min(v) AS lo, max(v) AS hi, quantile_cont(v, ${TAIL_QUANTILE}) AS tail, count(v) AS n,`,
    `    (SELECT count(*) FROM matched) AS matched_rows`,
    `  FROM vals`,
    '),',
    // A long tail gets the last bin to itself, so the bulk of the values is not one bar.
    'spread AS (',
    `  SELECT *, CASE WHEN tail > lo AND hi - lo > ${TAIL_SPAN} * (tail - lo) THEN tail ELSE hi END AS top FROM span`,
    '),',
    // The width each bin would need for Sturges' count of bins, then its power of ten.
    'target AS (',
    `  SELECT *, CASE WHEN top > lo THEN (top - lo) / least(greatest(ceil(log2(n)) + 1, ${MIN_BINS}), ${MAX_BINS})`,
    '    ELSE greatest(abs(lo), 1) / 10 END AS raw_width',
    '  FROM spread',
    '),',
    'nice AS (',
    `  SELECT *, ${whole ? 'greatest(1, ' : '('}magnitude * CASE WHEN raw_width <= magnitude THEN 1`,
    '    WHEN raw_width <= 2 * magnitude THEN 2 WHEN raw_width <= 5 * magnitude THEN 5 ELSE 10 END) AS width',
    '  FROM (SELECT *, pow(10, floor(log10(raw_width))) AS magnitude FROM target)',
    '),',
    'grid AS (',
    whole
      ? `  SELECT *, floor((top - start) / width)::BIGINT + 1 + (hi > top)::BIGINT AS bins,`
      : `  SELECT *, greatest(ceil((top - start) / width - ${EDGE_TOLERANCE}), 1)::BIGINT + (hi > top)::BIGINT AS bins,`,
    // Edges are multiples of the width, rounded to its decimals so 0.1 × 3 prints as 0.3.
    '    greatest(0, -floor(log10(width)))::INTEGER AS decimals',
    '  FROM (SELECT *, floor(lo / width) * width AS start FROM nice)',
    '),',
    'counts AS (',
    `  SELECT least(floor((v - start) / width + ${EDGE_TOLERANCE}), bins - 1)::BIGINT AS bin, count(*) AS count`,
    `  FROM vals, grid WHERE v IS NOT NULL GROUP BY bin`,
    '),',
    'bins AS (SELECT unnest(range(bins)) AS bin, bins AS bin_count, start, width, decimals, hi AS tail_end, top FROM grid)',
    'SELECT round(start + bin * width, decimals) AS "From",',
    // The tail's bin runs to the largest value.
    '  CASE WHEN bin = bin_count - 1 AND tail_end > top THEN tail_end ELSE round(start + (bin + 1) * width, decimals) END AS "To",',
    '  coalesce(counts.count, 0) AS "Count", matched_rows',
    'FROM span LEFT JOIN (bins LEFT JOIN counts USING (bin)) ON true',
    'ORDER BY bin',
  ].join('\n');
  return {
    kind: 'distribution',
    sql,
    params: params.values,
    columns: [
      { name: 'From', type: 'number', role: 'dimension', unit: column.unit },
      { name: 'To', type: 'number', role: 'dimension', unit: column.unit },
      {
        name: 'Count',
        type: 'number',
        role: 'measure',
        unit: null,
        source: { column: grouped ? (plan.dimensions[0]?.column ?? null) : column.name, aggregation: 'count' },
      },
    ],
    summary: ['matchedRows'],
    carrierColumn: 0,
  };
}
