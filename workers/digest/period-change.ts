import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetMeta } from '../../core/dataset';
import { AnalysisPlan, type ChangeBase, type Filter, type Measure, type PeriodGrain } from '../plan/analysis-plan';
import type { ChangePeriods, ResultValue } from '../plan/result-table';
import { runPlan } from '../plan/run-plan';

/** What a digest measures: one measure, over periods of one time column, under the question's filters. */
export interface DigestMeasure {
  measure: Measure;
  timeColumn: string;
  grain: PeriodGrain;
  filters: Filter[];
  /**
   * The run's date in the digest's time zone (YYYY-MM-DD). A period that has not ended by then is
   * not complete, whatever the data holds: at 15:56 today is not a full day.
   */
  asOf?: string;
}

/** One group's value in the latest complete period and in its base period. */
export interface GroupChange {
  /** The group's label; `null` for the whole total. */
  member: string | null;
  current: number | null;
  base: number | null;
  change: number | null;
  /** The change as a fraction of the base; `null` when the base is 0 or missing. */
  percent: number | null;
}

export interface PeriodChange {
  periods: ChangePeriods;
  groups: GroupChange[];
  /** The data's last date: when it falls after the measured period, a partial period was left out. */
  lastDate: string | undefined;
  /** The latest period the data covers had not ended at the run's date, so the one before it is measured. */
  notEnded?: boolean;
}

/**
 * The measure in the latest complete period against `against` (the previous period or the same
 * period a year earlier), for the whole total or per member of `dimension`, computed by the plan
 * language's change (`period: 'latest_complete'`): a partial current period is never measured.
 *
 * One rule for every grain: a period is complete when the data reaches its last day (give or take
 * the plan language's one quiet day at the end of a week or month, see COMPLETE_SLACK_DAYS) and
 * it has ended by the run's date. The data alone cannot tell that today is still going on.
 */
export async function periodChange(
  connection: DuckDBConnection,
  meta: DatasetMeta,
  table: string,
  what: DigestMeasure,
  against: Extract<ChangeBase, 'previous' | 'year_ago'>,
  dimension?: string,
): Promise<PeriodChange> {
  const found = await completeChange(connection, meta, table, what, against, 'latest_complete', dimension);
  const { to, from } = found.periods.current;
  if (what.asOf === undefined || to.slice(0, 10) <= what.asOf) return found;
  // The day before the period's start names the period before it.
  const before = new Date(Date.parse(`${from.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const earlier = await completeChange(connection, meta, table, what, against, before, dimension);
  return { ...earlier, notEnded: true };
}

async function completeChange(
  connection: DuckDBConnection,
  meta: DatasetMeta,
  table: string,
  what: DigestMeasure,
  against: Extract<ChangeBase, 'previous' | 'year_ago'>,
  period: string,
  dimension?: string,
): Promise<PeriodChange> {
  const plan = AnalysisPlan.parse({
    version: 2,
    kind: 'aggregate',
    chart: 'table',
    title: 'digest change',
    measures: [what.measure],
    dimensions: dimension ? [{ column: dimension }] : [],
    filters: what.filters,
    change: { column: what.timeColumn, grain: what.grain, period, against },
  });
  const { result } = await runPlan(connection, plan, meta, table);
  if (!result.change) throw new Error('A change plan answered without its periods.');
  const first = result.columns.findIndex((column) => column.role === 'measure');
  const groups = result.rows.map((row) => ({
    member: dimension ? label(row[0] ?? null) : null,
    current: numberOrNull(row[first]),
    base: numberOrNull(row[first + 1]),
    change: numberOrNull(row[first + 2]),
    percent: numberOrNull(row[first + 3]),
  }));
  // Periods are counted from the whole table's last date, which the profile holds.
  const lastDate = result.lastDate ?? meta.columns.find((column) => column.name === what.timeColumn)?.to;
  return {
    periods: result.change,
    groups,
    lastDate: lastDate === undefined ? undefined : String(lastDate).slice(0, 10),
  };
}

function numberOrNull(value: ResultValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function label(value: ResultValue): string {
  return value === null ? '(blank)' : String(value);
}
