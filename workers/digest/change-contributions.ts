import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetMeta } from '../../core/dataset';
import type { Measure } from '../plan/analysis-plan';
import { periodChange, type DigestMeasure, type GroupChange } from './period-change';

/** One member's part in the total's change, in the measure's unit. */
export interface Contribution {
  member: string;
  change: number;
}

/**
 * The aggregate a measure is divided by over its rows: an average is sum(x)/count(x), a ratio
 * its `per`. `null` for a sum or a count, which are not divided; `undefined` when the measure has
 * no additive numerator (a median, a min, a distinct count), so no member's part can be told.
 */
export function denominatorOf(measure: Measure): Measure | null | undefined {
  if (measure.per) {
    return measure.aggregation === 'sum' || measure.aggregation === 'count' ? { ...measure.per } : undefined;
  }
  if (measure.aggregation === 'avg') return { column: measure.column, aggregation: 'count' };
  return measure.aggregation === 'sum' || measure.aggregation === 'count' ? null : undefined;
}

/**
 * Each member's exact part in the change of a measure that is sum(a)/sum(b) over the whole:
 * a_g,now / B_now − a_g,before / B_before, where B is the whole period's denominator (1 for a
 * sum). The parts add up to the total's change exactly, and a member weighs as much as its rows:
 * 4 sunny days of 31 cannot make half of a monthly average's fall. a_g is the member's own value
 * times its own denominator. A member missing from a period counts as 0 there.
 */
export function contributions(
  values: readonly GroupChange[],
  weights?: { groups: readonly GroupChange[]; total: GroupChange },
): Contribution[] | undefined {
  const member = (group: GroupChange) => group.member ?? '(total)';
  if (!weights) {
    return values.map((group) => ({ member: member(group), change: (group.current ?? 0) - (group.base ?? 0) }));
  }
  const { current: wholeNow, base: wholeBefore } = weights.total;
  if (!wholeNow || !wholeBefore) return undefined;
  const weightOf = new Map(weights.groups.map((group) => [member(group), group]));
  return values.map((group) => {
    const weight = weightOf.get(member(group));
    const now = (group.current ?? 0) * (weight?.current ?? 0);
    const before = (group.base ?? 0) * (weight?.base ?? 0);
    return { member: member(group), change: now / wholeNow - before / wholeBefore };
  });
}

/**
 * The members of `dimension` with their value of the measure (for concentration) and their
 * exact part in its change against the previous period, all from the plan language's change.
 */
export async function memberContributions(
  connection: DuckDBConnection,
  meta: DatasetMeta,
  table: string,
  what: DigestMeasure,
  dimension: string,
): Promise<{ groups: GroupChange[]; parts: Contribution[] | undefined }> {
  const { groups } = await periodChange(connection, meta, table, what, 'previous', dimension);
  const denominator = denominatorOf(what.measure);
  if (denominator === undefined) return { groups, parts: undefined };
  if (denominator === null) return { groups, parts: contributions(groups) };
  const over = { ...what, measure: denominator };
  const [weights, whole] = await Promise.all([
    periodChange(connection, meta, table, over, 'previous', dimension),
    periodChange(connection, meta, table, over, 'previous'),
  ]);
  const total = whole.groups[0];
  return { groups, parts: total ? contributions(groups, { groups: weights.groups, total }) : undefined };
}
