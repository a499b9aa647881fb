import type { Contribution } from './change-contributions';
import type { GroupChange } from './period-change';

/** One member's part in the total change. */
export interface Driver {
  member: string;
  /** Its exact contribution to the total's change, in the measure's unit. */
  change: number;
  /** Its change as a fraction of the total change (signed: a detractor's is negative). */
  share: number;
}

export interface Drivers {
  total: number;
  /** Members that moved with the total, largest first. */
  drivers: Driver[];
  /** Members that moved against it, largest first. */
  detractors: Driver[];
  /** How much of all movement the top 3 members hold, 0–1: how well this dimension explains the change. */
  explained: number;
}

/** Members named on each side. */
export const TOP_DRIVERS = 3;

/**
 * Who drove a change: each member's contribution (see `contributions`, which add up to the
 * total's change) as a share of the total change, split into those moving with the total and
 * those against it. `undefined` when nothing changed.
 */
export function changeDrivers(moves: readonly Contribution[]): Drivers | undefined {
  const total = moves.reduce((sum, move) => sum + move.change, 0);
  const movement = moves.reduce((sum, move) => sum + Math.abs(move.change), 0);
  if (total === 0 || movement === 0) return undefined;
  const ranked = moves
    .filter((move) => move.change !== 0)
    .map((move) => ({ ...move, share: move.change / total }))
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const explained = ranked.slice(0, TOP_DRIVERS).reduce((sum, move) => sum + Math.abs(move.change), 0) / movement;
  return {
    total,
    drivers: ranked.filter((move) => move.share > 0).slice(0, TOP_DRIVERS),
    detractors: ranked.filter((move) => move.share < 0).slice(0, TOP_DRIVERS),
    explained,
  };
}

/**
 * The dimension that explains a change best: the one whose top 3 members hold the largest part
 * of all members' movement (a change spread evenly over many members explains nothing). Ties go
 * to the dimension with fewer members, which is easier to read.
 */
export function mostExplanatory<T extends { dimension: string; parts: readonly Contribution[] }>(
  candidates: readonly T[],
): (T & { drivers: Drivers }) | undefined {
  const scored = candidates.flatMap((candidate) => {
    const drivers = changeDrivers(candidate.parts);
    return drivers ? [{ ...candidate, drivers }] : [];
  });
  return scored.sort((a, b) => b.drivers.explained - a.drivers.explained || a.parts.length - b.parts.length)[0];
}

/** A share of the total above which one member is a concentration risk. */
export const CONCENTRATION_SHARE = 0.5;

export interface Concentration {
  member: string;
  share: number;
}

/**
 * One member holding more than half of the latest period's total. Only for measures with no
 * negative member (a share of a total that mixes gains and losses means nothing).
 */
export function concentration(groups: readonly GroupChange[]): Concentration | undefined {
  const values = groups.map((group) => ({ member: group.member ?? '(total)', value: group.current ?? 0 }));
  if (values.length < 2 || values.some((entry) => entry.value < 0)) return undefined;
  const total = values.reduce((sum, entry) => sum + entry.value, 0);
  if (total <= 0) return undefined;
  const top = values.reduce((best, entry) => (entry.value > best.value ? entry : best));
  const share = top.value / total;
  return share > CONCENTRATION_SHARE ? { member: top.member, share } : undefined;
}
