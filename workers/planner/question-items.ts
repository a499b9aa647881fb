import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { ChartKind } from '../plan/analysis-plan';
import { findColumns, type ColumnCandidate } from './column-match';
import { dataRange, timeColumns } from './dataset-time';
import { FILLER_WORDS, ROW_NOUNS } from './filler-words';
import { exactMatches } from './exact-matches';
import { NUMBER_WORDS, PHRASES_BY_FIRST_WORD, type Keyword } from './keyword-phrases';
import { quote, singulars, tokenize, type Token } from './question-tokens';
import { findTimeExpressions, type TimeExpression } from './time-expressions';
import type { DataRange } from './time-periods';
import { valueIndex, type ValueIndex, type ValueMatch } from './value-index';
import type { Vocabulary } from './vocabulary';

/** One understood piece of a question, in the order it was typed. */
export type Item = {
  /** Token span, end exclusive. */
  at: number;
  end: number;
  /** The words as typed, for messages ("from \"revenue\""). */
  words: string;
} & (
  | { kind: 'column'; candidates: ColumnCandidate[] }
  | { kind: 'value'; matches: ValueMatch[] }
  | { kind: 'time'; expression: TimeExpression }
  | { kind: 'keyword'; keyword: Keyword }
  | { kind: 'chart'; chart: ChartKind }
  | { kind: 'number'; value: number }
  /** A word of the dataset's own name or a row noun ("strikes", "records"): the rows themselves. */
  | { kind: 'rows' }
  | { kind: 'unknown' }
);

export interface LexedQuestion {
  items: Item[];
  /** The time column time phrases refer to: one named in the question, else the preferred one, else the first. */
  timeColumn: ColumnProfile | null;
  range: DataRange | null;
}

/** Stands in for a range when the dataset has no time column, so time phrases are still recognised (and refused). */
const NO_RANGE: DataRange = { from: '1900-01-01', to: '2100-12-31', grain: 'day' };

/** Words between a value and the column that qualifies it: "Region = West", "the state of Texas". */
const QUALIFIER_LINKS = new Set(['of', 'is', '=', ':', 'the', 'equals', 'equal', 'as']);

/**
 * Reads a question into items, strongest readings first so a weaker one
 * cannot steal their words: exact column names and values (longest first),
 * then time phrases, keywords, and last the fuzzier column references. Every
 * word ends up in an item, or is a filler word, or is reported as unknown.
 *
 * @example
 * lexQuestion('total revenue in the West', meta, vocabulary).items.map((i) => i.kind)
 * // ['keyword', 'column', 'value']
 */
export function lexQuestion(
  question: string,
  meta: DatasetMeta,
  vocabulary: Vocabulary,
  preferredTime: ColumnProfile | null = null,
): LexedQuestion {
  const tokens = tokenize(question);
  const owner: (Item | null)[] = tokens.map(() => null);
  const claim = (item: Item) => {
    for (let k = item.at; k < item.end; k++) owner[k] = item;
  };
  const words = (at: number, end: number) => quote(tokens.slice(at, end));
  const values = valueIndex(vocabulary, meta);

  for (const item of exactMatches(tokens, meta, values, words)) claim(item);

  const named = owner.find((item) => item?.kind === 'column' && item.candidates[0]?.column.role === 'time');
  const timeColumn =
    (named?.kind === 'column' ? named.candidates[0]?.column : undefined) ??
    preferredTime ??
    timeColumns(meta)[0] ??
    null;
  const range = timeColumn ? dataRange(timeColumn) : null;
  const taken = owner.map((o) => o !== null);
  for (const match of findTimeExpressions(tokens, taken, range ?? NO_RANGE)) {
    claim({
      kind: 'time',
      expression: match.expression,
      at: match.start,
      end: match.end,
      words: words(match.start, match.end),
    });
  }

  for (const item of keywordMatches(tokens, owner, words)) claim(item);
  for (const item of looseMatches(tokens, owner, meta, values, words)) claim(item);

  const items = [...new Set(owner.filter((o): o is Item => o !== null))].sort((a, b) => a.at - b.at);
  return { items: absorbQualifiers(items, tokens), timeColumn, range };
}

/** Keyword and chart phrases, longest first at each position, over words not yet taken. */
function keywordMatches(
  tokens: readonly Token[],
  owner: readonly (Item | null)[],
  words: (at: number, end: number) => string,
): Item[] {
  const items: Item[] = [];
  const free = (k: number) => k < tokens.length && owner[k] === null;
  for (let i = 0; i < tokens.length;) {
    const phrase = free(i)
      ? (PHRASES_BY_FIRST_WORD.get(tokens[i]?.text ?? '') ?? []).find((p) =>
          p.words.every((w, k) => free(i + k) && tokens[i + k]?.text === w),
        )
      : undefined;
    if (!phrase) {
      i++;
      continue;
    }
    const end = i + phrase.words.length;
    const base = { at: i, end, words: words(i, end) };
    items.push(
      'keyword' in phrase
        ? { ...base, kind: 'keyword', keyword: phrase.keyword }
        : { ...base, kind: 'chart', chart: phrase.chart },
    );
    const after = tokens[end]?.text ?? '';
    if (
      'keyword' in phrase &&
      (phrase.keyword === 'top' || phrase.keyword === 'bottom') &&
      free(end) &&
      NUMBER_WORDS[after]
    ) {
      items.push({ kind: 'number', value: NUMBER_WORDS[after], at: end, end: end + 1, words: words(end, end + 1) });
      i = end + 1;
    } else i = end;
  }
  return items;
}

/**
 * The words left after the exact passes: partial names, synonyms, plural
 * values, the dataset's own nouns, misspelt names, numbers; anything else is unknown.
 */
function looseMatches(
  tokens: readonly Token[],
  owner: readonly (Item | null)[],
  meta: DatasetMeta,
  values: ValueIndex,
  words: (at: number, end: number) => string,
): Item[] {
  const items: Item[] = [];
  const open = (k: number) => {
    const token = tokens[k];
    return token !== undefined && owner[k] === null && token.kind === 'word' && !FILLER_WORDS.has(token.text);
  };
  const datasetName = meta.name.toLowerCase().replace(/\.[a-z]+$/, '');
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    if (token?.kind === 'number' && owner[i] === null) {
      items.push({ kind: 'number', value: Number(token.text.replace(/,/g, '')), at: i, end: i + 1, words: token.raw });
      i++;
      continue;
    }
    if (!open(i)) {
      i++;
      continue;
    }
    let runEnd = i;
    while (open(runEnd)) runEnd++;
    let matched: Item | null = null;
    for (let length = Math.min(4, runEnd - i); length > 1 && !matched; length--) {
      const phrase = tokens.slice(i, i + length).map((t) => t.text);
      const candidates = findColumns(phrase, meta.columns).filter((c) => c.tier !== 'synonym' && c.tier !== 'fuzzy');
      if (candidates.length > 0)
        matched = { kind: 'column', candidates, at: i, end: i + length, words: words(i, i + length) };
    }
    matched ??= oneWord(tokens[i]?.text ?? '', meta, values, datasetName, {
      at: i,
      end: i + 1,
      words: words(i, i + 1),
    });
    items.push(matched);
    i = matched.end;
  }
  return items;
}

function oneWord(
  word: string,
  meta: DatasetMeta,
  values: ValueIndex,
  datasetName: string,
  base: { at: number; end: number; words: string },
): Item {
  // "rows", "records": the table's own rows, even where a column is called `Row ID`.
  if (ROW_NOUNS.has(word)) return { ...base, kind: 'rows' };
  const candidates = findColumns([word], meta.columns);
  const strong = candidates.filter((c) => c.tier !== 'fuzzy');
  // "deaths" beside `death_date`: a plural that only partly names a time column counts the rows, not distinct dates.
  const rowsOfTime = strong.every((c) => c.column.role === 'time' && c.tier === 'partial') && /[^s]s$/.test(word);
  if (strong.length > 0 && rowsOfTime) return { ...base, kind: 'rows' };
  if (strong.length > 0) return { ...base, kind: 'column', candidates: strong };
  const plural = values.singularMatches(word);
  if (plural.length > 0) return { ...base, kind: 'value', matches: plural };
  if (word.length >= 4 && singulars(word).some((form) => datasetName.includes(form))) return { ...base, kind: 'rows' };
  if (candidates.length > 0) return { ...base, kind: 'column', candidates };
  return { ...base, kind: 'unknown' };
}

/**
 * "West region", "Region = West", "medium damage": a column named next to one
 * of its values says which column the value belongs to; it is not a grouping.
 * A column after a grouping word ("by region") stays a grouping.
 */
function absorbQualifiers(items: Item[], tokens: readonly Token[]): Item[] {
  const result = [...items];
  const linked = (from: number, to: number) => tokens.slice(from, to).every((t) => QUALIFIER_LINKS.has(t.text));
  for (let i = 0; i < result.length; i++) {
    const value = result[i];
    if (value?.kind !== 'value') continue;
    for (const j of [i + 1, i - 1]) {
      const column = result[j];
      if (column?.kind !== 'column') continue;
      const before = result[j - 1];
      if (before?.kind === 'keyword' && before.keyword === 'group') continue;
      const gapLinked = j > i ? linked(value.end, column.at) : linked(column.end, value.at);
      const names = new Set(column.candidates.map((c) => c.column.name));
      const matches = value.matches.filter((m) => names.has(m.column));
      if (!gapLinked || matches.length === 0) continue;
      const at = Math.min(value.at, column.at);
      const end = Math.max(value.end, column.end);
      const words = j > i ? `${value.words} ${column.words}` : `${column.words} ${value.words}`;
      result[i] = { ...value, matches, at, end, words };
      result.splice(j, 1);
      if (j < i) i--;
      break;
    }
  }
  return result;
}

/**
 * Whether only keywords, one of them among `keywords`, stand between two
 * items ("2016 vs 2017", "West and East"); with no keywords given, whether
 * nothing but keywords and filler words does ("compare 2016 with 2017").
 */
export function joinedBy(items: readonly Item[], a: Item | undefined, b: Item, ...keywords: Keyword[]): boolean {
  if (!a) return false;
  const inside = items.filter((i) => i.at >= a.end && i.end <= b.at);
  const linked = keywords.length === 0 || inside.some((i) => i.kind === 'keyword' && keywords.includes(i.keyword));
  return linked && inside.every((i) => i.kind === 'keyword');
}
