import type { DatasetMeta } from '../../core/dataset';
import { quoteIdent } from '../engine/duckdb';
import type { AnalysisPlan, Filter } from './analysis-plan';
import type { CompiledPlan } from './compiled-plan';
import { filterCondition } from './filter-sql';
import { measureColumn, measureSql } from './measure-columns';
import { SqlParams } from './sql-params';

type Having = Extract<Filter, { op: 'having' }>;

/**
 * The having filter of a plan that only counts the entities passing it ("how
 * many orders lost money": a distinct count of Order ID, whose total Profit
 * is below 0), or null for any other plan.
 */
function countedEntity(plan: AnalysisPlan): Having | null {
  const [measure, other] = plan.measures;
  const havings = plan.filters.filter((f): f is Having => f.op === 'having');
  const [having] = havings;
  if (!measure || other || !having || havings.length > 1) return null;
  if (plan.kind !== 'aggregate' || plan.dimensions.length > 0 || plan.comparison || plan.change || plan.share)
    return null;
  // A period counted back from the last date brings that date with the answer; the general query does.
  if (plan.filters.some((f) => f.op === 'latest')) return null;
  if (measure.aggregation !== 'count_distinct' || measure.per || measure.part || measure.column !== having.column)
    return null;
  return having;
}

/**
 * A count of the entities that pass a having filter, as one grouping of the
 * table: each entity's rows are totalled once and the passing ones counted,
 * with their rows, rather than keeping every row of a passing entity and
 * counting the entities again (three times faster on a million rows).
 * Entities without a value are not counted, as a distinct count leaves them out.
 *
 * ```sql
 * WITH entities AS (SELECT count(*) AS n FROM t WHERE <row filters> AND e IS NOT NULL GROUP BY e HAVING <aggregate> <cmp> $v)
 * SELECT count(*), coalesce(sum(n), 0) AS matched_rows FROM entities
 * ```
 */
export function compileEntityCount(plan: AnalysisPlan, meta: DatasetMeta, table: string): CompiledPlan | null {
  const having = countedEntity(plan);
  const [measure] = plan.measures;
  if (!having || !measure) return null;
  const profile = (name: string) => {
    const found = meta.columns.find((c) => c.name === name);
    if (!found) throw new Error(`compilePlan: column "${name}" is not in the dataset; validate the plan first`);
    return found;
  };
  const params = new SqlParams();
  const entity = quoteIdent(having.column);
  const conditions = plan.filters.flatMap((f) =>
    f.op === 'having' ? [] : [filterCondition(f, profile(f.column), quoteIdent(f.column), params, table)],
  );
  conditions.push(`${entity} IS NOT NULL`);
  const total = measureSql(having.measure, having.measure.column === null ? null : quoteIdent(having.measure.column));
  const value = params.bind(having.value, 'DOUBLE');
  const sql = [
    'WITH entities AS (',
    `  SELECT count(*) AS n FROM ${quoteIdent(table)}`,
    `  WHERE ${conditions.join('\n    AND ')}`,
    `  GROUP BY ${entity} HAVING ${total} ${having.comparator} ${value}`,
    ')',
    'SELECT count(*) AS m0, coalesce(sum(n), 0) AS matched_rows FROM entities',
  ].join('\n');
  return {
    kind: 'aggregate',
    sql,
    params: params.values,
    columns: [measureColumn(measure, profile(having.column))],
    summary: ['matchedRows'],
  };
}
