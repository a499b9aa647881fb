import type { Unit } from '../../charts';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { chartUnit } from './chart-unit';
import type { Insight } from './insight';
import { joinWords } from './list-words';
import { isAdditive, measureNoun } from './measure-words';
import { outlierInsight } from './outlier-insight';
import { type Part, partsOf, ranksByMeasure, type ResultView, totalsBy } from './result-view';
import { StatedNumbers } from './stated-numbers';

/**
 * How many of the largest groups the share insight names: the top one of two
 * or three (the rest is obvious), the top two of four, the top three of more.
 */
function leadersShown(groups: number): number {
  return groups <= 3 ? 1 : groups === 4 ? 2 : 3;
}
// Negative groups past this many are counted, not listed.
const NAMED_NEGATIVES = 3;

/**
 * Insights of a breakdown by category (of the first measure): the largest
 * groups' share of the total, the highest and lowest, groups below zero and
 * groups that stand out. A trend split by category is totalled per category
 * over the whole period first. Shares are given only for sums and counts with
 * no negative group, where parts of a total mean something. A top N (the plan's
 * limit reached) is described as the groups shown, and has no outliers.
 */
export function categoryInsights(plan: AnalysisPlan, result: ResultTable, view: ResultView): Insight[] {
  const measure = view.measures[0];
  if (measure === undefined) return [];
  const overTime = view.time !== null && !ranksByMeasure(plan);
  if (overTime && (view.dimensions.length === 0 || !isAdditive(measure.column))) return [];
  const parts = overTime ? totalsBy(result, view.dimensions, measure) : partsOf(result, view, measure);
  if (parts.length < 2) return [];

  const unit = chartUnit(measure.column.unit);
  const noun = measureNoun(measure.column);
  const sorted = [...parts].sort((a, b) => b.value - a.value);
  const insights: Insight[] = [];

  // A top N: totals, lows and medians are of the groups shown, and the text must say so.
  const truncated = plan.limit !== undefined && result.rows.length >= plan.limit;
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  // Ranked months are not parts of a whole: "10% of the 10 lowest months" says nothing.
  const partsOfWhole = isAdditive(measure.column) && !(view.time !== null && !overTime);
  if (partsOfWhole && parts.every((part) => part.value >= 0) && total > 0) {
    insights.push(topShare(sorted, total, noun, unit, truncated));
  }
  if (parts.length >= 3) {
    const said = new StatedNumbers();
    const high = sorted[0] as Part;
    const low = sorted[sorted.length - 1] as Part;
    const highest = `${high.label} had the highest ${noun} (${said.amount(high.value, unit)})`;
    const among = truncated ? ` of the ${said.count(parts.length)} shown` : '';
    const text = `${highest} and ${low.label} the lowest${among} (${said.amount(low.value, unit)}).`;
    insights.push({ kind: 'peak-trough', ...said.statement(text) });
  }

  const negative = sorted.filter((part) => part.value < 0).reverse();
  if (negative.length > 0 && negative.length < parts.length) {
    const said = new StatedNumbers();
    const lead = `${said.count(negative.length)} of ${said.count(parts.length)} had negative ${noun}`;
    const named = negative.slice(0, NAMED_NEGATIVES).map((part) => `${part.label} (${said.amount(part.value, unit)})`);
    const more = negative.length - named.length;
    const text = `${lead}: ${joinWords(more > 0 ? [...named, `${said.count(more)} more`] : named)}.`;
    insights.push({ kind: 'negative', ...said.statement(text) });
  }

  // The best five months have no typical month to stand out from.
  if (truncated) return insights;
  const per = overTime ? view.dimensions.map((d) => d.column.name).join(' \u00b7 ') : groupNoun(view);
  const outliers = outlierInsight(
    parts.map((part) => part.label),
    parts.map((part) => part.value),
    unit,
    per,
  );
  if (outliers !== null) insights.push(outliers);
  return insights;
}

function topShare(sorted: readonly Part[], total: number, noun: string, unit: Unit, truncated: boolean): Insight {
  const said = new StatedNumbers();
  const top = sorted[0] as Part;
  const among = () => (truncated ? ` across the ${said.count(sorted.length)} shown` : '');
  const leaders = sorted.slice(0, leadersShown(sorted.length));
  if (leaders.length === 1) {
    const text = `${top.label} makes up ${said.percent(top.value / total)} of ${noun}${among()} (${said.amount(top.value, unit)}).`;
    return { kind: 'top-share', ...said.statement(text) };
  }
  const combined = leaders.reduce((sum, part) => sum + part.value, 0);
  const text =
    `${joinWords(leaders.map((part) => part.label))} make up ${said.percent(combined / total)} of ${noun}${among()}; ` +
    `${top.label} alone is ${said.percent(top.value / total)} (${said.amount(top.value, unit)}).`;
  return { kind: 'top-share', ...said.statement(text) };
}

// What one part is called after "per": "Sub-Category", "month", "Region · Category".
function groupNoun(view: ResultView): string {
  const names = view.dimensions.map((d) => d.column.name);
  return [...(view.time === null ? [] : [view.time.grain]), ...names].join(' \u00b7 ');
}
