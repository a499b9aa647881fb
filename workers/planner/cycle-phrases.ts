import type { ColumnProfile, DatasetMeta, TimeGrain } from '../../core/dataset';
import type { AnalysisPlan, Cycle, Measure } from '../plan/analysis-plan';
import { isRateColumn } from '../plan/rate-columns';
import { defaultAggregation } from './dataset-defaults';
import { DEFAULT_RANKING_LIMIT } from './plan-assembly';
import { fold, nameWords } from './question-tokens';

/**
 * Cyclic grains as people name them: "by weekday", "hour of day", "month of
 * the year across all years". The reader knows calendar grains only, so the
 * phrase becomes the grain it cycles over ("by day"); the plan's dimension at
 * that grain is then turned into the cycle. A plan without such a dimension
 * keeps the grain, and the coverage check declines it.
 */
const PHRASES: [RegExp, Cycle, string][] = [
  [/\b(?:week ?days?|days? of (?:the )?week)\b/, 'day_of_week', 'day'],
  [/\bhours? of (?:the )?day\b/, 'hour_of_day', 'hour'],
  [/\bmonths? of (?:the )?year\b/, 'month_of_year', 'month'],
  [/\bquarters? of (?:the )?year\b/, 'quarter_of_year', 'quarter'],
];

/** "across all years", "regardless of year": what the cycle already says. */
const ACROSS = /\s*\b(?:across|over|regardless of|for) (?:all |every )?(?:the )?(?:years?|days|weeks)\b/;

export type CyclePhrase =
  | { kind: 'none' }
  | {
      kind: 'read';
      question: string;
      cycle: Cycle;
      understood: string;
      /** "highest sales on average": the average of each period's total, not of each row. */
      periodAverage: boolean;
    };

/** "on average" after a cycle asks how big a typical period is: November's total in an average year. */
const ON_AVERAGE = /\bon (?:an? )?average\b/;

export function readCyclePhrase(question: string, meta: DatasetMeta): CyclePhrase {
  const text = fold(question);
  for (const [pattern, cycle, grain] of PHRASES) {
    const match = pattern.exec(text);
    if (!match || namesColumn(match[0], meta)) continue;
    const rest = `${text.slice(0, match.index)}${grain}${text.slice(match.index + match[0].length)}`;
    return {
      kind: 'read',
      question: rest.replace(ACROSS, ''),
      cycle,
      understood: `group by: ${CYCLE_NAME[cycle].toLowerCase()} (from "${match[0]}")`,
      periodAverage: ON_AVERAGE.test(text),
    };
  }
  return { kind: 'none' };
}

/** As the result names the cycle's column (see `CYCLE_NAME` in the compiler, which this module does not load). */
const CYCLE_NAME: Readonly<Record<Cycle, string>> = {
  day_of_week: 'Day of Week',
  hour_of_day: 'Hour of Day',
  month_of_year: 'Month of Year',
  quarter_of_year: 'Quarter of Year',
};

const GRAIN_OF: Readonly<Record<Cycle, TimeGrain>> = {
  day_of_week: 'day',
  hour_of_day: 'hour',
  month_of_year: 'month',
  quarter_of_year: 'quarter',
};

/**
 * The plan with its time dimension at the cycle's grain grouped by the cycle
 * instead, in the cycle's natural order; null when there is no such dimension.
 */
export function withCycle(
  plan: AnalysisPlan,
  cycle: Cycle,
  meta: DatasetMeta,
  understood: string[] = [],
  periodAverage = false,
): AnalysisPlan | null {
  const grain = GRAIN_OF[cycle];
  const index = plan.dimensions.findIndex((d) => d.grain === grain);
  const dimension = plan.dimensions[index];
  const column = meta.columns.find((c) => c.name === dimension?.column);
  if (!dimension || !column || !(column.type === 'date' || column.type === 'datetime')) return null;
  if (cycle === 'hour_of_day' && column.type !== 'datetime') return null;
  const dimensions = plan.dimensions.map((d, i) => (i === index ? { column: d.column, cycle } : d));
  // A cycle has a few members: a ranking's default cut would hide some ("the 10 shown" of 12 months).
  const limit = plan.limit === DEFAULT_RANKING_LIMIT ? undefined : plan.limit;
  if (limit !== plan.limit) {
    const at = understood.findIndex((line) => line.startsWith('answer: the '));
    if (at >= 0) understood[at] = (understood[at] ?? '').replace(/ \(showing \d+ for context\)$/, ' (showing all)');
  }
  const grainName = grain.charAt(0).toUpperCase() + grain.slice(1);
  const measures = periodAverage
    ? plan.measures.map((m) => periodTotalAverage(m, column, cycle, meta, understood))
    : plan.measures;
  return {
    ...plan,
    measures,
    dimensions,
    limit,
    chart: plan.chart === 'line' ? 'bar' : plan.chart,
    title: plan.title.replace(new RegExp(`\\b${grainName}\\b`), CYCLE_NAME[cycle]).slice(0, 200),
  };
}

function namesColumn(words: string, meta: DatasetMeta): boolean {
  return meta.columns.some((c) => ` ${nameWords(c.name).join(' ')} `.includes(` ${words} `));
}

/** What a cycle's position repeats over: each January is one year's. */
const OUTER: Readonly<Record<Cycle, string>> = {
  day_of_week: 'weeks',
  hour_of_day: 'days',
  month_of_year: 'years',
  quarter_of_year: 'years',
};

const PERIODIC: Readonly<Record<string, string>> = {
  hour: 'Hourly',
  day: 'Daily',
  month: 'Monthly',
  quarter: 'Quarterly',
};

/**
 * An average of an amount (sales, not a price or a rate) as the average of
 * each period's total: a month's sales summed, over the number of those
 * months in the data (one a year). Any other measure is left as it was.
 */
function periodTotalAverage(
  measure: Measure,
  time: ColumnProfile,
  cycle: Cycle,
  meta: DatasetMeta,
  understood: string[],
): Measure {
  const grain = GRAIN_OF[cycle];
  const column = meta.columns.find((c) => c.name === measure.column);
  if (measure.aggregation !== 'avg' || measure.per || !column || column.role !== 'measure') return measure;
  if (defaultAggregation(column) !== 'sum' || isRateColumn(column)) return measure;
  understood.push(
    `measure: each ${grain}'s total ${column.name}, averaged over the ${OUTER[cycle]} in the data (from "on average")`,
  );
  return {
    column: column.name,
    aggregation: 'sum',
    per: { column: time.name, aggregation: 'count_distinct', grain },
    label: `Average ${PERIODIC[grain] ?? ''} ${column.name}`.replace(/\s+/g, ' ').slice(0, 60),
  };
}
