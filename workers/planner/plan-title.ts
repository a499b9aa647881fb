import type { DatasetMeta } from '../../core/dataset';
import type { Aggregation, Measure } from '../plan/analysis-plan';
import { periodCountName } from '../plan/measure-columns';
import type { PlanShape } from './chart-choice';
import type { Ranking } from './question-reading';
import { nameWords } from './question-tokens';

const MAX_TITLE = 200;

const AGGREGATION_WORDS: Record<Exclude<Aggregation, 'count' | 'count_distinct'>, string> = {
  sum: 'Total',
  avg: 'Average',
  median: 'Median',
  min: 'Minimum',
  max: 'Maximum',
};

const GRAIN_NOUNS: Record<string, string> = {
  hour: 'Hour',
  day: 'Day',
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
};

/**
 * What is counted, in words: `Customer ID` counts customers, `Order ID` orders.
 *
 * @example
 * countedNoun('Customer ID') // 'Customers'
 * countedNoun('City')        // 'Cities'
 */
export function countedNoun(column: string): string {
  const words = column.split(/[\s_]+/).filter(Boolean);
  const generic = ['id', 'name', 'code', 'key', 'number', 'no'];
  const kept =
    words.length > 1 && generic.includes(nameWords(words.at(-1) ?? '')[0] ?? '') ? words.slice(0, -1) : words;
  const noun = kept.join(' ');
  if (/s$/i.test(noun)) return noun;
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  return /(x|ch|sh)$/i.test(noun) ? `${noun}es` : `${noun}s`;
}

/**
 * A measure in words: "Total Sales", "Average Discount", "Number of
 * Customers", "Number of Rows" (or of what the question called the rows:
 * "Number of Strikes"); with the dataset, "Number of Days" for the distinct
 * dates of a column of days.
 */
export function measureLabel(measure: Measure, share = false, rowsNoun = 'rows', meta?: DatasetMeta): string {
  const rows = rowsNoun.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
  if (measure.aggregation === 'count' && share) return rows;
  if (measure.aggregation === 'count')
    return measure.column === null ? `Number of ${rows}` : `Number of ${measure.column} Values`;
  if (measure.aggregation === 'count_distinct') {
    const column = meta?.columns.find((c) => c.name === measure.column) ?? null;
    return `Number of ${periodCountName(measure, column) ?? countedNoun(measure.column ?? 'Rows')}`;
  }
  if (share) return measure.column ?? '';
  return `${AGGREGATION_WORDS[measure.aggregation]} ${measure.column ?? ''}`;
}

const dimensionLabel = (d: { column: string; grain?: string }) =>
  d.grain ? (GRAIN_NOUNS[d.grain] ?? d.column) : d.column;

/**
 * A plain-words title: "Total Sales by Region, 2016", "Top 5 Customer Name by
 * Total Profit", "Share of Sales by Segment", "Discount vs Profit",
 * "Distribution of Sales", "Total Sales, 2016 vs 2017". Filters follow a
 * comma, in the order they were asked.
 */
export function planTitle(
  plan: PlanShape,
  ranking: Ranking | undefined,
  filterLabels: readonly string[],
  rowsNoun?: string,
  meta?: DatasetMeta,
): string {
  const measures = listed(plan.measures.map((m) => m.label ?? measureLabel(m, plan.share, rowsNoun, meta)));
  const groups = listed(plan.dimensions.map(dimensionLabel));
  let title: string;
  if (plan.kind === 'relationship') {
    title = `${plan.measures[0]?.column ?? ''} vs ${plan.measures[1]?.column ?? ''}${groups ? ` by ${groups}` : ''}`;
  } else if (plan.kind === 'distribution') {
    const per = plan.dimensions[0] ? ` per ${countedNoun(plan.dimensions[0].column).replace(/s$/, '')}` : '';
    title = `Distribution of ${per ? measures : (plan.measures[0]?.column ?? '')}${per}`;
  } else if (ranking && groups) {
    const extreme = ranking.direction === 'desc' ? 'Highest' : 'Lowest';
    title = ranking.headline
      ? `${groups} with the ${extreme} ${measures}`
      : `${ranking.direction === 'desc' ? 'Top' : 'Bottom'} ${plan.limit ?? ''} ${groups} by ${measures}`;
  } else if (plan.share) {
    title = `Share of ${measures}${groups ? ` by ${groups}` : ''}`;
  } else {
    title = `${measures}${groups ? ` by ${groups}` : ''}`;
  }
  const comparison = plan.comparison?.sides.map((s) => s.label).join(' vs ');
  const suffix = [comparison, ...filterLabels].filter(Boolean).join(', ');
  const full = suffix ? `${title}, ${suffix}` : title;
  return full.length <= MAX_TITLE ? full : `${full.slice(0, MAX_TITLE - 1)}…`;
}

/** "A", "A and B", "A, B and C". */
function listed(parts: readonly string[]): string {
  return parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}
