import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from './analysis-plan';
import { compileAggregate } from './compile-aggregate';
import { compileChange } from './compile-change';
import { compileDistribution } from './compile-distribution';
import { compileEntityCount } from './compile-entity-count';
import { compileRelationship } from './compile-relationship';
import type { CompiledPlan } from './compiled-plan';

export type { CompiledPlan, SummaryField } from './compiled-plan';

/**
 * Turns a validated plan (see `validatePlan`) into one read-only SQL
 * statement over `table`. Column names are quoted identifiers and every value
 * from the plan (filter values, bounds, labels, limits) is a bound parameter,
 * so nothing a question says can change what the SQL does. Pure: the same
 * plan and dataset give the same SQL and parameters.
 *
 * Result columns are named for people: `Total Sales`, `Average Discount`,
 * `Count`, `Share of Total Sales` (see `measureName`), dimensions by their
 * column, a period comparison's sides as `Period`.
 *
 * @example
 * const { sql, params } = compilePlan(plan, meta, 'dataset');
 * await connection.runAndReadAll(sql, params);
 */
export function compilePlan(plan: AnalysisPlan, meta: DatasetMeta, table: string): CompiledPlan {
  switch (plan.kind) {
    case 'aggregate':
      if (plan.change) return compileChange(plan, meta, table);
      return compileEntityCount(plan, meta, table) ?? compileAggregate(plan, meta, table);
    case 'relationship':
      return compileRelationship(plan, meta, table);
    case 'distribution':
      return compileDistribution(plan, meta, table);
  }
}
