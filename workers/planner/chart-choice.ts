import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan, ChartKind } from '../plan/analysis-plan';

/** A doughnut reads well up to this many slices; past it, bars compare better. */
const MAX_DOUGHNUT_PARTS = 6;

export type PlanShape = Omit<AnalysisPlan, 'chart' | 'title'>;

const isTimeDimension = (plan: PlanShape, index: number) => plan.dimensions[index]?.grain !== undefined;

/**
 * How many groups the first dimension (or the comparison) will have, as far
 * as the profile tells: its distinct values, narrowed by an `in` filter on it
 * and by the limit. Null when unknown (time groups).
 */
function partCount(plan: PlanShape, meta: DatasetMeta): number | null {
  if (plan.dimensions.length === 0) return plan.comparison ? plan.comparison.sides.length : 1;
  const first = plan.dimensions[0];
  if (!first || first.grain !== undefined) return null;
  const column = meta.columns.find((c) => c.name === first.column);
  const filter = plan.filters.find((f) => f.op === 'in' && f.column === first.column);
  let parts = filter?.op === 'in' ? filter.values.length : (column?.distinct ?? Infinity);
  if (plan.limit !== undefined) parts = Math.min(parts, plan.limit);
  return parts;
}

/**
 * The chart for a plan:
 * - relationship → scatter, distribution → histogram;
 * - no groups → a kpi for one number, a table for several, bars for a comparison;
 * - time first → a line (one series per category when a category is the
 *   second grouping), stacked bars for a share over time, bars for a ranking of periods;
 * - categories → bars; a share of at most 6 parts → doughnut, of two
 *   groupings → stacked bars.
 * Horizontal bars for long labels are left to the renderer.
 *
 * @example
 * chooseChart({ kind: 'aggregate', dimensions: [{ column: 'Segment' }], share: true, … }, meta) // 'doughnut'
 */
export function chooseChart(plan: PlanShape, meta: DatasetMeta, ranked: boolean): ChartKind {
  if (plan.kind === 'relationship') return 'scatter';
  if (plan.kind === 'distribution') return 'histogram';
  const parts = partCount(plan, meta);
  if (plan.dimensions.length === 0) {
    if (plan.comparison) return plan.share && (parts ?? Infinity) <= MAX_DOUGHNUT_PARTS ? 'doughnut' : 'bar';
    return plan.measures.length === 1 ? 'kpi' : 'table';
  }
  if (isTimeDimension(plan, 0) && !ranked) {
    if (plan.share) return plan.dimensions.length === 2 ? 'stacked-bar' : 'bar';
    return 'line';
  }
  if (plan.share) {
    if (plan.dimensions.length === 2) return 'stacked-bar';
    return parts !== null && parts <= MAX_DOUGHNUT_PARTS && !plan.comparison ? 'doughnut' : 'bar';
  }
  return 'bar';
}

/**
 * Why a chart someone asked for cannot show a plan, or null when it can.
 * A doughnut needs one grouping, a line something to run along, a kpi a single number.
 */
export function chartProblem(chart: ChartKind, plan: PlanShape): string | null {
  const groups = plan.dimensions.length + (plan.comparison ? 1 : 0);
  switch (chart) {
    case 'doughnut':
      return groups === 1 && plan.kind === 'aggregate'
        ? null
        : 'a pie chart needs exactly one grouping, such as "by Region"';
    case 'line':
    case 'bar':
    case 'horizontal-bar':
    case 'stacked-bar':
      return groups >= 1 && plan.kind === 'aggregate'
        ? null
        : `a ${chart.replace('-', ' ')} chart needs a grouping, such as "by month"`;
    case 'kpi':
      return groups === 0 && plan.measures.length === 1 && plan.kind === 'aggregate'
        ? null
        : 'a single number cannot show groups';
    case 'scatter':
      return plan.kind === 'relationship'
        ? null
        : 'a scatter plot needs two columns of numbers, such as "Discount vs Profit"';
    case 'histogram':
      return plan.kind === 'distribution'
        ? null
        : 'a histogram needs one column of numbers, such as "distribution of Sales"';
    case 'table':
      return null;
  }
}
