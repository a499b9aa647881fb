import { natureOf, pickColumns } from './column-choice';
import type { Item } from './question-items';
import { fold, singulars } from './question-tokens';
import { addDimension, addMeasure, isKeyword, named, type ReadingState } from './reading-state';

type ColumnItem = Extract<Item, { kind: 'column' }>;

const rankingAsked = (items: readonly Item[]) => items.some((i) => isKeyword(i, 'top', 'bottom', 'highest', 'lowest'));

/** "by region and category", "per month", "for each customer": what follows a grouping word. */
export function readGroups(state: ReadingState): void {
  const { items, used, reading } = state;
  items.forEach((item, k) => {
    if (!isKeyword(item, 'group') || used.has(item)) return;
    used.add(item);
    let j = k + 1;
    for (;;) {
      const next = items[j];
      if (!next || used.has(next)) break;
      if (next.kind === 'column') {
        if (natureOf(next.candidates) === 'measure') {
          const [column] = pickColumns(next.candidates, 'measure');
          const measure = { column: column ?? null, aggregation: null, words: next.words };
          if (rankingAsked(items)) {
            addMeasure(state, next, measure.column, null);
            if (column) reading.understood.push(`measure: ${named(column, next.words)}`);
          } else {
            state.byMeasures.push(measure);
            state.measureItems.set(measure, next);
            used.add(next);
          }
        } else addDimension(state, next);
      } else if (next.kind === 'unknown') {
        used.add(next);
        reading.problems.push(`there is no column like "${next.words}"`);
      } else if (!(next.kind === 'time' && next.expression.kind === 'grain')) break;
      const link = items[j + 1];
      const after = items[j + 2];
      if (!isKeyword(link, 'and') || !(after?.kind === 'column' || after?.kind === 'unknown' || after?.kind === 'time'))
        break;
      used.add(link as Item);
      j += 2;
    }
    if (j === k + 1 && !items[j]) reading.problems.push(`"${item.words}" is not followed by what to group by`);
  });
}

/** "top 5 customers", "bottom 3", "5 largest states", "which state has the highest profit", "most customers". */
export function readRanking(state: ReadingState): void {
  const { items, used, reading } = state;
  items.forEach((item, k) => {
    if (used.has(item) || item.kind !== 'keyword') return;
    const direction = item.keyword === 'top' || item.keyword === 'highest' ? 'desc' : 'asc';
    if (item.keyword === 'top' || item.keyword === 'bottom') {
      used.add(item);
      const count = items[k + 1];
      const limit = count?.kind === 'number' && !used.has(count) ? count.value : undefined;
      if (limit !== undefined && count) used.add(count);
      const subject = items[limit === undefined ? k + 1 : k + 2];
      if (subject?.kind === 'column' && !used.has(subject) && natureOf(subject.candidates) !== 'measure') {
        addDimension(state, subject);
      }
      reading.ranking ??= { direction, limit, headline: false };
      reading.understood.push(`rank: ${direction === 'desc' ? 'top' : 'bottom'} ${limit ?? 10}`);
    } else if (item.keyword === 'highest' || item.keyword === 'lowest') {
      used.add(item);
      // "5 largest states", "worst 3 sub-categories".
      const count = [items[k - 1], items[k + 1]].find((i) => i?.kind === 'number' && !used.has(i));
      const limit = count?.kind === 'number' ? count.value : undefined;
      if (count) used.add(count);
      const next = items[count === items[k + 1] && count ? k + 2 : k + 1];
      const counts = /^(the )?(most|fewest|least)$/i.test(item.words);
      if (counts && next?.kind === 'column' && !used.has(next) && natureOf(next.candidates) !== 'measure') {
        // "the most customers": a count of what follows.
        const [column] = pickColumns(next.candidates, 'count');
        if (column) {
          addMeasure(state, next, column, 'count_distinct');
          reading.understood.push(`measure: number of distinct ${named(column, next.words)}`);
        }
      }
      if (!reading.ranking) {
        reading.ranking = { direction, limit, headline: limit === undefined };
        const extreme = direction === 'desc' ? 'highest' : 'lowest';
        reading.understood.push(
          limit === undefined ? `rank: ${extreme} (from "${item.words}")` : `rank: ${extreme} ${limit}`,
        );
      }
    }
  });
}

const isPlural = (words: string) => {
  const last = fold(words).split(' ').at(-1) ?? '';
  return last.endsWith('s') && singulars(last).length > 1;
};

/** Columns not claimed by a slot: a ranking's subject, a thing to count ("customers by segment"), or a grouping ("region sales"). */
export function readLooseColumns(state: ReadingState): void {
  const { items, used, reading } = state;
  const loose = items.filter((i): i is ColumnItem => i.kind === 'column' && !used.has(i));
  const rest: ColumnItem[] = [];
  for (const item of loose) {
    if (natureOf(item.candidates) === 'time') {
      used.add(item);
      reading.understood.push(`time column: ${item.candidates[0]?.column.name ?? item.words}`);
    } else if (reading.ranking && reading.dimensions.length === 0) addDimension(state, item);
    else rest.push(item);
  }
  const [first, ...others] = rest;
  // "customers by segment": a plural noun beside a grouping is what to count; "amount by state" is not.
  const plural = first && (isPlural(first.words) || natureOf(first.candidates) === 'identifier');
  // A grain is a grouping too: "orders by month" counts orders in each month.
  const byGrain = items.some((i) => i.kind === 'time' && i.expression.kind === 'grain');
  if (
    first &&
    plural &&
    reading.measures.length === 0 &&
    (others.length > 0 || reading.dimensions.length > 0 || byGrain)
  ) {
    const [column] = pickColumns(first.candidates, 'count');
    if (column) {
      addMeasure(state, first, column, 'count_distinct');
      reading.understood.push(`measure: number of distinct ${named(column, first.words)}`);
      rest.shift();
    }
  }
  for (const item of rest) {
    // "sales for Home Office customers": a noun after a value says who the value describes; it is not a grouping.
    const at = items.indexOf(item);
    const before = items[at - 1];
    // "sales for customers not in the Consumer segment", "… in Texas": the noun is who the filter keeps.
    const negated = isKeyword(items[at + 1], 'not');
    const after = items[negated ? at + 2 : at + 1];
    if (before?.kind === 'value' && before.end === item.at && reading.measures.length > 0) {
      used.add(item);
      reading.understood.push(`"${item.words}" read as describing ${before.words}`);
    } else if (after?.kind === 'value' && reading.measures.length > 0 && !describesItself(item, after)) {
      used.add(item);
      reading.understood.push(`"${item.words}" read as those ${negated ? 'not ' : ''}matching ${after.words}`);
    } else addDimension(state, item);
  }
}

/** A value of the noun's own column ("customers Sean Miller") names members of it, not whom a filter keeps. */
function describesItself(item: ColumnItem, value: Extract<Item, { kind: 'value' }>): boolean {
  const columns = new Set(item.candidates.map((c) => c.column.name));
  return value.matches.some((m) => columns.has(m.column));
}
