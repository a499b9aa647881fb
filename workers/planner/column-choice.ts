import type { ColumnProfile, ColumnRole } from '../../core/dataset';
import { MATCH_TIERS, type ColumnCandidate } from './column-match';
import { nameWords } from './question-tokens';

/**
 * What a column is wanted for, which decides among the columns a word could name:
 * "customers" is `Customer Name` to group by and `Customer ID` to count.
 */
export type Slot = 'measure' | 'dimension' | 'count';

const ROLES: Record<Slot, readonly ColumnRole[]> = {
  measure: ['measure'],
  // A time column only when nothing else fits: "order" is `Order ID` to rank, not `Order Date`.
  dimension: ['dimension', 'identifier', 'time'],
  count: ['identifier', 'dimension', 'text', 'time'],
};

/** Name words that make a column the better pick for a slot. */
const PREFERRED_WORDS: Record<Slot, readonly string[]> = {
  measure: ['total', 'amount', 'sum'],
  dimension: ['name', 'title', 'label'],
  count: ['id', 'code', 'number', 'key'],
};

/**
 * The columns a reference most likely means in a slot, best first: the best
 * match tier, then the role the slot prefers, then a name word that suits the
 * slot (or one of `hints`, such as "max" for a maximum). More than one means a tie.
 *
 * @example
 * pickColumns(candidatesOf('customers'), 'count').map((c) => c.name) // ['Customer ID']
 */
export function pickColumns(
  candidates: readonly ColumnCandidate[],
  slot: Slot,
  hints?: readonly string[],
): ColumnProfile[] {
  const allowed = candidates.filter((c) => ROLES[slot].includes(c.column.role));
  if (allowed.length === 0) return [];
  const score = (c: ColumnCandidate) => MATCH_TIERS.indexOf(c.tier) * 10 + ROLES[slot].indexOf(c.column.role);
  const best = Math.min(...allowed.map(score));
  const tied = allowed.filter((c) => score(c) === best).map((c) => c.column);
  if (tied.length === 1) return tied;
  const preferred = hints ?? PREFERRED_WORDS[slot];
  const withWord = tied.filter((column) => nameWords(column.name).some((w) => preferred.includes(w)));
  if (withWord.length > 0) return withWord;
  // Time columns tie often ("date" in Order Date and Ship Date): the first is the main one.
  return tied.every((c) => c.role === 'time') ? tied.slice(0, 1) : tied;
}

/**
 * What a reference names on its own, from its best-matching columns: a
 * measure when any of those is one ("cost" among Cost Other, Cost Total $…),
 * else the role of the first.
 */
export function natureOf(candidates: readonly ColumnCandidate[]): ColumnRole | null {
  const [first] = candidates;
  if (!first) return null;
  const best = candidates.filter((c) => c.tier === first.tier);
  return best.some((c) => c.column.role === 'measure') ? 'measure' : first.column.role;
}
