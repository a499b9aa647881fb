import type { ResultTable } from '../plan/result-table';
import { type IndexedColumn, numberAt, type Part, partsOf, type ResultView } from './result-view';
import type { StatedNumbers } from './stated-numbers';

/** A top N whose cut goes through groups of equal value: some of them are shown, the others left out. */
export interface CutTie {
  value: number;
  /** The groups shown with the value, in the result's order. */
  shown: Part[];
  /** How many groups with the value the cut left out. */
  leftOut: number;
  /** The group left out, by name, when it is the only one. */
  named: string | null;
}

/**
 * Where a ranking by the measure stops inside a tie: a top 3 of four neighborhoods with 4 deaths each
 * shows three of them. Null when the cut falls between two values, or the result does not know.
 *
 * @example
 * cutTie(top3DeathsByNeighborhood, view, measure)
 * // { value: 4, shown: [Compton, Hollywood, Koreatown], leftOut: 1, named: 'Vermont Square' }
 */
export function cutTie(result: ResultTable, view: ResultView, measure: IndexedColumn): CutTie | null {
  const tied = result.groups?.tiedWithLast;
  const last = result.rows[result.rows.length - 1];
  const value = last === undefined ? null : numberAt(last, measure.index);
  if (tied === undefined || value === null) return null;
  const shown = partsOf(result, view, measure).filter((part) => part.value === value);
  const leftOut = tied - shown.length;
  if (leftOut <= 0) return null;
  const next = result.groups?.firstLeftOut;
  const [nextPart] = next === undefined ? [] : partsOf({ ...result, rows: [next] }, view, measure);
  const named = leftOut === 1 && nextPart?.value === value ? nextPart.label : null;
  return { value, shown, leftOut, named };
}

/**
 * The names of groups level at one value, with those the cut left out when its tie is at that value:
 * ['Compton', 'Hollywood', 'Koreatown', 'Vermont Square'], or [..., '21 more'] when it left out several.
 */
export function levelNames(level: readonly Part[], tie: CutTie | null, said: StatedNumbers): string[] {
  const names = level.map((part) => part.label);
  if (tie === null || level[0]?.value !== tie.value) return names;
  return [...names, tie.named ?? `${said.count(tie.leftOut)} more`];
}

/** "Vermont Square is not shown", "21 of them are not shown": said after the tied groups were named. */
export function notShown(tie: CutTie, said: StatedNumbers): string {
  return tie.named === null ? `${said.count(tie.leftOut)} of them are not shown` : `${tie.named} is not shown`;
}
