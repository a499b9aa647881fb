import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetMeta, TimeGrain } from '../../core/dataset';
import { splitPartialLast, type CompleteSeries } from '../answer/partial-period';
import { timeSeries, viewResult } from '../answer/result-view';
import { AnalysisPlan, type Measure } from '../plan/analysis-plan';
import { runPlan } from '../plan/run-plan';

/** The measure a digest follows, over the periods of one time column. */
export interface SeriesRequest {
  measure: Measure;
  timeColumn: string;
  grain: TimeGrain;
  /** The digest plan's filters, so the series counts what the question counts. */
  filters: AnalysisPlan['filters'];
}

/**
 * The digest's measure per period, computed by the plan language (one aggregate plan grouped by
 * the time column at `grain`), with a last period the data covers only in part set apart: a digest
 * never reports a week that has barely started as a fall.
 */
export async function digestSeries(
  connection: DuckDBConnection,
  meta: DatasetMeta,
  table: string,
  request: SeriesRequest,
): Promise<CompleteSeries> {
  const plan = AnalysisPlan.parse({
    version: 2,
    kind: 'aggregate',
    chart: 'line',
    title: 'digest series',
    measures: [request.measure],
    dimensions: [{ column: request.timeColumn, grain: request.grain }],
    filters: request.filters,
    sort: { by: 'dimension', direction: 'asc' },
  });
  const { result } = await runPlan(connection, plan, meta, table);
  const view = viewResult(plan, result, meta);
  const measure = view.measures[0];
  const series = measure && view.time ? timeSeries(result, view, measure) : null;
  if (!series || !view.time) return { complete: [], partial: null };
  return splitPartialLast(plan, meta, view.time, series);
}
