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
  const picked: { item: Item; match: ValueMatch; spellings: string[]; negated: boolean }[] = [];
  let negated = false;
  items.forEach((item, k) => {
    const before = items[k - 1];
    if (item.kind === 'keyword' && item.keyword === 'not') negated = true;
    else if (item.kind === 'value' && !used.has(item)) {
      used.add(item);
      const chained = before?.kind === 'keyword' && (before.keyword === 'not' || before.keyword === 'and');
      const chosen = chooseColumn(item.matches, meta, reading);
      if (chosen) {
        const spellings = spellingsOf(item, chosen, reading);
        const match = { column: chosen.column, value: spellings[0] ?? chosen.value };
        picked.push({ item, match, spellings, negated: negated && chained });
      }
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
        comparison: { column, sides: sides.map((p) => ({ label: p.match.value, values: p.spellings })) },
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
    const byColumn = new Map<string, { named: string[]; values: string[] }>();
    for (const p of picked.filter((p) => p.negated === (op === 'not_in'))) {
      const { named = [], values = [] } = byColumn.get(p.match.column) ?? {};
      byColumn.set(p.match.column, {
        named: [...new Set([...named, p.match.value])],
        values: [...new Set([...values, ...p.spellings])],
      });
    }
    for (const [column, { named, values }] of byColumn) {
      const label = op === 'in' ? named.join(', ') : `excluding ${named.join(', ')}`;
      // The values named come first, so that a headline that lists a few ("apple, banana or 4 more") names them.
      const filter = { op, column, values: [...named, ...values.filter((v) => !named.includes(v))] };
      reading.filters.push({ filter, label, time: false });
      reading.understood.push(`filter: ${column} ${op === 'in' ? '=' : '≠'} ${named.join(' or ')}`);
    }
  }
  return reading;
}

/**
 * Every spelling the chosen column has of a value named in a question ("apple", "Apple", "APPLE ",
 * as a careless export writes one fruit): a filter on one of them would count a part of that fruit's
 * rows as if it were all. The one typed (else the one found first) comes first and names the value; the
 * others are told.
 */
function spellingsOf(item: Item, match: ValueMatch, reading: ValueReading): string[] {
  if (item.kind !== 'value') return [match.value];
  const spellings = [...new Set(item.matches.filter((m) => m.column === match.column).map((m) => m.value))];
  if (spellings.length === 1) return spellings;
  const words = item.words.trim();
  const typed =
    spellings.find((value) => value === words) ?? spellings.find((value) => value.trim() === words) ?? match.value;
  const others = spellings.filter((value) => value !== typed);
  reading.understood.push(
    `"${typed}" counted with its other spellings in ${match.column}: ${others.map((v) => `"${v}"`).join(', ')}`,
  );
  return [typed, ...others];
}

function chooseColumn(
  matches: readonly ValueMatch[],
  meta: DatasetMeta,
  reading: ValueReading,
): ValueMatch | undefined {
  const distinct = (m: ValueMatch) => meta.columns.find((c) => c.name === m.column)?.distinct ?? Infinity;
  const sorted = [...matches].sort((a, b) => distinct(a) - distinct(b));
  const [best] = sorted;
  const others = [...new Set(sorted.map((m) => m.column))].filter((column) => column !== best?.column);
  if (best && others.length > 0) {
    reading.understood.push(`"${best.value}" read as ${best.column} (also a value of ${others.join(', ')})`);
  }
  return best;
}
