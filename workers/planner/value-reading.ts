import type { DatasetMeta } from '../../core/dataset';
import { joinedBy, type Item } from './question-items';
import type { ComparisonChoice, FilterChoice } from './question-reading';
import type { ValueMatch } from './value-index';

/** What the values of a question ask for. */
export interface ValueReading {
  filters: FilterChoice[];
  comparison?: ComparisonChoice;
  understood: string[];
  problems: string[];
}

/**
 * Turns the values named in a question into filters, or into a comparison
 * when they are set against each other ("West vs East", "compare AAPL and
 * MSFT"). "excluding", "not", "except" before a value (and the values joined
 * to it by "and") exclude instead. A value found in several columns goes to
 * the one named next to it (already settled by the lexer), else to the one
 * with fewer distinct values: "Washington" is the State rather than the City.
 */
export function readValues(items: readonly Item[], meta: DatasetMeta, used: Set<Item>, compare: boolean): ValueReading {
  const reading: ValueReading = { filters: [], understood: [], problems: [] };
  const picked: { item: Item; match: ValueMatch; negated: boolean }[] = [];
  let negated = false;
  items.forEach((item, k) => {
    const before = items[k - 1];
    if (item.kind === 'keyword' && item.keyword === 'not') negated = true;
    else if (item.kind === 'value' && !used.has(item)) {
      used.add(item);
      const chained = before?.kind === 'keyword' && (before.keyword === 'not' || before.keyword === 'and');
      const match = chooseColumn(item.matches, meta, reading);
      if (match) picked.push({ item, match, negated: negated && chained });
      if (!chained) negated = false;
    } else if (!(item.kind === 'keyword' && item.keyword === 'and')) negated = false;
  });
  if (picked.length === 0) return reading;

  const vsJoined = picked.slice(1).some((p, k) => joinedBy(items, picked[k]?.item, p.item, 'vs', 'against'));
  const kept = picked.filter((p) => !p.negated);
  const columns = new Set(kept.map((p) => p.match.column));
  const sides = kept.filter((p, i) => kept.findIndex((o) => o.match.value === p.match.value) === i);
  if ((vsJoined || compare) && columns.size === 1 && sides.length >= 2) {
    const column = sides[0]?.match.column ?? '';
    if (sides.length > 6) reading.problems.push('a comparison can have at most 6 sides');
    else {
      reading.comparison = {
        comparison: { column, sides: sides.map((p) => ({ label: p.match.value, values: [p.match.value] })) },
        time: false,
      };
      reading.understood.push(`compare: ${sides.map((p) => p.match.value).join(' vs ')} (${column})`);
    }
    picked.splice(0, picked.length, ...picked.filter((p) => p.negated));
  } else if (vsJoined) {
    reading.problems.push(
      `"${picked.map((p) => p.item.words).join('" and "')}" are not values of the same column, so they cannot be compared`,
    );
    return reading;
  }
  for (const op of ['in', 'not_in'] as const) {
    const byColumn = new Map<string, string[]>();
    for (const p of picked.filter((p) => p.negated === (op === 'not_in'))) {
      byColumn.set(p.match.column, [...new Set([...(byColumn.get(p.match.column) ?? []), p.match.value])]);
    }
    for (const [column, values] of byColumn) {
      const label = op === 'in' ? values.join(', ') : `excluding ${values.join(', ')}`;
      reading.filters.push({ filter: { op, column, values }, label, time: false });
      reading.understood.push(`filter: ${column} ${op === 'in' ? '=' : '≠'} ${values.join(' or ')}`);
    }
  }
  return reading;
}

function chooseColumn(
  matches: readonly ValueMatch[],
  meta: DatasetMeta,
  reading: ValueReading,
): ValueMatch | undefined {
  const distinct = (m: ValueMatch) => meta.columns.find((c) => c.name === m.column)?.distinct ?? Infinity;
  const sorted = [...matches].sort((a, b) => distinct(a) - distinct(b));
  const [best] = sorted;
  if (best && sorted.length > 1) {
    const others = [...new Set(sorted.slice(1).map((m) => m.column))].join(', ');
    reading.understood.push(`"${best.value}" read as ${best.column} (also a value of ${others})`);
  }
  return best;
}
