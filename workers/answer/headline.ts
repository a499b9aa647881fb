import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { comparisonHeadline, partsHeadline, totalsHeadline, trendHeadline } from './aggregate-headlines';
import { changeHeadline } from './change-answer';
import { topPerGroupHeadline } from './group-rankings';
import { binTotal, medianBin, occupiedRange, typicalRun } from './bin-stats';
import { resolveComparison } from './comparison-sides';
import { cutTie } from './cut-tie';
import { distributionSubject } from './distribution-insights';
import { describeFilters, type FilterScope, scopePhrase } from './filter-words';
import { capitalize } from './measure-words';
import { relationshipFacts, strengthOf } from './relationship-facts';
import { isEmptyResult, partsOf, ranksByMeasure, type ResultView, timeSeries, viewResult } from './result-view';
import { type Statement, StatedNumbers } from './stated-numbers';

export type { Statement } from './stated-numbers';

/**
 * One sentence that answers the question with its key numbers, formatted for
 * people ("$2.3M", "12.5%", "Mar 2016"), and those numbers unrounded.
 *
 * @example
 * writeHeadline(totalSalesPlan, result, meta)
 * // { text: 'Total Sales were $2.3M across 9,994 rows.', numbers: [2297200.86, 9994] }
 * writeHeadline(westAtlantisPlan, emptyResult, meta)
 * // { text: 'No rows match Region = Atlantis in 2016.', numbers: [] }
 */
export function writeHeadline(plan: AnalysisPlan, result: ResultTable, meta: DatasetMeta): Statement {
  const scope = describeFilters(plan.filters, meta, result.lastDate);
  if (isEmptyResult(result)) return emptyHeadline(scope);
  const view = viewResult(plan, result, meta);
  const headline =
    plan.kind === 'relationship'
      ? relationshipHeadline(result, view)
      : plan.kind === 'distribution'
        ? distributionHeadline(plan, result, meta)
        : aggregateHeadline(plan, result, meta, view, scope);
  return headline ?? fallbackHeadline(plan, result);
}

function aggregateHeadline(
  plan: AnalysisPlan,
  result: ResultTable,
  meta: DatasetMeta,
  view: ResultView,
  scope: FilterScope,
): Statement | null {
  const measure = view.measures[0];
  if (measure === undefined) return null;
  if (plan.change) return changeHeadline(plan, result);
  if (plan.topPerGroup) return topPerGroupHeadline(plan, result, view, measure, scope);
  const comparison = plan.comparison === undefined ? null : resolveComparison(plan, result, view);
  if (comparison !== null) return comparisonHeadline(comparison);
  if (view.time === null && view.dimensions.length === 0) return totalsHeadline(result, view, scope);
  const series = ranksByMeasure(plan) ? null : timeSeries(result, view, measure);
  if (series !== null && series.length > 0 && view.time !== null) {
    return trendHeadline(plan, meta, view.time, measure, series);
  }
  return partsHeadline(plan, result, measure, partsOf(result, view, measure), scope, cutTie(result, view, measure));
}

function emptyHeadline(scope: FilterScope): Statement {
  const said = new StatedNumbers();
  if (scope.conditions.length > 0)
    return said.statement(`No rows match ${said.quote(scopePhrase(scope), scope.numbers)}.`);
  if (scope.periods.length > 0) return said.statement(`There are no rows ${scopePhrase(scope)}.`);
  return said.statement('The data has no rows to answer this.');
}

function relationshipHeadline(result: ResultTable, view: ResultView): Statement | null {
  const facts = relationshipFacts(result, view);
  if (facts === null) return null;
  const said = new StatedNumbers();
  const names = `${capitalize(facts.xName)} and ${facts.yName}`;
  if (facts.r === null) {
    return said.statement(
      `There are too few varied pairs to relate ${names} (${said.count(facts.pairs)} ${facts.pairNoun}).`,
    );
  }
  const strength = strengthOf(facts.r);
  const stats = `(r = ${said.correlation(facts.r)}, ${said.count(facts.pairs)} ${facts.pairNoun})`;
  if (strength === 'none') return said.statement(`${names} show no clear linear relationship ${stats}.`);
  const direction = facts.r > 0 ? 'positively' : 'negatively';
  return said.statement(`${names} are ${strength}ly ${direction} correlated ${stats}.`);
}

function distributionHeadline(plan: AnalysisPlan, result: ResultTable, meta: DatasetMeta): Statement | null {
  const bins = result.bins ?? [];
  const range = occupiedRange(bins);
  if (binTotal(bins) === 0 || range === null) return null;
  const { name, unit } = distributionSubject(plan, meta);
  const said = new StatedNumbers();
  const run = typicalRun(bins);
  const spread =
    run === null
      ? `${capitalize(name)} values range from ${said.amount(range.from, unit)} to ${said.amount(range.to, unit)}`
      : `Most ${name} values (${said.percent(run.share)}) fall between ${said.amount(run.from, unit)} and ${said.amount(run.to, unit)}`;
  const middle = medianBin(bins);
  // When the typical run is the median's bin, saying both would repeat one range.
  const repeats = middle !== null && run !== null && middle.from === run.from && middle.to === run.to;
  const median =
    middle === null || repeats
      ? ''
      : `; the median is between ${said.amount(middle.from, unit)} and ${said.amount(middle.to, unit)}`;
  return said.statement(`${spread}${median}.`);
}

// Reached only when the result's shape matches no template; still one true sentence.
function fallbackHeadline(plan: AnalysisPlan, result: ResultTable): Statement {
  const said = new StatedNumbers();
  return said.statement(`${plan.title}: ${said.count(result.matchedRows)} matching rows.`);
}
