import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import { nameWords } from './question-tokens';

/**
 * Superlatives that carry their measure in the adjective ("the rainiest
 * month", "the costliest phase of flight"): each names a quality, the words
 * a column carrying it would have in its name, and which end is meant. The
 * column is looked up in the dataset's own profile; no column, no answer.
 */
interface Quality {
  /** The superlative forms, as typed. */
  forms: string[];
  /** Name words of a measure column that carries the quality (matched as word starts). */
  carriers: string[];
  direction: 'highest' | 'lowest';
  /** Name words that settle a tie ("temp_max" for the hottest). */
  prefer?: string[];
  /** With no carrier column, count the rows ("the busiest month": the most rows). */
  rowsWhenNone?: boolean;
}

const TEMPERATURE = ['temp', 'temperature', 'heat'];
const COST = ['cost', 'costs', 'price', 'expense', 'spend', 'amount'];
const POPULAR = ['quantity', 'units', 'sold', 'count'];
const SELLING = [...POPULAR, 'sales', 'revenue'];

const QUALITIES: Quality[] = [
  { forms: ['rainiest', 'wettest'], carriers: ['precipitation', 'rain', 'rainfall'], direction: 'highest' },
  { forms: ['driest'], carriers: ['precipitation', 'rain', 'rainfall'], direction: 'lowest' },
  { forms: ['snowiest'], carriers: ['snow', 'snowfall'], direction: 'highest' },
  { forms: ['hottest', 'warmest'], carriers: TEMPERATURE, direction: 'highest', prefer: ['max', 'high'] },
  { forms: ['coldest', 'coolest'], carriers: TEMPERATURE, direction: 'lowest', prefer: ['min', 'low'] },
  { forms: ['windiest'], carriers: ['wind', 'gust'], direction: 'highest' },
  { forms: ['costliest', 'most expensive', 'priciest'], carriers: COST, direction: 'highest', prefer: ['total'] },
  { forms: ['cheapest', 'least expensive'], carriers: COST, direction: 'lowest', prefer: ['total'] },
  {
    forms: ['deadliest', 'most deadly', 'most fatal'],
    carriers: ['deaths', 'fatalities', 'killed'],
    direction: 'highest',
  },
  { forms: ['busiest'], carriers: ['count', 'volume', 'visits', 'traffic'], direction: 'highest', rowsWhenNone: true },
  { forms: ['quietest'], carriers: ['count', 'volume', 'visits', 'traffic'], direction: 'lowest', rowsWhenNone: true },
  { forms: ['most popular'], carriers: POPULAR, direction: 'highest', rowsWhenNone: true },
  { forms: ['least popular'], carriers: POPULAR, direction: 'lowest', rowsWhenNone: true },
  // "Best selling" is said of units sold and of revenue alike: where the data has both, it asks which.
  {
    forms: ['best selling', 'best-selling', 'top selling'],
    carriers: SELLING,
    direction: 'highest',
    rowsWhenNone: true,
  },
  { forms: ['worst selling', 'worst-selling'], carriers: SELLING, direction: 'lowest', rowsWhenNone: true },
  { forms: ['most profitable'], carriers: ['profit', 'profits', 'earnings'], direction: 'highest' },
  { forms: ['least profitable'], carriers: ['profit', 'profits', 'earnings'], direction: 'lowest' },
  { forms: ['richest', 'wealthiest'], carriers: ['income', 'wealth', 'gdp'], direction: 'highest' },
  { forms: ['poorest'], carriers: ['income', 'wealth', 'gdp'], direction: 'lowest' },
  { forms: ['most populous', 'most populated'], carriers: ['population'], direction: 'highest' },
  { forms: ['least populous', 'least populated'], carriers: ['population'], direction: 'lowest' },
  { forms: ['oldest'], carriers: ['age'], direction: 'highest' },
  { forms: ['youngest'], carriers: ['age'], direction: 'lowest' },
];

const FORMS = QUALITIES.flatMap((q) => q.forms.map((form) => ({ form, quality: q }))).sort(
  (a, b) => b.form.length - a.form.length,
);
const FORM_PATTERN = new RegExp(`\\b(?:the )?(${FORMS.map((f) => f.form).join('|')})\\b`, 'i');

export type SuperlativeReading =
  { kind: 'none' } | { kind: 'read'; question: string; understood: string } | { kind: 'problem'; problem: string };

/** The measure columns that carry a quality, narrowed by its preferred words when several do. */
function carriers(quality: Quality, columns: readonly ColumnProfile[]): ColumnProfile[] {
  const found = columns.filter(
    (c) => c.role === 'measure' && nameWords(c.name).some((w) => quality.carriers.some((k) => w.startsWith(k))),
  );
  if (found.length <= 1 || !quality.prefer) return found;
  const preferred = found.filter((c) => nameWords(c.name).some((w) => quality.prefer?.includes(w)));
  return preferred.length > 0 ? preferred : found;
}

/**
 * Rewrites a superlative without a measure word into the ranking it means,
 * with the column the profile says carries it: "rainiest month" becomes
 * "which month had the highest precipitation". Where no column carries the
 * quality, or several do, it is a problem rather than a guess.
 *
 * @example
 * readSuperlative('coldest year', meta) // { kind: 'read', question: 'which year had the lowest temp', … }
 */
export function readSuperlative(question: string, meta: DatasetMeta): SuperlativeReading {
  const match = FORM_PATTERN.exec(question);
  const form = match?.[1]?.toLowerCase();
  const found = FORMS.find((f) => f.form === form);
  if (!match || !found) return { kind: 'none' };
  const { quality } = found;
  const columns = carriers(quality, meta.columns);
  if (columns.length > 1) {
    return {
      kind: 'problem',
      problem: `"${form}" could mean ${columns.map((c) => c.name).join(' or ')}; name the column`,
    };
  }
  const [column] = columns;
  if (!column && !quality.rowsWhenNone) {
    return { kind: 'problem', problem: `no column says how ${form} something is; name the column to rank by` };
  }
  const measure = column
    ? `the ${quality.direction} ${column.name}`
    : quality.direction === 'highest'
      ? 'the most rows'
      : 'the fewest rows';
  const before = question.slice(0, match.index).trim();
  const after = question.slice(match.index + match[0].length).trim();
  // "which day was the hottest": the superlative is the predicate; "rainiest month": it qualifies the noun.
  const predicate = /\b(?:was|is|were|are|had|has)$/i.test(before);
  const rewritten = predicate
    ? `${before.replace(/\b(?:was|is|were|are|had|has)$/i, 'had')} ${measure} ${after}`
    : `${/\bwhich\b/i.test(before) ? before : `${before} which`} ${after.replace(/^(\S+(?: of (?:the )?\S+)?)/, `$1 had ${measure}`)}`;
  const carrier = column ? column.name : 'the number of rows';
  return {
    kind: 'read',
    question: rewritten.replace(/\s+/g, ' ').trim(),
    understood: `"${form}" read as the ${quality.direction} ${carrier}`,
  };
}
