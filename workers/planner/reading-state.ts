import type { ColumnProfile } from '../../core/dataset';
import type { Aggregation } from '../plan/analysis-plan';
import { pickColumns } from './column-choice';
import type { Keyword } from './keyword-phrases';
import type { Item, LexedQuestion } from './question-items';
import type { MeasureChoice, Reading } from './question-reading';
import { fold } from './question-tokens';

/**
 * The reading of a question under construction, shared by the passes that
 * fill it: each pass marks the items it accounted for, so the last one can
 * report the words nobody understood.
 */
export interface ReadingState {
  items: readonly Item[];
  lexed: LexedQuestion;
  reading: Reading;
  used: Set<Item>;
  /** Where each measure came from, to find "X vs Y" between two of them. */
  measureItems: Map<MeasureChoice, Item>;
  /** "profit by discount": a measure in a grouping slot, the x of a relationship. */
  byMeasures: MeasureChoice[];
}

/** Whether an item is one of the keywords. */
export const isKeyword = (item: Item | undefined, ...keywords: Keyword[]): boolean =>
  item?.kind === 'keyword' && keywords.includes(item.keyword);

/** How a column was named, for the understood list: `Sales (from "revenue")`. */
export function named(column: ColumnProfile, words: string): string {
  return fold(words) === fold(column.name) ? column.name : `${column.name} (from "${words}")`;
}

/**
 * Groups by the column a reference names. A reference that could be several
 * columns ("wildlife": Wildlife Size or Wildlife Species) is a problem, not a guess.
 */
export function addDimension(state: ReadingState, item: Item): void {
  if (item.kind !== 'column') return;
  state.used.add(item);
  const columns = pickColumns(item.candidates, 'dimension');
  const [column] = columns;
  if (!column) {
    state.reading.problems.push(`"${item.words}" is not something to group by`);
    return;
  }
  if (columns.length > 1) {
    state.reading.problems.push(`"${item.words}" could be ${columns.map((c) => c.name).join(' or ')}; name the column`);
    return;
  }
  if (state.reading.dimensions.some((d) => d.column === column)) return;
  state.reading.dimensions.push({ column, grain: column.role === 'time' ? 'auto' : undefined, words: item.words });
  state.reading.understood.push(`group by: ${named(column, item.words)}`);
}

/** Adds a measure once: "electricity generation" names one column with two words. */
export function addMeasure(
  state: ReadingState,
  item: Item,
  column: ColumnProfile | null,
  aggregation: Aggregation | null,
): MeasureChoice {
  const measure = { column, aggregation, words: item.words };
  state.used.add(item);
  const same = state.reading.measures.find((m) => m.column === column && m.aggregation === aggregation);
  if (same) return same;
  state.reading.measures.push(measure);
  state.measureItems.set(measure, item);
  return measure;
}
