import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { Comparator, Filter } from '../plan/analysis-plan';
import { pickColumns } from './column-choice';
import { findColumns } from './column-match';
import { moneyRank } from './column-synonyms';
import { defaultAggregation } from './dataset-defaults';
import { fold } from './question-tokens';

/**
 * Conditions on numbers as people write them: "sales over $5,000", "more
 * than 1,500 units", "$2 million", "at least 10k", "a discount of at least
 * 0.5". Each becomes a `compare` filter on the measure column it is next to,
 * and is taken out of the question so the rest reads as before.
 */

const COMPARATORS: [RegExp, Comparator][] = [
  [/^(?:at least|no less than|not less than|a minimum of|minimum of|min of|or more)$/, '>='],
  [/^(?:at most|no more than|not more than|up to|a maximum of|maximum of|or less)$/, '<='],
  [/^(?:over|above|more than|greater than|higher than|exceeding|exceeds|bigger than|larger than|>)$/, '>'],
  [/^(?:under|below|less than|fewer than|lower than|smaller than|<)$/, '<'],
];

const COMPARATOR_WORDS =
  'at least|no less than|not less than|a minimum of|minimum of|at most|no more than|not more than|up to|a maximum of|maximum of|over|above|more than|greater than|higher than|exceeding|exceeds|bigger than|larger than|under|below|less than|fewer than|lower than|smaller than|>|<';

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const NUMBER = `[$€£]?\\s?(\\d[\\d,]*(?:\\.\\d+)?|\\.\\d+)\\s?(k|thousand|mn|million|bn|billion|m|b)?\\b`;
const CONDITION = new RegExp(`\\b(${COMPARATOR_WORDS})\\s+${NUMBER}`, 'i');

/** Words that may stand between a measure and its condition: "a discount of at least 0.5", "costing more than". */
const LINKS = new Set([
  'of',
  'a',
  'an',
  'with',
  'is',
  'was',
  'are',
  'were',
  'the',
  'that',
  'where',
  'whose',
  'had',
  'has',
]);

export type NumberFilterReading =
  | { kind: 'none' }
  | { kind: 'read'; question: string; filter: Filter; understood: string; label: string; from: string }
  | { kind: 'problem'; problem: string };

const comparatorOf = (words: string): Comparator => COMPARATORS.find(([pattern]) => pattern.test(words))?.[1] ?? '>';

/** A measure column named by up to three words, or null. */
function measureNamed(words: readonly string[], meta: DatasetMeta): ColumnProfile | null {
  if (words.length === 0) return null;
  const [column, other] = pickColumns(findColumns(words.map(fold), meta.columns), 'measure', ['total']);
  return column && !other ? column : null;
}

/** The column a condition is next to: the words after the number ("more than 10 units"), else before it. */
function conditionColumn(
  before: string[],
  after: string[],
  meta: DatasetMeta,
): { column: ColumnProfile; take: 'before' | 'after'; count: number } | null {
  for (let n = Math.min(3, after.length); n > 0; n--) {
    const column = measureNamed(after.slice(0, n), meta);
    if (column) return { column, take: 'after', count: n };
  }
  const words = [...before];
  let skipped = 0;
  while (words.length > 0 && LINKS.has(words[words.length - 1] ?? '')) {
    words.pop();
    skipped++;
  }
  for (let n = Math.min(3, words.length); n > 0; n--) {
    const column = measureNamed(words.slice(words.length - n), meta);
    if (column) return { column, take: 'before', count: n + skipped };
  }
  return null;
}

/**
 * Reads one numeric condition out of a question.
 *
 * @example
 * readNumberFilter('profit from sales over $5,000', meta)
 * // { kind: 'read', question: 'profit from', filter: { op: 'compare', column: 'Sales', comparator: '>', value: 5000 }, … }
 */
export function readNumberFilter(
  question: string,
  meta: DatasetMeta,
  options: { entity: boolean } = { entity: false },
): NumberFilterReading {
  const match = CONDITION.exec(question);
  if (!match?.[1] || !match[2]) return readZeroFilter(question, meta);
  const scale = SCALES[(match[3] ?? '').toLowerCase()] ?? 1;
  const value = Number(match[2].replace(/,/g, '')) * scale;
  const comparator = comparatorOf(match[1].toLowerCase());
  const head = question.slice(0, match.index);
  const tail = question.slice(match.index + match[0].length);
  const before = head.split(/\s+/).filter(Boolean);
  const after = tail.split(/\s+/).filter(Boolean);
  const money = /[$€£]/.test(match[0]);
  const found =
    conditionColumn(before.map(fold), after.map(fold), meta) ?? (money ? amountColumn(meta, options.entity) : null);
  if (!found) {
    return {
      kind: 'problem',
      problem: `I could not tell which column "${match[0].trim()}" is about; name it, as in "Sales over 5000"`,
    };
  }
  const kept =
    found.take === 'after'
      ? [...before, ...after.slice(found.count)]
      : [...before.slice(0, before.length - found.count), ...after];
  if (kept.length === 0) {
    // "sales over 500" alone could be rows, orders or a total: ask rather than pick one.
    return {
      kind: 'problem',
      problem: `I could not tell what to measure for "${match[2]}": rows, a total or whole orders; ask, e.g., "number of rows with ${found.column.name} over ${match[2]}"`,
    };
  }
  const shown = value.toLocaleString('en-US');
  const label = `${found.column.name} ${comparator} ${shown}`;
  const unnamed = found.count === 0 ? `; no column named, so the amount is ${found.column.name}` : '';
  const from = `from "${match[0].trim()}"${unnamed}`;
  return {
    kind: 'read',
    question: kept.join(' '),
    filter: { op: 'compare', column: found.column.name, comparator, value },
    understood: `filter: ${label} (${from})`,
    label,
    from,
  };
}

/**
 * The column a money amount with no column named is about ("orders over
 * $500"): the one money column that adds up, or, for an amount of an order or
 * a customer, the one revenue column (an order of $500 is its sales, not its
 * profit). Null when that leaves a choice.
 */
function amountColumn(meta: DatasetMeta, entity: boolean): { column: ColumnProfile; take: 'after'; count: 0 } | null {
  const money = meta.columns.filter(
    (c) => c.role === 'measure' && (c.type === 'currency' || moneyRank(c) !== null) && defaultAggregation(c) === 'sum',
  );
  const [only, other] = money.length === 1 || !entity ? money : money.filter((c) => moneyRank(c) === 0);
  return only && !other ? { column: only, take: 'after', count: 0 } : null;
}

/** "no precipitation", "zero precipitation", "precipitation of 0", "precipitation = 0". */
const ZERO_BEFORE = /\b(?:no|zero)\s+([\p{L}_-]+(?:\s+[\p{L}_-]+){0,2})/iu;
const ZERO_AFTER = /\b([\p{L}_-]+(?:\s+[\p{L}_-]+){0,2}?)\s+(?:of|=|equal to|equals|is|was)\s+(?:0|zero)(?![\d.,])/iu;

/**
 * A measure that is zero: a filter `<= 0` on a column that is never negative (days without rain),
 * so that it keeps exactly the zeros. On a column that can be negative "no profit" could mean none
 * or a loss, and is not read.
 */
function readZeroFilter(question: string, meta: DatasetMeta): NumberFilterReading {
  for (const pattern of [ZERO_BEFORE, ZERO_AFTER]) {
    const match = pattern.exec(question);
    const words = match?.[1]?.split(/\s+/).map(fold) ?? [];
    // The longest run of words that names one measure, nearest the zero.
    for (let n = words.length; match && n > 0; n--) {
      const named = pattern === ZERO_BEFORE ? words.slice(0, n) : words.slice(words.length - n);
      const column = measureNamed(named, meta);
      if (!column) continue;
      if (column.min === undefined || column.min < 0) return { kind: 'none' };
      const kept = pattern === ZERO_BEFORE ? match[1]?.split(/\s+/).slice(n) : match[1]?.split(/\s+/).slice(0, -n);
      const rest = [question.slice(0, match.index), ...(kept ?? []), question.slice(match.index + match[0].length)]
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      const label = `${column.name} = 0`;
      // "no precipitation by month" counts the dry rows; a total of zeros would say nothing.
      const measured = rest.split(' ').some((word) => measureNamed([fold(word)], meta) !== null);
      const counted = /\b(?:how many|number of|count|days|rows)\b/i.test(rest);
      return {
        kind: 'read',
        question: measured || counted ? rest : `number of rows ${rest}`.trim(),
        filter: { op: 'compare', column: column.name, comparator: '<=', value: 0 },
        understood: `filter: ${label} (from "${match[0].trim()}"; it is never below 0)`,
        label,
        from: `from "${match[0].trim()}"`,
      };
    }
  }
  return { kind: 'none' };
}
