import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetMeta } from '../../core/dataset';
import { measureName } from '../plan/measure-columns';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { concentration, mostExplanatory } from './change-drivers';
import { denominatorOf, memberContributions } from './change-contributions';
import { digestHeadline } from './digest-headline';
import { digestSeries } from './digest-series';
import type { DigestFindings } from './digest-words';
import type { DigestMeasure } from './period-change';
import { newTrend, recordValue, unusualChange } from './series-signals';

/** Dimensions with more members than this are not tried as drivers: a driver among 500 SKUs reads as noise. */
const MAX_DRIVER_MEMBERS = 50;

/**
 * Everything a digest says, computed on one dataset version: the headline change, the drivers
 * (along the plan's dimension, or the most explanatory one), unusual change, record, new trend
 * and concentration. `undefined` when the data has no complete period to report.
 */
export async function digestFindings(
  connection: DuckDBConnection,
  meta: DatasetMeta,
  table: string,
  plan: AnalysisPlan,
  what: DigestMeasure,
): Promise<DigestFindings | undefined> {
  const headline = await digestHeadline(connection, meta, table, what);
  if (!headline) return undefined;
  const planned = plan.dimensions.find(
    (dimension) => dimension.grain === undefined && dimension.column !== what.timeColumn,
  );
  const candidates = planned
    ? [planned.column]
    : meta.columns
        .filter((column) => column.role === 'dimension' && (column.distinct ?? Infinity) <= MAX_DRIVER_MEMBERS)
        .map((column) => column.name);
  const breakdowns = await Promise.all(
    candidates.map(async (dimension) => {
      const { groups, parts } = await memberContributions(connection, meta, table, what, dimension);
      return parts ? [{ dimension, groups, parts }] : [];
    }),
  );
  const best = mostExplanatory(breakdowns.flat());
  const { complete, partial } = await digestSeries(connection, meta, table, {
    measure: what.measure,
    timeColumn: what.timeColumn,
    grain: what.grain,
    filters: what.filters,
  });
  // The series and the headline speak of the same latest period, and the headline's rule of a
  // complete period is the one that holds (the answer layer's share of a bucket is another).
  const points = partial ? [...complete, partial] : complete;
  const series = points.filter((point) => point.iso.slice(0, 10) < headline.periods.current.to);
  // A member's share of a total means something only for a measure that adds up (a sum, a count).
  const spread = best && denominatorOf(what.measure) === null ? concentration(best.groups) : undefined;
  const findings: DigestFindings = {
    measureName: measureName(what.measure),
    unit: meta.columns.find((column) => column.name === what.measure.column)?.unit ?? null,
    grain: what.grain,
    headline,
    series,
  };
  if (best) findings.drivers = { dimension: best.dimension, found: best.drivers };
  const unusual = unusualChange(series);
  if (unusual) findings.unusual = unusual;
  const record = recordValue(series);
  if (record) findings.record = record;
  const trend = newTrend(series);
  if (trend) findings.trend = trend;
  if (best && spread) findings.concentration = { dimension: best.dimension, found: spread };
  return findings;
}
