import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan, ComparisonSide, Filter } from '../plan/analysis-plan';
import { columnNamesFromBrief } from './dataset-brief';
import { renamePlanColumns } from './plan-columns';
import { cleanUntrusted, UNTRUSTED_LIMITS } from './untrusted-text';

type Scalar = string | number | boolean;

/**
 * The previous plan of a thread as the model sees it: its title, filter
 * values and comparison labels came from a model or from the file, so they
 * are cleaned and capped like every other text from the file, and its
 * columns carry the names the brief gives them (which map back as usual).
 *
 * @example
 * previousPlanForPrompt({ ...plan, title: 'Sales\u202e by Region' }, meta).title // 'Sales by Region'
 */
export function previousPlanForPrompt(plan: AnalysisPlan, meta: DatasetMeta): AnalysisPlan {
  const briefNameOf = new Map([...columnNamesFromBrief(meta)].map(([seen, real]) => [real, seen]));
  const renamed = renamePlanColumns(plan, briefNameOf);
  const text = (value: string) => cleanUntrusted(value, UNTRUSTED_LIMITS.value);
  const value = <T extends Scalar | undefined>(v: T): T => (typeof v === 'string' ? (text(v) as T) : v);
  const filters = renamed.filters.map((filter): Filter => {
    switch (filter.op) {
      case 'range':
        return { ...filter, from: value(filter.from), to: value(filter.to) };
      case 'in':
      case 'not_in':
        return { ...filter, values: filter.values.map(value) };
      case 'compare':
        return { ...filter, value: value(filter.value) };
      case 'latest':
      case 'having':
        return filter;
    }
  });
  const comparison = renamed.comparison && {
    ...renamed.comparison,
    sides: renamed.comparison.sides.map((side): ComparisonSide => ({
      ...side,
      label: text(side.label),
      from: value(side.from),
      to: value(side.to),
      values: side.values?.map(value),
    })),
  };
  return { ...renamed, title: cleanUntrusted(renamed.title, UNTRUSTED_LIMITS.title), filters, comparison };
}
