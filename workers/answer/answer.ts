import type { ChartSpec } from '../../charts';
import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { chartSpecFor } from './chart-spec';
import { writeHeadline } from './headline';
import { computeInsights } from './insights';

/** What the reply shows: a headline, a few insights and a chart to render. */
export interface Answer {
  headline: string;
  insights: string[];
  /**
   * Every number the headline and the insights state, unrounded and without
   * repeats: what a narrative written from this answer may quote. Percents are
   * fractions (0.204 for "20.4%"); dates are not included.
   */
  insightNumbers: number[];
  /** Null when the plan asks for a table or there is nothing to draw. */
  chart: ChartSpec | null;
}

/**
 * The answer to one plan: its headline, insights and chart spec, all computed
 * from the result (nothing invented, nothing rendered here).
 *
 * @example
 * const answer = buildAnswer(plan, result, meta);
 * answer.headline // 'West had the highest Profit: $108.4K (37.9% of the total).'
 * if (answer.chart) await renderChart(answer.chart);
 */
export function buildAnswer(plan: AnalysisPlan, result: ResultTable, meta: DatasetMeta): Answer {
  const headline = writeHeadline(plan, result, meta);
  const insights = computeInsights(plan, result, meta);
  return {
    headline: headline.text,
    insights: insights.map((insight) => insight.text),
    insightNumbers: [...new Set([...headline.numbers, ...insights.flatMap((insight) => insight.numbers)])],
    chart: chartSpecFor(plan, result, meta),
  };
}
