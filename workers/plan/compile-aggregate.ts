import type { DatasetMeta } from '../../core/dataset';
import { quoteIdent } from '../engine/duckdb';
import type { AnalysisPlan, TopPerGroup } from './analysis-plan';
import type { CompiledPlan, SummaryField } from './compiled-plan';
import { matchedRows, type Group } from './matched-rows';
import { selectOutputs, type Output } from './output-columns';
import { SqlParams } from './sql-params';

/** The most rows an aggregate returns when the plan sets no smaller limit (the schema's own maximum). */
export const MAX_RESULT_ROWS = 10_000;

/**
 * Measures grouped by the comparison side and the dimensions:
 *
 * ```sql
 * WITH matched AS (SELECT <groups>, <columns> FROM t WHERE <filters>)
 * SELECT <groups>, <measures>[, <share>], sum(count(*)) OVER () FROM matched
 * GROUP BY <groups> ORDER BY … LIMIT $n
 * ```
 *
 * The window total of the group counts is the number of matching rows, so it
 * comes with the answer rather than from a second scan.
 */
export function compileAggregate(plan: AnalysisPlan, meta: DatasetMeta, table: string): CompiledPlan {
  const params = new SqlParams();
  const rows = matchedRows(plan, meta, table, params);
  const measures = plan.measures.map((m) => ({ sql: rows.aggregate(m), column: rows.output(m) }));
  const outputs: Output[] = [...rows.groups.map((g) => ({ sql: g.select, column: g.column })), ...measures];
  const first = plan.measures[0];
  const firstSql = measures[0]?.sql ?? 'count(*)';
  if (plan.share && first) {
    outputs.push({
      sql: `CAST(${firstSql} AS DOUBLE) / nullif(sum(${firstSql}) OVER (${sharePartition(rows.groups)}), 0)`,
      column: {
        name: `Share of ${measures[0]?.column.name ?? ''}`,
        type: 'number',
        role: 'measure',
        unit: 'percent',
        source: { column: first.column, aggregation: 'share' },
      },
    });
  }
  const { select, columns } = selectOutputs(outputs);
  select.push('sum(count(*)) OVER () AS matched_rows');
  const summary: SummaryField[] = ['matchedRows'];
  const latest = plan.filters.find((f) => f.op === 'latest');
  if (latest) {
    select.push(`(SELECT max(${quoteIdent(latest.column)}) FROM ${quoteIdent(table)}) AS last_date`);
    summary.push('lastDate');
  }
  // "Average age across 1,000 rows" is over the rows with an age: how many have one is said when fewer do.
  if (
    rows.groups.length === 0 &&
    first?.column &&
    first.aggregation !== 'count' &&
    first.aggregation !== 'count_distinct'
  ) {
    select.push(`count(${rows.value(first.column)}) AS measured_rows`);
    summary.push('measuredRows');
  }
  // Windows are computed before LIMIT: a top 10 still knows the groups it leaves out.
  const cut = plan.limit !== undefined && rows.groups.length === 1 && !plan.topPerGroup;
  if (cut) {
    select.push(
      'count(*) OVER () AS group_count',
      `sum(${firstSql}) OVER () AS group_total`,
      `max(${firstSql}) OVER () AS group_max`,
      `min(${firstSql}) OVER () AS group_min`,
      `count(*) FILTER (WHERE ${firstSql} < 0) OVER () AS group_negatives`,
    );
    summary.push('groupCount', 'groupTotal', 'groupMax', 'groupMin', 'groupNegatives');
  }
  // A top N by the measure may cut through groups of equal value, and a top 3 of four tied must not read as
  // the top 3: each row brings how many groups share its value, and one row past the cut names one left out.
  const splitsTies = cut && rows.groups[0]?.key !== 's' && ranksByMeasure(plan, rows.groups);
  const tiesColumn = columns.length + summary.length;
  if (splitsTies) select.push(`count(*) OVER (PARTITION BY ${firstSql}) AS value_ties`);
  const keys = rows.groups.map((g) => g.key);
  const shown = Math.min(plan.limit ?? MAX_RESULT_ROWS, MAX_RESULT_ROWS);
  const limit = params.bind(splitsTies ? shown + 1 : shown);
  const ranked =
    plan.topPerGroup && rows.groups.length === 2 ? topPerGroup(plan.topPerGroup, keys, firstSql, params) : null;
  const sql = [
    `WITH ${rows.cte}`,
    `SELECT ${select.join(',\n  ')}`,
    'FROM matched',
    rows.where && `WHERE ${rows.where}`,
    keys.length > 0 && `GROUP BY ${keys.join(', ')}`,
    ranked?.qualify,
    keys.length > 0 && `ORDER BY ${(ranked?.order ?? orderBy(plan, rows.groups, firstSql)).join(', ')}`,
    `LIMIT ${limit}`,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    kind: 'aggregate',
    sql,
    params: params.values,
    columns,
    summary,
    ...(splitsTies ? { cut: { shown, tiesColumn } } : {}),
  };
}

/**
 * "Top 2 products in each region": the first `n` members of the second group
 * within each member of the first, ranked by the first measure (ties broken
 * by name, so the same data always keeps the same members). The groups come
 * in their own order, each with its members in rank order. Window functions are evaluated before QUALIFY, so the count
 * of matching rows is still of every row.
 */
function topPerGroup(
  top: TopPerGroup,
  [outer = 'g0', inner = 'g1']: string[],
  measure: string,
  params: SqlParams,
): { qualify: string; order: string[] } {
  const direction = top.direction === 'asc' ? 'ASC' : 'DESC';
  const rank = `row_number() OVER (PARTITION BY ${outer} ORDER BY ${measure} ${direction} NULLS LAST, ${inner})`;
  return {
    qualify: `QUALIFY ${rank} <= ${params.bind(top.n)}`,
    order: [`${outer} NULLS LAST`, `${measure} ${direction} NULLS LAST`, `${inner} NULLS LAST`],
  };
}

/**
 * A share is of the total of the time bucket (and comparison side) a group
 * belongs to when the groups split each bucket into parts (months × segments:
 * each month's segments add up to 1), and of the grand total otherwise.
 */
function sharePartition(groups: Group[]): string {
  const parts = groups.filter((g) => g.key !== 's' && g.column.role !== 'time');
  const wholes = groups.filter((g) => g.key === 's' || g.column.role === 'time');
  return parts.length > 0 && wholes.length > 0 ? `PARTITION BY ${wholes.map((g) => g.key).join(', ')}` : '';
}

/**
 * Sides of a comparison always come in plan order. Then: the plan's sort if
 * it has one; else time in order when there is a time dimension; else the
 * largest first measure first (rankings). The group keys follow as tie-breakers
 * so that the same data always gives the same rows in the same order.
 */
function orderBy(plan: AnalysisPlan, groups: Group[], firstMeasure: string): string[] {
  const sides = groups.filter((g) => g.key === 's').map((g) => g.key);
  const dimensions = groups.filter((g) => g.key !== 's');
  const leading: string[] = [];
  if (ranksByMeasure(plan, groups)) leading.push(`${firstMeasure} ${direction(plan.sort?.direction ?? 'desc')}`);
  else if (plan.sort?.by === 'dimension' && dimensions[0])
    leading.push(`${dimensions[0].key} ${direction(plan.sort.direction)}`);
  return [...sides, ...leading, ...dimensions.flatMap(inTextOrder)];
}

/**
 * A group's values in the order of their text, case aside ("apple", "Banana", "cherry"), as the
 * profile lists values tied in count (`core/text-order.ts`), then with case, so the order is total.
 */
function inTextOrder(group: Group): string[] {
  const last = `${group.key} NULLS LAST`;
  // A cycle's members (Monday, January) are text read from numbers, and keep the numbers' order.
  return group.column.type === 'text' && !group.column.cycle
    ? [`${group.key} COLLATE NOCASE NULLS LAST`, last]
    : [last];
}

/** Whether the rows are ranked by the first measure: the plan's sort says so, or a breakdown by category. */
function ranksByMeasure(plan: AnalysisPlan, groups: Group[]): boolean {
  if (plan.sort) return plan.sort.by === 'measure';
  return groups.some((g) => g.key !== 's') && !groups.some((g) => g.column.role === 'time' || g.column.cycle);
}

function direction(value: 'asc' | 'desc'): string {
  return value === 'asc' ? 'ASC NULLS LAST' : 'DESC NULLS LAST';
}
