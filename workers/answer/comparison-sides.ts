import { parseIsoDate } from '../../charts/iso-date';
import type { AnalysisPlan, ComparisonSide } from '../plan/analysis-plan';
import type { ResultTable, ResultValue } from '../plan/result-table';
import { isAdditive } from './measure-words';
import { type IndexedColumn, numberAt, type ResultView } from './result-view';
import { compareText } from '../../core/text-order';

/** One side of a comparison with its value of the first measure. */
export interface SideValue {
  label: string;
  value: number;
}

/** The sides' values, and which two the answer leads with. */
export interface ResolvedComparison {
  sides: SideValue[];
  /** The side the question is about: the latest period, or the first value named ("West" in "West vs East"). */
  subject: SideValue;
  /** What the subject is measured against: the period before it, or the second value named. */
  reference: SideValue;
  /** Whether the sides are periods of a time column. */
  overTime: boolean;
  measure: IndexedColumn;
}

/**
 * The value of each side of the plan's comparison, or null when the result
 * cannot be read that way. Rows are matched to sides by the side's label, its
 * period or its values in any group column; failing that, by position, since
 * the result has one group per side, in order. A side spread over several rows
 * (split by another group) is totalled when the measure allows it.
 */
export function resolveComparison(
  plan: AnalysisPlan,
  result: ResultTable,
  view: ResultView,
): ResolvedComparison | null {
  const measure = view.measures[0];
  const sides = plan.comparison?.sides;
  if (measure === undefined || sides === undefined) return null;
  const groups = [...(view.time === null ? [] : [view.time]), ...view.dimensions];
  // The column the plan compares on is the likeliest home of the sides.
  const named = groups.filter(({ column }) => column.name === plan.comparison?.column);
  const ordered = [...named, ...groups.filter((group) => !named.includes(group))];
  let rowsBySide: (readonly ResultValue[])[][] | null = null;
  for (const group of ordered) {
    const matched = sides.map((side) => result.rows.filter((row) => belongs(row[group.index], side)));
    if (matched.every((rows) => rows.length > 0)) {
      rowsBySide = matched;
      break;
    }
  }
  if (rowsBySide === null && result.rows.length === sides.length) rowsBySide = result.rows.map((row) => [row]);
  if (rowsBySide === null) return null;

  const values: SideValue[] = [];
  for (const [index, rows] of rowsBySide.entries()) {
    const value = sideValue(rows, measure);
    if (value === null) return null;
    values.push({ label: (sides[index] as ComparisonSide).label, value });
  }
  const overTime = sides.every((side) => side.from !== undefined || side.to !== undefined);
  const [subject, reference] = overTime ? latestTwo(sides, values) : values;
  if (subject === undefined || reference === undefined) return null;
  return { sides: values, subject, reference, overTime, measure };
}

// Periods may be named in any order ("2017 vs 2016"); the latest is the news.
function latestTwo(sides: readonly ComparisonSide[], values: readonly SideValue[]): (SideValue | undefined)[] {
  const byTime = values
    .map((value, index) => ({ value, key: sides[index]?.from ?? sides[index]?.to ?? '' }))
    .sort((a, b) => compareText(b.key, a.key));
  return byTime.slice(0, 2).map(({ value }) => value);
}

function belongs(value: ResultValue | undefined, side: ComparisonSide): boolean {
  if (value === null || value === undefined) return false;
  if (String(value) === side.label) return true;
  if (side.values?.some((v) => String(v) === String(value))) return true;
  if (side.from === undefined && side.to === undefined) return false;
  // Compared as instants: as text, "2017" would sort before "2017-01-01".
  const time = parseIsoDate(String(value))?.getTime();
  const from = side.from === undefined ? null : (parseIsoDate(side.from)?.getTime() ?? Number.NaN);
  const to = side.to === undefined ? null : (parseIsoDate(side.to)?.getTime() ?? Number.NaN);
  if (time === undefined) return false;
  return (from === null || time >= from) && (to === null || time < to);
}

function sideValue(rows: readonly (readonly ResultValue[])[], measure: IndexedColumn): number | null {
  const values = rows.map((row) => numberAt(row, measure.index)).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] as number;
  return isAdditive(measure.column) ? values.reduce((sum, v) => sum + v, 0) : null;
}
