import type { Aggregate, AnalysisPlan } from '../plan/analysis-plan';

/**
 * A plan from the model with each column name the model saw (cleaned for the
 * prompt) turned back into the dataset's own name. Names cleaning left alone
 * pass through, so usually this returns the plan as it was.
 */
export function renamePlanColumns(plan: AnalysisPlan, names: ReadonlyMap<string, string>): AnalysisPlan {
  if (names.size === 0) return plan;
  const real = (name: string) => names.get(name) ?? name;
  const aggregate = <T extends Aggregate>(a: T): T => ({ ...a, column: a.column === null ? null : real(a.column) });
  return {
    ...plan,
    measures: plan.measures.map((m) => ({
      ...aggregate(m),
      per: m.per && aggregate(m.per),
      part: m.part && { ...m.part, column: real(m.part.column) },
    })),
    dimensions: plan.dimensions.map((d) => ({ ...d, column: real(d.column) })),
    filters: plan.filters.map((f) =>
      f.op === 'having'
        ? { ...f, column: real(f.column), measure: aggregate(f.measure) }
        : { ...f, column: real(f.column) },
    ),
    comparison: plan.comparison && { ...plan.comparison, column: real(plan.comparison.column) },
    change: plan.change && { ...plan.change, column: real(plan.change.column) },
  };
}
