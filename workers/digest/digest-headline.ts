import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetMeta } from '../../core/dataset';
import type { ChangePeriods } from '../plan/result-table';
import { periodChange, type DigestMeasure, type GroupChange } from './period-change';

export interface Headline {
  /** The latest complete period and the one before it. */
  periods: ChangePeriods;
  latest: GroupChange;
  /** The same period a year earlier, when the data reaches back that far. */
  yearAgo?: { periods: ChangePeriods; change: GroupChange };
  /** The period after the measured one, which the data covers only in part and the digest leaves out. */
  partialFrom?: string;
  /** The data's last date, when it ends inside that partial period. */
  dataEnds?: string;
}

/**
 * The digest's headline: the measure for the latest complete period against the one before and,
 * when the data reaches back, against the same period a year earlier, both from the plan
 * language's change.
 */
export async function digestHeadline(
  connection: DuckDBConnection,
  meta: DatasetMeta,
  table: string,
  what: DigestMeasure,
): Promise<Headline | undefined> {
  const previous = await periodChange(connection, meta, table, what, 'previous');
  const latest = previous.groups[0];
  if (!latest || latest.current === null) return undefined;
  const headline: Headline = { periods: previous.periods, latest };
  if (previous.notEnded) {
    headline.partialFrom = previous.periods.current.to;
  } else if (previous.lastDate !== undefined && previous.lastDate >= previous.periods.current.to) {
    headline.partialFrom = previous.periods.current.to;
    headline.dataEnds = previous.lastDate;
  }
  const yearAgo = await periodChange(connection, meta, table, what, 'year_ago');
  const sameLastYear = yearAgo.groups[0];
  if (sameLastYear && sameLastYear.base !== null) headline.yearAgo = { periods: yearAgo.periods, change: sameLastYear };
  return headline;
}
