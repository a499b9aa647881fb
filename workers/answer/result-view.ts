import { parseIsoDate } from '../../charts/iso-date';
import type { DatasetMeta, TimeGrain } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultColumn, ResultTable, ResultValue } from '../plan/result-table';
import { isAdditive } from './measure-words';
import { periodLabel } from './period-words';
import { compareText } from '../../core/text-order';

/** A column of the result with its position in each row. */
export interface IndexedColumn {
  index: number;
  column: ResultColumn;
}

/** A time group with the grain its values were truncated to. */
export interface TimeColumn extends IndexedColumn {
  grain: TimeGrain;
}

/** The result's columns by role: at most one time group, the other groups, the measures. */
export interface ResultView {
  time: TimeColumn | null;
  dimensions: IndexedColumn[];
  measures: IndexedColumn[];
}

/** One bucket of a time series: its ISO start and value. */
export interface TimePoint {
  iso: string;
  value: number;
}

/** One group of a breakdown and its value. */
export interface Part {
  label: string;
  value: number;
}

/**
 * Sorts the result's columns by role. A time group's grain comes from the
 * column, else the plan's dimension, else the dataset's natural grain.
 */
export function viewResult(plan: AnalysisPlan, result: ResultTable, meta: DatasetMeta): ResultView {
  const indexed = result.columns.map((column, index) => ({ index, column }));
  const time = indexed.find(({ column }) => column.role === 'time');
  return {
    time: time === undefined ? null : { ...time, grain: grainOf(time.column, plan, meta) },
    dimensions: indexed.filter(
      ({ column }) => column.role === 'dimension' || (column.role === 'time' && column !== time?.column),
    ),
    // A share column ("Share of Total Sales") restates the first measure; the answer works from the measure itself.
    measures: indexed.filter(({ column }) => column.role === 'measure' && column.source?.aggregation !== 'share'),
  };
}

function grainOf(column: ResultColumn, plan: AnalysisPlan, meta: DatasetMeta): TimeGrain {
  return (
    column.grain ??
    plan.dimensions.find((d) => d.column === column.name)?.grain ??
    meta.columns.find((c) => c.name === column.name)?.grain ??
    'day'
  );
}

/** Whether the result has nothing to say: no rows, or none of the dataset's rows matched. */
export function isEmptyResult(result: ResultTable): boolean {
  return result.matchedRows === 0 || (result.rows.length === 0 && (result.bins ?? []).every((b) => b.count === 0));
}

/** A finite number at `index`, or null. */
export function numberAt(row: readonly ResultValue[], index: number): number | null {
  const value = row[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A time value as ISO text; a year column's numbers become years ("2016"). */
export function isoAt(row: readonly ResultValue[], index: number): string | null {
  const value = row[index];
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : null;
  return typeof value === 'string' ? value : null;
}

/** A group value as people read it; a time value at its grain. */
export function groupLabel(row: readonly ResultValue[], group: IndexedColumn, grain?: TimeGrain): string {
  if (grain !== undefined) {
    const iso = isoAt(row, group.index);
    if (iso !== null) return periodLabel(iso, grain);
  }
  const value = row[group.index];
  return value === null || value === undefined || value === '' ? '(blank)' : String(value);
}

/**
 * The measure over time, oldest first. With a second group (a split by
 * category) the buckets are totalled, which only an additive measure allows;
 * otherwise null. Buckets without a value are left out.
 */
export function timeSeries(result: ResultTable, view: ResultView, measure: IndexedColumn): TimePoint[] | null {
  if (view.time === null) return null;
  if (view.dimensions.length > 0 && !isAdditive(measure.column)) return null;
  const totals = new Map<string, number>();
  for (const row of result.rows) {
    const iso = isoAt(row, view.time.index);
    const value = numberAt(row, measure.index);
    if (iso === null || value === null) continue;
    totals.set(iso, (totals.get(iso) ?? 0) + value);
  }
  return [...totals].map(([iso, value]) => ({ iso, value })).sort((a, b) => compareIso(a.iso, b.iso));
}

/** Orders ISO dates by time, whatever their precision; text that is not a date sorts as text. */
export function compareIso(a: string, b: string): number {
  return timeOf(a) - timeOf(b) || compareText(a, b);
}

// NaN for text that is not a date, so the comparison above falls back to the text.
function timeOf(iso: string): number {
  return parseIsoDate(iso)?.getTime() ?? Number.NaN;
}

/**
 * One part per row, labelled by all of its groups ("West · Technology"), in
 * the result's order; rows without a value are left out.
 */
export function partsOf(result: ResultTable, view: ResultView, measure: IndexedColumn): Part[] {
  const groups: { group: IndexedColumn; grain?: TimeGrain }[] = [
    ...(view.time === null ? [] : [{ group: view.time, grain: view.time.grain }]),
    ...view.dimensions.map((group) => ({ group })),
  ];
  const parts: Part[] = [];
  for (const row of result.rows) {
    const value = numberAt(row, measure.index);
    if (value === null) continue;
    parts.push({ label: groups.map(({ group, grain }) => groupLabel(row, group, grain)).join(' \u00b7 '), value });
  }
  return parts;
}

/**
 * The measure totalled by some of the groups, in order of first appearance:
 * Sales by Category from Sales by month and Category. Only for additive measures.
 */
export function totalsBy(result: ResultTable, groups: readonly IndexedColumn[], measure: IndexedColumn): Part[] {
  const totals = new Map<string, number>();
  for (const row of result.rows) {
    const value = numberAt(row, measure.index);
    if (value === null) continue;
    const label = groups.map((group) => groupLabel(row, group)).join(' \u00b7 ');
    totals.set(label, (totals.get(label) ?? 0) + value);
  }
  return [...totals].map(([label, value]) => ({ label, value }));
}

/** Whether the plan ranks groups by the measure ("top 5 months") rather than following time. */
export function ranksByMeasure(plan: AnalysisPlan): boolean {
  return plan.sort?.by === 'measure';
}
