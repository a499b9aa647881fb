import { type CategoricalSpec, type ChartSpec, type KpiSpec, titleWithUnit } from '../../charts';
import { parseIsoDate } from '../../charts/iso-date';
import type { AnalysisPlan, Change } from '../plan/analysis-plan';
import type { ChangePeriods, ResultTable } from '../plan/result-table';
import { chartUnit } from './chart-unit';
import type { Insight } from './insight';
import { capitalize, measureNoun, measureTitle, verbFor } from './measure-words';
import { calendarPeriod, dayBefore, periodLabel } from './period-words';
import { groupLabel, type IndexedColumn, isoAt, numberAt } from './result-view';
import { type Statement, StatedNumbers } from './stated-numbers';

/** A change plan's columns: the groups, then per measure its current value, base, change and percent change. */
interface ChangeView {
  period: IndexedColumn | null;
  groups: IndexedColumn[];
  current: IndexedColumn;
  base: IndexedColumn;
  delta: IndexedColumn;
  percent: IndexedColumn;
}

/** The two compared periods in words: "2017, the latest year in the data" and "2016". */
export interface PeriodNames {
  current: string;
  base: string;
  /** Short forms for a chart's legend: "2017", "2016". */
  currentShort: string;
  baseShort: string;
}

function changeView(result: ResultTable): ChangeView | null {
  const indexed = result.columns.map((column, index) => ({ index, column }));
  const measures = indexed.filter(({ column }) => column.role === 'measure');
  const [current, base, delta, percent] = measures;
  if (!current || !base || !delta || !percent) return null;
  return {
    period: indexed.find(({ column }) => column.role === 'time') ?? null,
    groups: indexed.filter(({ column }) => column.role === 'dimension'),
    current,
    base,
    delta,
    percent,
  };
}

/** A span of days as a period: "2017", "Q4 2017", "Dec 2017", else "Jan 1, 2017 to Dec 30, 2017". */
function spanLabel(from: string, to: string): string {
  const period = calendarPeriod(from, to);
  if (period !== null) return period;
  const last = dayBefore(to) ?? to;
  return last === from ? periodLabel(from, 'day') : `${periodLabel(from, 'day')} to ${periodLabel(last, 'day')}`;
}

/**
 * The periods a one-period change compared, said so that nobody reads them
 * as the calendar's: "2017, the latest year in the data", "Dec 2017 (partial:
 * the data ends on Dec 10, 2017)", "2017 to date (to Dec 30, 2017)".
 */
export function periodNames(change: Change, periods: ChangePeriods, lastDate: string | undefined): PeriodNames {
  const grain = change.grain;
  const current = spanLabel(periods.current.from, periods.current.to);
  const base = spanLabel(periods.base.from, periods.base.to);
  const calendar = (iso: string) => periodLabel(iso, grain);
  const ends = lastDate === undefined ? '' : `the data ends on ${periodLabel(lastDate, 'day')}`;
  let currentWords = current;
  if (change.period === 'latest') {
    currentWords = `${current}, the latest ${grain} in the data${periods.currentPartial && ends ? ` (partial: ${ends})` : ''}`;
  } else if (change.period === 'latest_complete') {
    currentWords = `${current}, the latest complete ${grain} in the data`;
  } else if (change.period === 'to_date') {
    currentWords = `${calendar(periods.current.from)} to date (to ${periodLabel(dayBefore(periods.current.to) ?? periods.current.to, 'day')})`;
  }
  let baseWords = base;
  if (change.period === 'to_date') baseWords = `the same days of ${calendar(periods.base.from)} (${base})`;
  else if (change.against === 'first') baseWords = `${base}, the first ${grain} in the data`;
  const short = (from: string, to: string) =>
    change.period === 'to_date' ? `${calendar(from)} to date` : spanLabel(from, to);
  return {
    current: currentWords,
    base: baseWords,
    currentShort: short(periods.current.from, periods.current.to),
    baseShort: short(periods.base.from, periods.base.to),
  };
}

/** "up 14.2% on 2016 ($81.8K)"; no percent against a base that is not positive. */
function movement(
  said: StatedNumbers,
  current: number,
  base: number,
  baseWords: string,
  unit: ReturnType<typeof chartUnit>,
): string {
  const delta = current - base;
  if (delta === 0) return `the same as in ${baseWords}`;
  if (base > 0) {
    return `${delta > 0 ? 'up' : 'down'} ${said.percent(Math.abs(delta) / base)} on ${baseWords} (${said.amount(base, unit)})`;
  }
  return `against ${said.amount(base, unit)} in ${baseWords}`;
}

/**
 * The headline of a change plan, naming both periods.
 * - One total: "Total Profit was $93.4K in 2017, the latest year in the data, up 14.2% on 2016 ($81.8K)."
 * - Per group: "Consumer's Profit rose most in 2017, the latest year in the data, vs 2016: up $11.3K (+32.6%), to $46K."
 * - A series: "In Dec 2017, Sales were $83.8K, up 7.8% on Dec 2016 ($77.8K)."
 */
export function changeHeadline(plan: AnalysisPlan, result: ResultTable): Statement | null {
  const change = plan.change;
  const view = changeView(result);
  if (!change || !view) return null;
  const said = new StatedNumbers();
  const unit = chartUnit(view.current.column.unit);
  const noun = measureNoun(view.current.column);
  const verb = verbFor(view.current.column);
  if (view.period !== null && plan.sort?.by === 'measure') return rankedHeadline(change, plan.sort, result, view, said);
  if (view.period !== null) return seriesHeadline(change, result, view, said);
  if (!result.change) return null;
  const names = periodNames(change, result.change, result.lastDate);
  const rows = result.rows.filter(
    (row) => numberAt(row, view.current.index) !== null || numberAt(row, view.base.index) !== null,
  );
  if (view.groups.length === 0) {
    const row = rows[0];
    if (!row) return null;
    const current = numberAt(row, view.current.index) ?? 0;
    const base = numberAt(row, view.base.index) ?? 0;
    return said.statement(
      `${capitalize(noun)} ${verb} ${said.amount(current, unit)} in ${names.current}, ${movement(said, current, base, names.base, unit)}.`,
    );
  }
  const changes = rows
    .map((row) => ({ row, delta: numberAt(row, view.delta.index) }))
    .filter((r): r is { row: (typeof rows)[number]; delta: number } => r.delta !== null);
  if (changes.length === 0) return null;
  const falling = plan.sort?.direction === 'asc';
  const pick = [...changes].sort((a, b) => (falling ? a.delta - b.delta : b.delta - a.delta))[0];
  if (!pick) return null;
  const label = view.groups.map((g) => groupLabel(pick.row, g)).join(' \u00b7 ');
  const current = numberAt(pick.row, view.current.index) ?? 0;
  const percent = numberAt(pick.row, view.percent.index);
  const rose = pick.delta >= 0;
  const most = falling ? (rose ? 'rose least' : 'fell most') : rose ? 'rose most' : 'fell least';
  const pct = percent === null ? '' : ` (${rose ? '+' : '\u2212'}${said.percent(Math.abs(percent))})`;
  return said.statement(
    `${capitalize(noun)} for ${label} ${most} in ${names.current} vs ${names.base}: ${rose ? 'up' : 'down'} ${said.amount(Math.abs(pick.delta), unit)}${pct}, to ${said.amount(current, unit)}.`,
  );
}

/** The period a series point `iso` was compared with, or null when that is not one period before it. */
function basePeriodOf(iso: string, change: Change): string | null {
  const back = parseIsoDate(iso);
  if (back === null) return null;
  if (change.against === 'year_ago') back.setUTCFullYear(back.getUTCFullYear() - 1);
  else if (change.against !== 'previous') return null;
  else if (change.grain === 'week' || change.grain === 'day')
    back.setUTCDate(back.getUTCDate() - (change.grain === 'week' ? 7 : 1));
  else back.setUTCMonth(back.getUTCMonth() - { month: 1, quarter: 3, year: 12 }[change.grain]);
  return back.toISOString().slice(0, 10);
}

/** A ranked series names its first period: "Sales rose most in Sep 2014: up $53.9K (+193%) on Aug 2014 ($27.9K), to $81.8K." */
function rankedHeadline(
  change: Change,
  sort: NonNullable<AnalysisPlan['sort']>,
  result: ResultTable,
  view: ChangeView,
  said: StatedNumbers,
): Statement | null {
  const period = view.period;
  const row = result.rows.find((r) => numberAt(r, view.delta.index) !== null);
  const iso = row && period ? isoAt(row, period.index) : null;
  if (!row || iso === null) return null;
  const unit = chartUnit(view.current.column.unit);
  const delta = numberAt(row, view.delta.index) ?? 0;
  const base = numberAt(row, view.base.index) ?? 0;
  const current = numberAt(row, view.current.index) ?? 0;
  const percent = numberAt(row, view.percent.index);
  const baseIso = basePeriodOf(iso, change);
  const baseWords = baseIso === null ? 'its base period' : periodLabel(baseIso, change.grain);
  const rose = delta >= 0;
  const most = sort.direction === 'asc' ? (rose ? 'rose least' : 'fell most') : rose ? 'rose most' : 'fell least';
  const pct = percent === null ? '' : ` (${rose ? '+' : '\u2212'}${said.percent(Math.abs(percent))})`;
  return said.statement(
    `${capitalize(measureNoun(view.current.column))} ${most} in ${periodLabel(iso, change.grain)}: ${rose ? 'up' : 'down'} ${said.amount(Math.abs(delta), unit)}${pct} on ${baseWords} (${said.amount(base, unit)}), to ${said.amount(current, unit)}.`,
  );
}

function seriesHeadline(change: Change, result: ResultTable, view: ChangeView, said: StatedNumbers): Statement | null {
  const period = view.period;
  if (period === null) return null;
  const unit = chartUnit(view.current.column.unit);
  const withBase = result.rows.filter(
    (row) => numberAt(row, view.base.index) !== null && numberAt(row, view.current.index) !== null,
  );
  const lastIso = withBase
    .map((row) => isoAt(row, period.index))
    .filter((iso): iso is string => iso !== null)
    .sort()
    .at(-1);
  if (lastIso === undefined) return null;
  const latest = withBase.filter((row) => isoAt(row, period.index) === lastIso);
  const row = [...latest].sort(
    (a, b) => Math.abs(numberAt(b, view.delta.index) ?? 0) - Math.abs(numberAt(a, view.delta.index) ?? 0),
  )[0];
  if (!row) return null;
  const current = numberAt(row, view.current.index) ?? 0;
  const base = numberAt(row, view.base.index) ?? 0;
  const baseIso = basePeriodOf(lastIso, change);
  const baseWords =
    change.against === 'first'
      ? `the first ${change.grain} in the data`
      : baseIso === null
        ? 'its base period'
        : periodLabel(baseIso, change.grain);
  const group = view.groups.length > 0 ? ` for ${view.groups.map((g) => groupLabel(row, g)).join(' \u00b7 ')}` : '';
  const noun = measureNoun(view.current.column);
  return said.statement(
    `In ${periodLabel(lastIso, change.grain)}, the latest ${change.grain} in the data, ${noun}${group} ${verbFor(view.current.column)} ${said.amount(current, unit)}, ${movement(said, current, base, baseWords, unit)}.`,
  );
}

/** The groups that rose and fell, and the largest fall when the headline named the largest rise. */
export function changeInsights(plan: AnalysisPlan, result: ResultTable): Insight[] {
  const change = plan.change;
  const view = changeView(result);
  if (!change || !view || view.period !== null || view.groups.length === 0 || !result.change) return [];
  const said = new StatedNumbers();
  const unit = chartUnit(view.current.column.unit);
  const deltas = result.rows.flatMap((row) => {
    const delta = numberAt(row, view.delta.index);
    return delta === null ? [] : [{ label: view.groups.map((g) => groupLabel(row, g)).join(' \u00b7 '), delta }];
  });
  const rose = deltas.filter((d) => d.delta > 0).length;
  const names = periodNames(change, result.change, result.lastDate);
  const insights: Insight[] = [];
  const counted = new StatedNumbers();
  insights.push({
    kind: 'change',
    text: `${counted.count(rose)} of ${counted.count(deltas.length)} ${view.groups[0]?.column.name ?? 'group'} values rose from ${names.baseShort} to ${names.currentShort}.`,
    numbers: counted.numbers,
  });
  const worst = [...deltas].sort((a, b) => a.delta - b.delta)[0];
  if (worst && worst.delta < 0 && plan.sort?.direction !== 'asc') {
    insights.push({
      kind: 'negative',
      text: `${worst.label} fell most: down ${said.amount(Math.abs(worst.delta), unit)}.`,
      numbers: said.numbers,
    });
  }
  return insights;
}

/**
 * The chart of a change: a KPI card with the change for one total, the two
 * periods side by side for each group, the percent change period by period
 * for a series, and the change itself, largest first, for a ranking of periods.
 */
export function changeChart(
  plan: AnalysisPlan,
  result: ResultTable,
  heading: { title: string; subtitle?: string },
): ChartSpec | null {
  const change = plan.change;
  const view = changeView(result);
  if (!change || !view) return null;
  const unit = chartUnit(view.current.column.unit);
  const title = measureTitle(view.current.column);
  if (view.period !== null && plan.sort?.by === 'measure' && view.groups.length === 0) {
    // A ranking of periods keeps its order: the largest change first, each by how much it moved.
    const period = view.period;
    const ranked = result.rows.filter((row) => numberAt(row, view.delta.index) !== null);
    return {
      kind: 'bar',
      ...heading,
      x: { title: period.column.name, scale: 'category' },
      y: { title: titleWithUnit(`Change in ${title} vs the previous ${change.grain}`, unit), unit },
      labels: ranked.map((row) => periodLabel(isoAt(row, period.index) ?? '', change.grain)),
      series: [{ name: `Change in ${title}`, values: ranked.map((row) => numberAt(row, view.delta.index)) }],
    };
  }
  if (view.period !== null) {
    const period = view.period;
    const labels = [...new Set(result.rows.map((row) => isoAt(row, period.index) ?? ''))].sort();
    if (view.groups.length > 0) return null;
    const values = labels.map((iso) => {
      const row = result.rows.find((r) => isoAt(r, period.index) === iso);
      return row ? numberAt(row, view.percent.index) : null;
    });
    const against =
      change.against === 'year_ago'
        ? 'a year earlier'
        : change.against === 'previous'
          ? `the previous ${change.grain}`
          : 'the base';
    const spec: CategoricalSpec = {
      kind: plan.chart === 'line' ? 'line' : 'bar',
      ...heading,
      x: { title: period.column.name, scale: 'time', grain: change.grain },
      y: { title: `% change in ${title} vs ${against}`, unit: { kind: 'percent' } },
      labels,
      series: [{ name: `% change in ${title}`, values }],
    };
    return spec;
  }
  if (!result.change) return null;
  const names = periodNames(change, result.change, result.lastDate);
  if (view.groups.length === 0) {
    const row = result.rows[0];
    const current = row ? numberAt(row, view.current.index) : null;
    const percent = row ? numberAt(row, view.percent.index) : null;
    if (current === null) return null;
    const kpi: KpiSpec = {
      kind: 'kpi',
      ...heading,
      value: current,
      label: `${title}, ${names.currentShort}`,
      unit,
      ...(percent !== null && { delta: { value: percent, label: `vs ${names.baseShort}` } }),
    };
    return kpi;
  }
  const rows = result.rows;
  const labels = rows.map((row) => view.groups.map((g) => groupLabel(row, g)).join(' \u00b7 '));
  return {
    kind: labels.some((l) => l.length > 14) ? 'horizontal-bar' : 'bar',
    ...heading,
    x: { title: view.groups.map((g) => g.column.name).join(' \u00b7 '), scale: 'category' },
    y: { title: titleWithUnit(title, unit), unit },
    labels,
    series: [
      { name: names.baseShort, values: rows.map((row) => numberAt(row, view.base.index)) },
      { name: names.currentShort, values: rows.map((row) => numberAt(row, view.current.index)) },
    ],
  };
}
