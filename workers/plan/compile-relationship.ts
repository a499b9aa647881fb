import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan, Measure } from './analysis-plan';
import type { CompiledPlan } from './compiled-plan';
import { matchedRows, type MatchedRows } from './matched-rows';
import { measureColumn } from './measure-columns';
import type { ResultColumn } from './result-table';
import { selectOutputs } from './output-columns';
import { SqlParams } from './sql-params';

/** The most points a scatter plot gets; the fit is always over every point. */
export const MAX_POINTS = 5_000;

/**
 * measures[0] as x against measures[1] as y. Without dimensions each row is a
 * point (aggregations ignored); with dimensions each group is one, its
 * measures aggregated. Correlation, slope and intercept (least squares of y
 * on x) cover every point with both values; at most `MAX_POINTS` of those are
 * returned, the ones with the lowest hash of their row (or group), so the same
 * data always gives the same sample and the sample is spread over all of the
 * data rather than its first rows. Hashing the whole row, not just x and y,
 * matters when values repeat (discount × quantity has a few hundred distinct
 * pairs in 10,000 rows): a hash of x and y would take every copy of a few
 * pairs and none of the others.
 *
 * ```sql
 * WITH matched AS (…), points AS (x, y, n per row or group),
 *   fit AS (corr, slope, intercept, pairs, matched rows over points),
 *   sample AS (points ORDER BY row_hash LIMIT $n)
 * SELECT <groups>, x, y, <fit> FROM fit LEFT JOIN sample ON true
 * ```
 *
 * The LEFT JOIN returns the fit even when no row has both values.
 */
export function compileRelationship(plan: AnalysisPlan, meta: DatasetMeta, table: string): CompiledPlan {
  const params = new SqlParams();
  const grouped = plan.dimensions.length > 0;
  const rows = matchedRows(plan, meta, table, params, { rowHash: !grouped });
  const [x, y] = plan.measures as [Measure, Measure];
  const keys = rows.groups.map((g) => g.key);
  // `n` is how many matching rows each point stands for, so the fit can count them all, plotted or not.
  const groupKeys = keys.join(', ');
  const points = grouped
    ? `SELECT ${groupKeys}, ${axis(rows, x)} AS x, ${axis(rows, y)} AS y, count(*) AS n, hash(${groupKeys}) AS row_hash` +
      `\n  FROM matched GROUP BY ${groupKeys}`
    : `SELECT ${value(rows, x)} AS x, ${value(rows, y)} AS y, 1 AS n, row_hash FROM matched`;
  const limit = params.bind(Math.min(plan.limit ?? MAX_POINTS, MAX_POINTS));
  const { select, columns } = selectOutputs([
    ...rows.groups.map((g) => ({ sql: g.select, column: g.column })),
    { sql: 'x', column: axisColumn(x, grouped, rows.profile) },
    { sql: 'y', column: axisColumn(y, grouped, rows.profile) },
  ]);
  const sql = [
    `WITH ${rows.cte},`,
    `points AS (\n  ${points}\n),`,
    'fit AS (',
    '  SELECT corr(y, x) AS correlation, regr_slope(y, x) AS slope, regr_intercept(y, x) AS intercept,',
    '    regr_count(y, x) AS pairs, coalesce(sum(n), 0) AS matched_rows',
    '  FROM points',
    '),',
    'sample AS (',
    `  SELECT * FROM points WHERE x IS NOT NULL AND y IS NOT NULL ORDER BY row_hash LIMIT ${limit}`,
    ')',
    // The groups (g0…) and x, y only exist in `sample`, so they need no qualifier next to `fit`.
    `SELECT ${select.join(', ')},`,
    '  correlation, slope, intercept, pairs, matched_rows',
    'FROM fit LEFT JOIN sample ON true',
    `ORDER BY ${['x', 'y', ...keys].join(', ')}`,
  ].join('\n');
  return {
    kind: 'relationship',
    sql,
    params: params.values,
    columns,
    summary: ['correlation', 'slope', 'intercept', 'pairs', 'matchedRows'],
    carrierColumn: keys.length,
  };
}

/** A row's own value of a measure's column. */
function value(rows: MatchedRows, measure: Measure): string {
  return `CAST(${rows.value(measure.column ?? '')} AS DOUBLE)`;
}

/** A group's aggregated value of a measure. */
function axis(rows: MatchedRows, measure: Measure): string {
  return `CAST(${rows.aggregate(measure)} AS DOUBLE)`;
}

/** Per row an axis is the column itself, named as in the dataset; per group it is a named aggregate. */
function axisColumn(measure: Measure, grouped: boolean, profile: (name: string) => ColumnProfile): ResultColumn {
  const column = measure.column === null ? null : profile(measure.column);
  const per = measure.per?.column ? profile(measure.per.column) : null;
  if (grouped || !column) return measureColumn(measure, column, per);
  return {
    name: column.name,
    type: 'number',
    role: 'measure',
    unit: column.unit,
    source: { column: column.name, aggregation: 'value' },
  };
}
