import type { AnalysisPlan, ComparisonSide, Filter } from '../plan/analysis-plan';
import { closestColumns } from '../plan/closest-columns';
import { PlanError } from '../plan/plan-errors';
import type { Vocabulary } from '../planner/vocabulary';

type Scalar = string | number | boolean;

/**
 * A model's filter and comparison values matched to the values really in the
 * data (from the vocabulary the model never sees whole): letter case is fixed
 * ("west" is "West"), and a value that is not there is a `PlanError` naming
 * the closest ones, for the repair round trip, instead of an empty answer.
 *
 * @example
 * matchPlanValues(planWithRegionWesst, { values: { Region: ['East', 'West'] } }) // throws: …did you mean "West"?
 */
export function matchPlanValues(plan: AnalysisPlan, vocabulary: Vocabulary): AnalysisPlan {
  const match = (column: string, values: readonly Scalar[]) => values.map((v) => matchValue(column, v, vocabulary));
  const filters = plan.filters.map((filter): Filter => {
    if (filter.op !== 'in' && filter.op !== 'not_in') return filter;
    return { ...filter, values: match(filter.column, filter.values) };
  });
  const comparison = plan.comparison && {
    ...plan.comparison,
    sides: plan.comparison.sides.map((side): ComparisonSide =>
      side.values === undefined ? side : { ...side, values: match(plan.comparison?.column ?? '', side.values) },
    ),
  };
  return { ...plan, filters, comparison };
}

function matchValue(column: string, value: Scalar, vocabulary: Vocabulary): Scalar {
  const known = vocabulary.values[column];
  if (known === undefined || typeof value !== 'string') return value;
  if (known.includes(value)) return value;
  const folded = value.trim().toLowerCase();
  const same = known.filter((v) => v.toLowerCase() === folded);
  if (same.length === 1) return same[0] as string;
  const close = closestColumns(value, known);
  const hint = close.length > 0 ? ` The closest are ${close.map((v) => `"${v}"`).join(', ')}.` : '';
  throw new PlanError('INVALID_VALUE', `"${column}" has no value "${value}".${hint}`);
}
