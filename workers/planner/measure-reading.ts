import type { DatasetMeta } from '../../core/dataset';
import type { Aggregation } from '../plan/analysis-plan';
import { natureOf, pickColumns } from './column-choice';
import { synonymColumns } from './column-synonyms';
import type { Keyword } from './keyword-phrases';
import type { Item } from './question-items';
import { fold } from './question-tokens';
import { addMeasure, isKeyword, named, type ReadingState } from './reading-state';

const AGGREGATIONS: Partial<Record<Keyword, Aggregation>> = {
  sum: 'sum',
  'how-much': 'sum',
  avg: 'avg',
  median: 'median',
  min: 'min',
  max: 'max',
};

/** Name words that settle "temperature" between `temp_max` and `temp_min` when the question asks for a maximum or minimum. */
const EXTREME_HINTS: Partial<Record<Aggregation, string[]>> = {
  max: ['max', 'maximum', 'high', 'highest'],
  min: ['min', 'minimum', 'low', 'lowest'],
};

/** "how many customers", "number of orders", "count of rows", "how many units", "distinct products". */
export function readCounting(state: ReadingState): void {
  const { items, used, reading, lexed } = state;
  items.forEach((item, k) => {
    if (used.has(item) || !isKeyword(item, 'count', 'distinct')) return;
    used.add(item);
    let j = k + 1;
    if (isKeyword(items[j], 'distinct')) used.add(items[j++] as Item);
    while (items[j]?.kind === 'value' || (items[j]?.kind === 'time' && !isGrain(items[j]))) j++;
    const target = items[j];
    if (target && !used.has(target) && target.kind === 'column') {
      if (natureOf(target.candidates) === 'measure' && isKeyword(item, 'count')) {
        // "how many units" adds up a count column; "number of sales" counts the rows that are sales.
        const [column] = pickColumns(target.candidates, 'measure');
        const counts = column?.type === 'integer';
        addMeasure(state, target, counts ? column : null, counts ? 'sum' : 'count');
        reading.understood.push(
          counts && column
            ? `measure: total ${named(column, target.words)}`
            : `measure: number of rows (from "${target.words}")`,
        );
        if (!counts) reading.rowsNoun = target.words;
        return;
      }
      const [column] = pickColumns(target.candidates, 'count');
      const chosen = column ?? target.candidates[0]?.column ?? null;
      addMeasure(state, target, chosen, 'count_distinct');
      if (chosen) reading.understood.push(`measure: number of distinct ${named(chosen, target.words)}`);
      return;
    }
    if (target && !used.has(target) && isGrain(target) && lexed.timeColumn && target.kind === 'time') {
      if (target.expression.kind === 'grain' && target.expression.grain === 'day') {
        if (lexed.timeColumn.type === 'datetime') {
          // Distinct timestamps are not days, and the plan cannot count a truncated column.
          used.add(target);
          reading.problems.push(
            `${lexed.timeColumn.name} holds times of day, so counting its values would count times, not days; ask for "count by day"`,
          );
          return;
        }
        addMeasure(state, target, lexed.timeColumn, 'count_distinct');
        reading.understood.push(`measure: number of distinct days of ${lexed.timeColumn.name}`);
        return;
      }
    }
    if (target?.kind === 'rows' && !used.has(target)) {
      used.add(target);
      reading.rowsNoun = target.words;
    }
    addMeasure(state, target?.kind === 'rows' ? target : item, null, 'count');
    reading.understood.push('measure: number of rows');
  });
}

const isGrain = (item: Item | undefined) => item?.kind === 'time' && item.expression.kind === 'grain';

/** Measure columns, each with the aggregation word before it ("average sales and profit") or after it ("sales average"). */
export function readMeasures(state: ReadingState): void {
  const { items, used, reading } = state;
  let pending: { aggregation: Aggregation; item: Item; attached: boolean } | null = null;
  const orphans: { aggregation: Aggregation; item: Item }[] = [];
  const superlative = items.find((i) => isKeyword(i, 'highest', 'lowest'));
  const close = () => {
    if (pending && !pending.attached) orphans.push(pending);
    pending = null;
  };
  items.forEach((item, k) => {
    const aggregation = item.kind === 'keyword' ? AGGREGATIONS[item.keyword] : undefined;
    if (aggregation && !used.has(item)) {
      close();
      used.add(item);
      pending = { aggregation, item, attached: false };
      return;
    }
    if (item.kind === 'column' && !used.has(item) && (natureOf(item.candidates) === 'measure' || pending)) {
      const wanted: Aggregation | undefined =
        pending?.aggregation ??
        (superlative && isKeyword(superlative, 'highest') ? 'max' : superlative ? 'min' : undefined);
      const columns = pickColumns(item.candidates, 'measure', wanted && EXTREME_HINTS[wanted]);
      if (columns.length === 0) return;
      if (columns.length > 3) {
        used.add(item);
        reading.problems.push(
          `"${item.words}" could be any of ${columns.map((c) => c.name).join(', ')}; name the column`,
        );
        return;
      }
      for (const column of columns) addMeasure(state, item, column, pending?.aggregation ?? null);
      reading.understood.push(`measure: ${columns.map((c) => named(c, item.words)).join(', ')}`);
      if (pending) {
        pending.attached = true;
        reading.understood.push(`aggregation: ${pending.aggregation} (from "${pending.item.words}")`);
      }
      if (!(isKeyword(items[k + 1], 'and') && items[k + 2]?.kind === 'column')) close();
      return;
    }
    if (!isKeyword(item, 'and')) close();
  });
  close();
  for (const orphan of orphans) {
    const target = [...reading.measures].reverse().find((m) => m.aggregation === null && m.column !== null);
    if (target) target.aggregation = orphan.aggregation;
    else if (reading.measures.length === 0)
      reading.problems.push(`"${orphan.item.words}" of what? Name a column of numbers`);
    // "average max temperature": the measure already has an aggregation, and quietly dropping one would mislead.
    else reading.problems.push(`I could not tell what "${orphan.item.words}" applies to`);
  }
}

/**
 * "discount vs profit", "correlation between discount and profit", "profit
 * against discount", "profit by discount": two measures, the first on x
 * ("against" and "by" name y first).
 */
export function readRelationship(state: ReadingState, asked: boolean): void {
  const { reading, items, byMeasures, measureItems } = state;
  if (byMeasures.length > 0) {
    reading.measures.unshift(...byMeasures);
    if (reading.measures.length === 2) reading.kind ??= 'relationship';
    else
      reading.problems.push(
        `"by ${byMeasures.map((m) => m.words).join(', ')}" groups by numbers; group by a category or a period`,
      );
    return;
  }
  if (reading.measures.length !== 2 || reading.kind === 'distribution') return;
  const [a, b] = reading.measures;
  const itemA = a && measureItems.get(a);
  const itemB = b && measureItems.get(b);
  if (!itemA || !itemB || itemA === itemB) return;
  const inside = items.filter((i) => i.at >= itemA.end && i.end <= itemB.at);
  const against = inside.some((i) => isKeyword(i, 'against'));
  const versus = against || inside.some((i) => isKeyword(i, 'vs'));
  const dimensions = reading.dimensions.length > 0;
  if (asked || (versus && !dimensions)) {
    reading.kind = 'relationship';
    if (against && b && a) reading.measures = [b, a];
    inside.forEach((i) => state.used.add(i));
  }
}

/**
 * "which month has the most rain", "total rain by year": a value word ("rain", a weather) that is
 * also a name of a measure (precipitation) is the measure when the question names none and counts
 * nothing. "how many rainy days" and "rain days" still filter: they count or describe days.
 */
export function readMeasureValues(state: ReadingState, meta: DatasetMeta): void {
  const { items, used, reading } = state;
  const measures = meta.columns.filter((c) => c.role === 'measure');
  const namesMeasure = items.some((i) => i.kind === 'column' && natureOf(i.candidates) === 'measure');
  const counts = items.some((i) => isKeyword(i, 'count', 'distinct'));
  if (namesMeasure || counts || reading.measures.length > 0) return;
  items.forEach((item, k) => {
    if (item.kind !== 'value' || used.has(item) || reading.measures.length > 0) return;
    // "rain days", "days of rain": the days are counted or described, and the value keeps them.
    if ([items[k - 1], items[k + 1]].some((i) => i?.kind === 'rows' || isDays(i))) return;
    const [column, ...others] = synonymColumns(fold(item.words), measures);
    if (!column || others.length > 0) return;
    addMeasure(state, item, column, null);
    const value = item.matches[0];
    const not = value ? `, not ${value.column} = ${value.value}` : '';
    reading.understood.push(`measure: ${column.name} (from "${item.words}"${not})`);
  });
}

const isDays = (item: Item | undefined) =>
  item?.kind === 'time' && item.expression.kind === 'grain' && item.expression.grain === 'day';
