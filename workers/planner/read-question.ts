import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import { readGroups, readLooseColumns, readRanking } from './group-reading';
import { readCounting, readMeasures, readMeasureValues, readRelationship } from './measure-reading';
import type { Keyword } from './keyword-phrases';
import { lexQuestion, type Item } from './question-items';
import { fold } from './question-tokens';
import { emptyReading, type Reading } from './question-reading';
import type { ReadingState } from './reading-state';
import { readTime } from './time-reading';
import { readValues } from './value-reading';
import type { Vocabulary } from './vocabulary';

/**
 * Reads a question against a dataset: what to measure, how to group, which
 * filters, which intent. Never guesses past what it matched: every word that
 * is not a filler word must be understood, or it becomes a problem.
 *
 * @example
 * readQuestion('top 5 customers by profit in 2016', meta, vocabulary).ranking // { direction: 'desc', limit: 5, headline: false }
 */
export function readQuestion(
  question: string,
  meta: DatasetMeta,
  vocabulary: Vocabulary,
  preferredTime: ColumnProfile | null = null,
): Reading {
  const lexed = lexQuestion(question, meta, vocabulary, preferredTime);
  const state: ReadingState = {
    items: lexed.items,
    lexed,
    reading: { ...emptyReading(), timeColumn: lexed.timeColumn },
    used: new Set(),
    measureItems: new Map(),
    byMeasures: [],
  };
  const flags = readFlags(state);
  if (state.reading.share) {
    const part = sharePartWords(question);
    state.reading.sharePart = part?.words;
    if (part?.by) state.reading.sharePartBy = true;
  }
  readGroups(state);
  readRanking(state);
  readCounting(state);
  readMeasureValues(state, meta);
  readMeasures(state);
  readLooseColumns(state);
  readRelationship(state, flags.relationship);
  const { reading, used, items } = state;
  const values = readValues(items, meta, used, flags.compare);
  const time = readTime(lexed, used, {
    compare: flags.compare,
    change: flags.change,
    ranking: reading.ranking !== undefined,
  });
  if (time.rowsNoun) {
    reading.rowsNamed = true;
    reading.rowsNoun = time.rowsNoun;
  }
  reading.filters.push(...values.filters, ...time.filters);
  reading.dimensions.unshift(...time.dimensions);
  if (time.dimensions.length > 0) reading.trend = true;
  reading.comparison = time.comparison ?? values.comparison;
  if (time.comparison && values.comparison)
    reading.problems.push('the question compares both periods and values; ask for one comparison');
  reading.understood.push(...values.understood, ...time.understood);
  reading.problems.push(...values.problems, ...time.problems);
  readLeftovers(state);
  // An empty question asks for the overview; one of only filler words ("why", "so", "please") asks nothing.
  if (items.length === 0) {
    if (/\S/.test(question)) reading.problems.push('nothing in it names something in the data to compute');
    else reading.overview = true;
  }
  return reading;
}

/** Words that ask for an intent rather than data. */
function readFlags(state: ReadingState): { relationship: boolean; compare: boolean; change: boolean } {
  const { reading, used } = state;
  const flags = { relationship: false, compare: false, change: false };
  state.items.forEach((item, k) => {
    if (item.kind === 'chart') {
      used.add(item);
      reading.chart = item.chart;
      if (item.chart === 'doughnut') reading.share = true;
      if (item.chart === 'scatter') flags.relationship = true;
      if (item.chart === 'histogram') reading.kind = 'distribution';
      return;
    }
    if (item.kind !== 'keyword') return;
    const mark = () => used.add(item);
    switch (item.keyword) {
      case 'share':
        reading.share = true;
        return mark();
      case 'distribution':
        reading.kind = 'distribution';
        return mark();
      case 'relationship':
        flags.relationship = true;
        return mark();
      case 'trend':
        reading.trend = true;
        return mark();
      case 'change':
        flags.change = true;
        reading.trend = true;
        return mark();
      case 'overview':
        reading.overview = true;
        return mark();
      case 'compare':
        flags.compare = true;
        return mark();
      case 'future':
        reading.problems.push(
          `"${item.words}" asks about something the data cannot hold: I can only describe what is in it, not forecast`,
        );
        return mark();
      case 'help':
        reading.problems.push('here are some questions this data can answer');
        return mark();
      case 'now':
      case 'instead':
      case 'what-about':
      case 'only':
        reading.followUp.refine = true;
        return mark();
      case 'also':
        reading.followUp.add = true;
        return mark();
      case 'and':
        if (k === 0) {
          reading.followUp.add = true;
          mark();
        }
        return;
      case 'group':
        if (item.words.toLowerCase().startsWith('split')) reading.followUp.add = true;
        return;
      default:
        return;
    }
  });
  return flags;
}

/** Keywords that change what is computed: left unused, they mean the question was misread. */
const UNMISSABLE: ReadonlySet<Keyword> = new Set(['sum', 'avg', 'median', 'min', 'max', 'count', 'distinct']);

function readLeftovers(state: ReadingState): void {
  const { items, used, reading } = state;
  let run: Item[] = [];
  const flush = () => {
    if (run.length > 0) {
      reading.problems.push(`there is no column or value like "${run.map((i) => i.words).join(' ')}"`);
      reading.unknownWords.push(...run.map((i) => i.words));
    }
    run = [];
  };
  for (const item of items) {
    if (used.has(item)) {
      flush();
      continue;
    }
    if (item.kind === 'unknown' && namesKindOf(items, item)) {
      // "weather type", "product category": the column itself, named with a word for what it holds.
      used.add(item);
      reading.understood.push(`"${items[items.indexOf(item) - 1]?.words ?? ''} ${item.words}" read as the column`);
    } else if (item.kind === 'unknown') run.push(item);
    else {
      flush();
      if (item.kind === 'number') reading.problems.push(`I did not understand the number "${item.words}" here`);
      // An aggregation word or a time phrase nobody used would silently change the answer ("average max temperature").
      if (item.kind === 'keyword' && UNMISSABLE.has(item.keyword)) {
        reading.problems.push(`I could not tell what "${item.words}" applies to`);
      }
      if (item.kind === 'time') reading.problems.push(`I could not tell what "${item.words}" means here`);
      if (item.kind === 'rows') {
        // "bird strikes": neighbouring row words make one noun.
        const before = items[items.indexOf(item) - 1];
        const joined = before?.kind === 'rows' && before.end === item.at && reading.rowsNoun;
        reading.rowsNoun = joined ? `${reading.rowsNoun} ${item.words}` : (reading.rowsNoun ?? item.words);
        reading.rowsNamed = true;
      }
    }
  }
  flush();
}

/**
 * The words that name a share's part: what sales "came from", what a share
 * is "of … in" ("share of Renewables in net generation") or "of … by" ("share
 * of No by team"), or what "each team said".
 */
function sharePartWords(question: string): { words: string; by?: boolean } | undefined {
  const text = fold(question);
  const from = /\b(?:comes?|came|coming|is|was|are|were) from (.+)$/.exec(text);
  if (from?.[1]) return { words: from[1] };
  // "what share of each team said no": the answer each group gave.
  const said =
    /\b(?:share|percent|percentage|proportion|fraction) of (?:each|every) \S+ (?:that |who )?(?:said|answered|responded|chose|picked|voted|is|are|was|were) (.+)$/.exec(
      text,
    );
  if (said?.[1]) return { words: said[1] };
  const share =
    /\b(?:share|percent|percentage|proportion|fraction) of (?:the |our |all )?(.+?) (in|of|among|within|by|per|for each|across)\b/.exec(
      text,
    );
  if (!share?.[1]) return undefined;
  // "share of No by team", like "share of Renewables over time": the part within each group (see `asksOnePart`).
  const by = ['by', 'per', 'for each', 'across'].includes(share[2] ?? '');
  return by ? { words: share[1], by } : { words: share[1] };
}

const KIND_WORDS = new Set(['type', 'types', 'category', 'categories', 'class', 'classes', 'group', 'groups']);

/** An unknown word right after a grouping column that only says the column holds kinds ("weather type"). */
function namesKindOf(items: readonly Item[], item: Item): boolean {
  const before = items[items.indexOf(item) - 1];
  return (
    KIND_WORDS.has(item.words.toLowerCase()) &&
    before?.kind === 'column' &&
    before.end === item.at &&
    before.candidates[0]?.column.role === 'dimension'
  );
}
