import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { categoryInsights } from './category-insights';
import { changeInsights } from './change-answer';
import { comparisonInsights } from './comparison-insights';
import { resolveComparison } from './comparison-sides';
import { distributionInsights } from './distribution-insights';
import { describeFilters, scopeList } from './filter-words';
import type { Insight, InsightKind } from './insight';
import { relationshipFacts } from './relationship-facts';
import { relationshipInsights } from './relationship-insights';
import { isEmptyResult, type ResultView, viewResult } from './result-view';
import { timeInsights } from './time-insights';

export type { Insight, InsightKind } from './insight';

/** An answer shows at most this many insights. */
export const MAX_INSIGHTS = 5;

/**
 * How useful each kind is, higher first: what the question asked about
 * (a comparison, a correlation, a trend's change, where most values fall),
 * then what explains it (who contributes, what stands out), then detail.
 */
const RANK: Readonly<Record<InsightKind, number>> = {
  comparison: 100,
  correlation: 100,
  change: 90,
  'typical-range': 90,
  'top-share': 85,
  outliers: 80,
  median: 80,
  'comparison-range': 75,
  'peak-trough': 70,
  skew: 70,
  negative: 60,
  filters: 0,
};

/**
 * Up to {@link MAX_INSIGHTS} facts computed from the result, most useful
 * first, each with the numbers its text states. Only what the data supports:
 * no change from a single bucket, no share of a total for an average, nothing
 * for an empty result. When the plan filtered rows, the last insight says how,
 * so a reader never mistakes a slice for the whole.
 *
 * @example
 * computeInsights(plan, result, meta).map((i) => i.text)
 * // ['Sales rose by $7.4K (52.1%) from Jan 2014 ($14.2K) to Dec 2017 ($21.6K).',
 * //  'Sales peaked in Nov 2017 at $118.4K and were lowest in Feb 2014 at $4.5K.',
 * //  'Filtered to Region = West.']
 */
export function computeInsights(plan: AnalysisPlan, result: ResultTable, meta: DatasetMeta): Insight[] {
  if (isEmptyResult(result)) return [];
  const view = viewResult(plan, result, meta);
  const ranked = findings(plan, result, meta, view).sort((a, b) => RANK[b.kind] - RANK[a.kind]);
  const filters = filterInsight(plan, meta, result.lastDate);
  if (filters === null) return ranked.slice(0, MAX_INSIGHTS);
  return [...ranked.slice(0, MAX_INSIGHTS - 1), filters];
}

function findings(plan: AnalysisPlan, result: ResultTable, meta: DatasetMeta, view: ResultView): Insight[] {
  switch (plan.kind) {
    case 'relationship': {
      const facts = relationshipFacts(result, view);
      return facts === null ? [] : relationshipInsights(facts);
    }
    case 'distribution':
      return distributionInsights(plan, result, meta);
    case 'aggregate': {
      if (plan.change) return changeInsights(plan, result);
      const comparison = plan.comparison === undefined ? null : resolveComparison(plan, result, view);
      if (comparison !== null) return comparisonInsights(comparison);
      return [...timeInsights(plan, result, meta, view), ...categoryInsights(plan, result, view)];
    }
  }
}

function filterInsight(plan: AnalysisPlan, meta: DatasetMeta, lastDate: string | undefined): Insight | null {
  const scope = describeFilters(plan.filters, meta, lastDate);
  const list = scopeList(scope);
  return list === '' ? null : { kind: 'filters', text: `Filtered to ${list}.`, numbers: scope.numbers };
}
