import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan, Filter } from '../plan/analysis-plan';

/**
 * Whether a plan says which time it covers: it filters a time column ("in 2016", "last 3
 * months"), groups by one ("by month", "by weekday"), measures a change, or compares periods.
 */
export function namesItsOwnTime(plan: AnalysisPlan, meta: DatasetMeta): boolean {
  const isTime = (name: string) => meta.columns.some((column) => column.name === name && column.role === 'time');
  return (
    plan.change !== undefined ||
    (plan.comparison !== undefined && isTime(plan.comparison.column)) ||
    plan.dimensions.some((dimension) => dimension.grain !== undefined || dimension.cycle !== undefined) ||
    plan.filters.some((filter) => filter.op === 'latest' || isTime(filter.column))
  );
}

/**
 * A plan asked in a digest's thread, about the period the digest reported: "which team had the
 * most deals" under a weekly digest means that week. A question naming its own time keeps it.
 */
export function withinPeriod(plan: AnalysisPlan, period: Filter | undefined, meta: DatasetMeta): AnalysisPlan {
  if (!period || namesItsOwnTime(plan, meta)) return plan;
  return { ...plan, filters: [...plan.filters, period] };
}
