import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan, Measure } from '../plan/analysis-plan';
import { measureLabel } from './plan-title';
import { fold, nameWords } from './question-tokens';

/**
 * Ratios as people name them: "profit margin", "profit per unit", "revenue
 * per order", "average order value", "income per person". The reader knows
 * single measures, so the phrase becomes the two measures it divides
 * ("profit and sales", "revenue and number of orders"); a plan of exactly
 * those two aggregates is then turned into one measure, the first per the
 * second. Anything else keeps two measures, and the coverage check declines.
 */
interface RatioRule {
  pattern: RegExp;
  /** The two measures, in words the reader knows; `$1` is the word before "per". */
  words: string;
  /** What the ratio is called, from the two measures' labels. */
  label: (numerator: string, denominator: string, noun?: string) => string;
  percent?: boolean;
  /** What the second measure counts ("orders"): only an identifier of it can be counted. */
  entity?: (match: RegExpExecArray) => string;
}

const ENTITIES = 'orders?|customers?|transactions?|users?|visits?|employees?|clients?|accounts?|invoices?';
/** "as a percentage of", "as a share of" … */
const PART_WORDS = 'percentage|percent|%|share|proportion|fraction|ratio';
/** What "of" names when the part is of the whole, a share rather than a ratio: "as a percentage of the total". */
const WHOLE_WORDS = '(?:total|whole|overall|grand|sum|all|everything)\\b';
const word = (noun: string) => noun.charAt(0).toUpperCase() + noun.slice(1).replace(/s$/, '');

const RULES: RatioRule[] = [
  {
    pattern: /\b(?:profit |gross |net )?margins?\b/,
    words: 'profit and sales',
    label: () => 'Profit Margin',
    percent: true,
  },
  {
    pattern: /\b(?:average (?:order|basket|ticket) (?:value|size)|aov)\b/,
    words: 'sales and number of orders',
    label: () => 'Average Order Value',
    entity: () => 'order',
  },
  {
    // "average sales per order" is the same ratio: the average of each order's total.
    pattern: new RegExp(`\\b(?:(?:average|avg|mean) )?([a-z][a-z_-]*) per (${ENTITIES})\\b`),
    words: '$1 and number of $2',
    label: (n, _d, noun) => `${n} per ${word(noun ?? '')}`,
    entity: (match) => (match[2] ?? '').replace(/s$/, ''),
  },
  {
    // "profit as a percentage of sales": one total over another, not each group's part of the whole.
    pattern: new RegExp(
      `\\b([a-z][a-z_-]*) as an? (?:${PART_WORDS}) of (?!(?:the |our )?${WHOLE_WORDS})(?:the |our )?([a-z][a-z_-]*)\\b`,
    ),
    words: '$1 and $2',
    label: (n, d) => `${n} as % of ${d}`,
    percent: true,
  },
  {
    pattern: /\b([a-z][a-z_-]*) per (?:unit|units|item|items)\b/,
    words: '$1 and units',
    label: (n) => `${n} per Unit`,
  },
  {
    pattern: /\b([a-z][a-z_-]*) per (?:person|capita|head|people)\b/,
    words: '$1 and population',
    label: (n) => `${n} per Person`,
  },
];

export type RatioPhrase =
  | { kind: 'none' }
  | { kind: 'problem'; problem: string }
  | {
      kind: 'read';
      question: string;
      label: (n: string, d: string) => string;
      percent: boolean;
      words: string;
      /** The columns the second measure may count, when it counts things ("orders"); absent: any. */
      counted?: readonly string[];
    };

/** Other names a system gives the thing counted: an order may be filed as an invoice or a transaction. */
const ENTITY_NAMES: Record<string, readonly string[]> = {
  order: ['order', 'invoice', 'transaction', 'receipt'],
  transaction: ['transaction', 'order', 'invoice', 'receipt'],
  invoice: ['invoice', 'order', 'transaction'],
  customer: ['customer', 'client'],
  client: ['client', 'customer'],
};

/** Name words that make a column an identifier of what it names: `Order ID`, `Invoice No`, `Customer Name`. */
const IDENTIFYING = new Set([
  'id',
  'ids',
  'no',
  'nr',
  'num',
  'number',
  'key',
  'ref',
  'reference',
  'code',
  'name',
  'email',
]);

/**
 * The columns that identify one of `entity` ("order"): named for it and an
 * identifier by name or by kind. An `Order Date` or an `Order Priority` is
 * not one: counting its distinct values counts days or priorities, not orders.
 */
function identifierColumns(entity: string, meta: DatasetMeta): string[] {
  const names = ENTITY_NAMES[entity] ?? [entity];
  return meta.columns
    .filter((c) => {
      if (c.role === 'time' || c.role === 'measure') return false;
      const words = nameWords(c.name).map((w) => w.replace(/s$/, ''));
      if (!words.some((w) => names.includes(w))) return false;
      return c.role === 'identifier' || words.length === 1 || words.some((w) => IDENTIFYING.has(w));
    })
    .map((c) => c.name);
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'an' : 'a');

/**
 * "average revenue per row": the plain average, each row taken as one; the
 * way to ask per order when no column identifies orders.
 */
export function readPerRow(question: string): { question: string; words: string } | null {
  const text = fold(question);
  const match = /\b(?:(?:average|avg|mean) )?([a-z][a-z_-]*) per (?:row|record|line)s?\b/.exec(text);
  if (!match) return null;
  return {
    question: `${text.slice(0, match.index)}average ${match[1]}${text.slice(match.index + match[0].length)}`,
    words: match[0],
  };
}

export function readRatioPhrase(question: string, meta: DatasetMeta): RatioPhrase {
  const text = fold(question);
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match || namesColumn(match[0], meta)) continue;
    const noun = match[2];
    const entity = rule.entity?.(match);
    const counted = entity === undefined ? undefined : identifierColumns(entity, meta);
    if (entity !== undefined && counted?.length === 0) {
      const measure = match[1] && !/^(?:average|avg|mean)$/.test(match[1]) ? match[1] : 'sales';
      return {
        kind: 'problem',
        problem: `I don't see ${article(entity)} ${entity} ID column to count ${entity}s by; ask "average ${measure} per row" if each row is one ${entity}`,
      };
    }
    const replaced = rule.words.replace('$1', match[1] ?? '').replace('$2', noun ?? '');
    return {
      kind: 'read',
      question: `${text.slice(0, match.index)}${replaced}${text.slice(match.index + match[0].length)}`,
      label: (n, d) => rule.label(n, d, noun),
      percent: rule.percent ?? false,
      words: match[0],
      ...(counted && { counted }),
    };
  }
  // "population per hurricane": per a measure the data holds.
  const per = /\b([a-z][a-z_-]*) per ([a-z][a-z_-]*)\b/.exec(text);
  const target = per?.[2]?.replace(/s$/, '');
  if (per && target && measureWords(meta).has(target)) {
    return {
      kind: 'read',
      question: `${text.slice(0, per.index)}${per[1]} and ${per[2]}${text.slice(per.index + per[0].length)}`,
      label: (n) => `${n} per ${word(per[2] ?? '')}`,
      percent: false,
      words: per[0],
    };
  }
  return { kind: 'none' };
}

/**
 * The plan's two measures as one ratio, or null when the plan did not read
 * exactly a total (or count) over a total, a count or a distinct count.
 */
export function withRatio(plan: AnalysisPlan, phrase: Extract<RatioPhrase, { kind: 'read' }>): AnalysisPlan | null {
  // "number of orders" may be read before the total it divides.
  const [first, second] = plan.measures;
  const counts = (m?: Measure) => m?.aggregation === 'count' || m?.aggregation === 'count_distinct';
  const countFirst =
    first?.aggregation === 'count_distinct' || (phrase.counted !== undefined && counts(first) && !counts(second));
  const [numerator, denominator] = countFirst ? [second, first] : [first, second];
  if (plan.kind !== 'aggregate' || plan.measures.length !== 2 || !numerator || !denominator) return null;
  // Orders are counted by their identifier, never by rows or by the days an `Order Date` holds.
  if (
    phrase.counted &&
    (denominator.aggregation !== 'count_distinct' || !phrase.counted.includes(denominator.column ?? ''))
  ) {
    return null;
  }
  if (plan.share || plan.comparison) return null;
  if (numerator.aggregation !== 'sum' && numerator.aggregation !== 'count') return null;
  if (!['sum', 'count', 'count_distinct'].includes(denominator.aggregation)) return null;
  if (numerator.column !== null && numerator.column === denominator.column) return null;
  const name = (m: Measure) => measureLabel(m).replace(/^(Total|Number of) /, '');
  const label = phrase.label(name(numerator), name(denominator)).slice(0, 60);
  const measure: Measure = {
    column: numerator.column,
    aggregation: numerator.aggregation,
    per: { column: denominator.column, aggregation: denominator.aggregation },
    ...(phrase.percent && { format: 'percent' as const }),
    label,
  };
  const both = [plan.measures[0], plan.measures[1]].map((m) => (m ? measureLabel(m) : '')).join(' and ');
  const title = plan.title.includes(both) ? plan.title.replace(both, label) : `${label}: ${plan.title}`;
  const time = plan.dimensions.some((d) => d.grain !== undefined);
  return {
    ...plan,
    measures: [measure],
    chart: plan.dimensions.length === 0 ? 'kpi' : time ? 'line' : 'bar',
    title: title.slice(0, 200),
  };
}

function namesColumn(words: string, meta: DatasetMeta): boolean {
  return meta.columns.some((c) => ` ${nameWords(c.name).join(' ')} `.includes(` ${words} `));
}

function measureWords(meta: DatasetMeta): Set<string> {
  return new Set(
    meta.columns.filter((c) => c.role === 'measure').flatMap((c) => nameWords(c.name).map((w) => w.replace(/s$/, ''))),
  );
}
