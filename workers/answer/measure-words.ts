import type { TimeGrain } from '../../core/dataset';
import type { ResultColumn } from '../plan/result-table';

const AGGREGATION_WORDS: Readonly<Record<string, string>> = {
  avg: 'average',
  median: 'median',
  min: 'minimum',
  max: 'maximum',
  count_distinct: 'distinct',
};

const PERIOD_NOUNS: Readonly<Record<TimeGrain, string>> = {
  hour: 'hours',
  day: 'days',
  week: 'weeks',
  month: 'months',
  quarter: 'quarters',
  year: 'years',
};

/**
 * How a measure reads in the middle of a sentence: the column for a sum
 * ("Sales"), the aggregation before it otherwise ("average Discount",
 * "distinct Customer ID count"), "row count" for a count of rows, "days" for
 * the distinct dates of a column of days (the rainy days a person asked about).
 *
 * @example measureNoun({ name: 'avg_discount', source: { column: 'Discount', aggregation: 'avg' }, ... }) // 'average Discount'
 */
export function measureNoun(column: ResultColumn): string {
  const source = column.source;
  if (source === undefined) return column.name;
  const name = source.column ?? column.name;
  switch (source.aggregation) {
    case 'ratio':
      return column.name;
    case 'sum':
      return name;
    case 'count':
      return source.column === null ? 'row count' : `count of ${name}`;
    case 'count_distinct':
      return source.periods === undefined ? `distinct ${name} count` : PERIOD_NOUNS[source.periods];
    default: {
      const word = AGGREGATION_WORDS[source.aggregation];
      return word === undefined ? name : `${word} ${name}`;
    }
  }
}

/** Whether the measure counts periods ("days"), which read "days per month" rather than "monthly days". */
export function countsPeriods(column: ResultColumn): boolean {
  return column.source?.aggregation === 'count_distinct' && column.source.periods !== undefined;
}

/** Whether the measure counts rows (rather than values of a column). */
export function isRowCount(column: ResultColumn): boolean {
  return column.source?.aggregation === 'count' && column.source.column === null;
}

/** The measure as an axis or KPI label: "Sales", "Average Discount", "Rows". */
export function measureTitle(column: ResultColumn): string {
  if (isRowCount(column)) return 'Rows';
  return capitalize(measureNoun(column));
}

/** "total Sales" for a sum, where "Sales" alone would not say it was added up. */
export function totalNoun(column: ResultColumn): string {
  const noun = measureNoun(column);
  // A pivot's "Sum of Sales" or a "Total Revenue" column already says it is a total.
  if (/^(sum|total)\b/i.test(noun.trim())) return noun;
  return column.source?.aggregation === 'sum' ? `total ${noun}` : noun;
}

/**
 * "were" after a plural-looking sum ("Sales were"), "was" otherwise ("Profit
 * was", "average Sales was"). A guess from the name, good enough for
 * column names, which are mostly nouns.
 */
export function verbFor(column: ResultColumn): 'was' | 'were' {
  const aggregation = column.source?.aggregation;
  if (countsPeriods(column)) return 'were';
  if (aggregation !== undefined && aggregation !== 'sum') return 'was';
  const noun = measureNoun(column).trim();
  // "Sum of Sales was": the sum is the subject, whatever it is of.
  if (/^sum of\b/i.test(noun)) return 'was';
  return /[^su]s$/i.test(noun) ? 'were' : 'was';
}

/** Whether groups of this measure add up to the whole: sums and counts do, averages and distinct counts do not. */
export function isAdditive(column: ResultColumn): boolean {
  const aggregation = column.source?.aggregation;
  return aggregation === 'sum' || aggregation === 'count';
}

/** The first letter in upper case, for a sentence that starts with a noun. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
