import type { Unit } from '../../charts';
import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { MONTH_NAMES } from '../plan/grain-words';
import type { ResultTable } from '../plan/result-table';
import { chartUnit } from './chart-unit';
import type { ResolvedComparison } from './comparison-sides';
import { type CutTie, levelNames } from './cut-tie';
import { type FilterScope, scopeClause, scopePhrase } from './filter-words';
import { joinWords } from './list-words';
import { capitalize, countsPeriods, isAdditive, isRowCount, measureNoun, totalNoun, verbFor } from './measure-words';
import { GRAIN_ADJECTIVE } from '../plan/grain-words';
import { periodLabel } from './period-words';
import { parseIsoDate } from '../../charts/iso-date';
import {
  type IndexedColumn,
  numberAt,
  type Part,
  type ResultView,
  type TimeColumn,
  type TimePoint,
} from './result-view';
import { extremesOf } from './series-stats';
import { type Statement, StatedNumbers } from './stated-numbers';
import { basisWords, readTrend, type TrendComparison } from './trend-change';

/**
 * "2017 Sales were $733.2K, up 20.4% on 2016 ($609.2K)." for periods;
 * "Sales for West were $725.5K, 6.9% higher than East ($678.8K)." for values.
 * No percent against a reference that is not positive.
 */
export function comparisonHeadline({ subject, reference, overTime, measure }: ResolvedComparison): Statement {
  const said = new StatedNumbers();
  const unit = chartUnit(measure.column.unit);
  const noun = measureNoun(measure.column);
  const verb = verbFor(measure.column);
  const lead = overTime
    ? `${subject.label} ${noun} ${verb} ${said.amount(subject.value, unit)}`
    : `${capitalize(noun)} for ${subject.label} ${verb} ${said.amount(subject.value, unit)}`;
  const delta = subject.value - reference.value;
  let tail: string;
  if (delta === 0) {
    tail = `the same as ${reference.label}`;
  } else if (reference.value > 0) {
    const percent = said.percent(Math.abs(delta) / reference.value);
    const referenceValue = said.amount(reference.value, unit);
    tail = overTime
      ? `${delta > 0 ? 'up' : 'down'} ${percent} on ${reference.label} (${referenceValue})`
      : `${percent} ${delta > 0 ? 'higher' : 'lower'} than ${reference.label} (${referenceValue})`;
  } else {
    tail = `against ${said.amount(reference.value, unit)} ${overTime ? 'in' : 'for'} ${reference.label}`;
  }
  return said.statement(`${lead}, ${tail}.`);
}

/**
 * "Monthly Sales rose 52.1% from Jan 2014 to Dec 2017, peaking in Nov 2017 at
 * $118.4K." The change is the one {@link readTrend} reads, which the change
 * insight states too: complete years for a total over several years ("Monthly
 * Sales rose 20.4% in 2017 ($733.2K) vs 2016 ($609.2K), comparing complete
 * years"), the same month (or quarter) of an earlier year for other monthly
 * measures, else the first period against the last. A first or last period the data only
 * partly covers is left out, and the headline says so.
 */
export function trendHeadline(
  plan: AnalysisPlan,
  meta: DatasetMeta,
  time: TimeColumn,
  measure: IndexedColumn,
  series: readonly TimePoint[],
): Statement {
  const said = new StatedNumbers();
  const unit = chartUnit(measure.column.unit);
  const label = (point: TimePoint) => periodLabel(point.iso, time.grain);
  const verb = verbFor(measure.column);
  const single = (point: TimePoint, cut: string) =>
    said.statement(
      `${capitalize(measureNoun(measure.column))} in ${label(point)} ${verb} ${said.amount(point.value, unit)}${cut}.`,
    );
  if (series.length === 1) return single(series[0] as TimePoint, '');
  const { complete, cut, comparison } = readTrend(plan, meta, time, measure, series);
  if (comparison === null) return single(complete[0] as TimePoint, cut);
  const noun = measureNoun(measure.column);
  const subject = countsPeriods(measure.column)
    ? `${capitalize(noun)} per ${time.grain}`
    : `${GRAIN_ADJECTIVE[time.grain]} ${noun}`;
  if (comparison.basis === 'complete-years') {
    return said.statement(`${yearOverYear(comparison, subject, unit, time.grain, said)}${cut}.`);
  }
  const { from, to, change } = comparison;
  const basis = basisWords(comparison, time.grain, said);
  const which = basis === null ? '' : ` (${basis})`;
  const peak = complete[extremesOf(complete.map((p) => p.value)).max] as TimePoint;
  const peaking = () =>
    peak !== from.point && peak !== to.point ? `, peaking in ${label(peak)} at ${said.amount(peak.value, unit)}` : '';
  if (change !== null && change.delta === 0) {
    return said.statement(
      `${subject} ${verb} ${said.amount(from.value, unit)} in both ${from.label} and ${to.label}${which}${peaking()}${cut}.`,
    );
  }
  // A percentage moves by points: "rose 900%" from 3.5% to 35% would mislead.
  if (change !== null && (change.fraction !== null || unit.kind === 'percent')) {
    const size =
      unit.kind === 'percent' ? said.points(Math.abs(change.delta)) : said.percent(Math.abs(change.fraction ?? 0));
    const moved = `${change.delta > 0 ? 'rose' : 'fell'} ${size}`;
    return said.statement(`${subject} ${moved} from ${from.label} to ${to.label}${which}${peaking()}${cut}.`);
  }
  return said.statement(
    `${subject} went from ${said.amount(from.value, unit)} in ${from.label} to ${said.amount(to.value, unit)} in ${to.label}${which}${peaking()}${cut}.`,
  );
}

/**
 * "Monthly Sales rose 20.4% in 2017 ($733.2K) vs 2016 ($609.2K), comparing
 * complete years", never a low month against a high one, naming the seasonal
 * peak when the same month (or quarter) is the highest in most complete years.
 */
function yearOverYear(
  comparison: TrendComparison,
  subject: string,
  unit: Unit,
  grain: TimeColumn['grain'],
  said: StatedNumbers,
): string {
  const { from, to, change } = comparison;
  const proportional = change !== null && change.delta !== 0 && change.fraction !== null;
  const moved = proportional
    ? `${change.delta > 0 ? 'rose' : 'fell'} ${said.percent(Math.abs(change.fraction ?? 0))} in ${to.label}`
    : `came to`;
  const amounts = proportional
    ? ` (${said.amount(to.value, unit)}) vs ${from.label} (${said.amount(from.value, unit)})`
    : ` ${said.amount(to.value, unit)} in ${to.label} against ${said.amount(from.value, unit)} in ${from.label}`;
  const season = seasonalPeak(comparison.years, grain, said);
  return `${subject} ${moved}${amounts}, ${basisWords(comparison, grain, said)}${season}`;
}

/**
 * ", with a seasonal peak in November (the highest month in 3 of 4 complete
 * years)" when one month or quarter is the highest in most complete years.
 */
function seasonalPeak(years: readonly TimePoint[][], grain: TimeColumn['grain'], said: StatedNumbers): string {
  if (grain !== 'month' && grain !== 'quarter') return '';
  const counts = new Map<number, number>();
  for (const inYear of years) {
    const [top, next] = [...inYear].sort((a, b) => b.value - a.value);
    // A year whose highest month ties with another has no one highest month (a flat count of rows).
    if (next !== undefined && next.value === top?.value) continue;
    const date = top === undefined ? null : parseIsoDate(top.iso);
    if (date === null) continue;
    counts.set(date.getUTCMonth(), (counts.get(date.getUTCMonth()) ?? 0) + 1);
  }
  const [month, times] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (times < 2 || times * 2 <= years.length) return '';
  const name = grain === 'month' ? MONTH_NAMES[month] : `Q${month / 3 + 1}`;
  return `, with a seasonal peak in ${name} (the highest ${grain} in ${said.count(times)} of ${said.count(years.length)} complete years)`;
}

/** Whether the groups shown are a top N of more. */
function truncatedParts(plan: AnalysisPlan, result: ResultTable, parts: readonly Part[]): boolean {
  return (
    plan.limit !== undefined && result.rows.length >= plan.limit && (result.groups?.count ?? Infinity) > parts.length
  );
}

/**
 * "West had the highest Profit: $108.4K (37.9% of the total)." The lowest
 * instead when the plan sorts up by the measure ("which region sold least");
 * the share only for sums and counts with no negative part. Groups level with
 * the first are named with it, those a top N left out (`tie`) too.
 */
export function partsHeadline(
  plan: AnalysisPlan,
  result: ResultTable,
  measure: IndexedColumn,
  parts: readonly Part[],
  scope: FilterScope,
  tie: CutTie | null,
): Statement | null {
  if (parts.length === 0) return null;
  const said = new StatedNumbers();
  const unit = chartUnit(measure.column.unit);
  const noun = measureNoun(measure.column);
  const clause = () => said.quote(scopeClause(scope), scope.numbers);
  const ranked = plan.sort?.by === 'measure' && plan.limit === 1;
  if (parts.length === 1 && ranked) {
    // "Which sub-category had the lowest profit in 2017": the member, the value and what was asked.
    const [part] = parts as [Part];
    const which = plan.sort?.direction === 'asc' ? 'lowest' : 'highest';
    const names = levelNames([part], tie, said);
    const who = names.length > 1 ? `${joinWords(names)} tied for` : `${part.label} had`;
    const each = names.length > 1 ? ' each' : '';
    return said.statement(`${who} the ${which} ${noun}${clause()}: ${said.amount(part.value, unit)}${each}.`);
  }
  if (parts.length === 1) {
    const [part] = parts as [Part];
    return said.statement(
      `${capitalize(noun)} for ${part.label}${clause()} ${verbFor(measure.column)} ${said.amount(part.value, unit)}.`,
    );
  }
  const lowest = plan.sort?.by === 'measure' && plan.sort.direction === 'asc';
  const ordered = [...parts].sort((a, b) => (lowest ? a.value - b.value : b.value - a.value));
  const pick = ordered[0] as Part;
  // Groups level with the first are named with it: "South had the highest" would hide West's equal share.
  const level = ordered.filter((part) => part.value === pick.value);
  // A top N holds the highest (or lowest) of all groups only when it was ranked by the measure.
  const truncated = truncatedParts(plan, result, parts);
  // A tie the cut went through is known only of a ranking by the measure, whose first groups are the top of all.
  const leftOut = tie !== null && tie.value === pick.value;
  const among = truncated && plan.sort?.by !== 'measure' && !leftOut ? ` of the ${said.count(parts.length)} shown` : '';
  if (level.length === parts.length && !truncated) {
    return said.statement(
      `${joinWords(parts.map((part) => part.label))} had the same ${noun}${clause()}: ${said.amount(pick.value, unit)} each.`,
    );
  }
  const names = levelNames(level, tie, said);
  const each = names.length > 1;
  const who = each
    ? `${joinWords(names)} tied for the ${lowest ? 'lowest' : 'highest'}`
    : `${pick.label} had the ${lowest ? 'lowest' : 'highest'}`;
  const lead = `${who} ${noun}${among}${clause()}: ${said.amount(pick.value, unit)}${each ? ' each' : ''}`;
  const whole = truncated
    ? result.groups
    : { total: parts.reduce((sum, part) => sum + part.value, 0), min: minOf(parts) };
  const rankedPeriods = result.columns.some((column) => column.role === 'time');
  // A share is of the total of every group, which a top N only has from the figures over all of them.
  const { total = null, min = null } = whole ?? {};
  if (!isAdditive(measure.column) || rankedPeriods || total === null || min === null || total <= 0 || min < 0)
    return said.statement(`${lead}.`);
  return said.statement(`${lead} (${said.percent(pick.value / total)} of the total${each ? ' each' : ''}).`);
}

const minOf = (parts: readonly Part[]) => Math.min(...parts.map((part) => part.value));

const rowWord = (count: number) => (count === 1 ? 'row' : 'rows');

/** A single row of totals: "Total Sales were $2.3M across 9,994 rows where Region = West." */
export function totalsHeadline(result: ResultTable, view: ResultView, scope: FilterScope): Statement {
  const said = new StatedNumbers();
  const row = result.rows[0] ?? [];
  const [first] = view.measures;
  if (first !== undefined && isRowCount(first.column)) {
    const count = numberAt(row, first.index) ?? result.matchedRows;
    const rows = `${said.count(count)} ${rowWord(count)}`;
    if (scope.conditions.length > 0)
      return said.statement(
        `${rows} ${count === 1 ? 'matches' : 'match'} ${said.quote(scopePhrase(scope), scope.numbers)}.`,
      );
    if (scope.periods.length > 0)
      return said.statement(`There ${count === 1 ? 'is' : 'are'} ${rows} ${scopePhrase(scope)}.`);
    return said.statement(`The data has ${rows}.`);
  }
  // Two measures read well in one sentence; a row count would repeat "across N rows".
  const stated = view.measures
    .filter(({ column }) => !isRowCount(column))
    .slice(0, 2)
    .flatMap(({ index, column }) => {
      const value = numberAt(row, index);
      if (value !== null)
        return [`${totalNoun(column)} ${verbFor(column)} ${said.amount(value, chartUnit(column.unit))}`];
      // The first or last of a date column is a date, not a number.
      const raw = row[index];
      const calendar = column.type === 'date' ? 'day' : column.type === 'datetime' ? 'hour' : null;
      if (calendar === null || typeof raw !== 'string') return [];
      const which = column.source?.aggregation === 'min' ? 'earliest' : 'latest';
      return [`the ${which} ${column.source?.column ?? column.name} was ${periodLabel(raw, calendar)}`];
    });
  if (stated.length === 0) {
    const noun = first === undefined ? 'measure' : measureNoun(first.column);
    return said.statement(
      `There are no ${noun} values across ${said.count(result.matchedRows)} ${rowWord(result.matchedRows)}${said.quote(scopeClause(scope), scope.numbers)}.`,
    );
  }
  // An average or a total is of the rows with a value: when some have none, how many do is said.
  const measured = result.measuredRows;
  const valued =
    measured !== undefined && measured < result.matchedRows ? ` (${said.count(measured)} with a value)` : '';
  return said.statement(
    `${capitalize(joinWords(stated))} across ${said.count(result.matchedRows)} ${rowWord(result.matchedRows)}${valued}${said.quote(scopeClause(scope), scope.numbers)}.`,
  );
}
