import type { Unit } from '../../charts';
import type { ColumnUnit } from '../../core/dataset';

/**
 * The chart module's unit for a dataset unit: datasets store `'USD'`,
 * `'percent'` or nothing; charts and `formatNumber` take a tagged object.
 *
 * @example chartUnit('EUR') // { kind: 'currency', code: 'EUR' }
 */
export function chartUnit(unit: ColumnUnit | null | undefined): Unit {
  if (unit === 'percent') return { kind: 'percent' };
  if (unit === null || unit === undefined) return { kind: 'number' };
  return { kind: 'currency', code: unit };
}
