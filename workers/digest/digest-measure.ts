import type { DatasetMeta } from '../../core/dataset';
import type { Cadence } from '../../core/digest-cadence';
import type { AnalysisPlan, PeriodGrain } from '../plan/analysis-plan';
import type { DigestMeasure } from './period-change';

const CADENCE_GRAIN: Record<Cadence['every'], PeriodGrain> = { day: 'day', week: 'week', month: 'month' };

/** What a digest follows, read from its stored plan, with the cadence's period when the plan names none. */
export function digestMeasure(plan: AnalysisPlan, meta: DatasetMeta, cadence: Cadence): DigestMeasure | undefined {
  const measure = plan.measures[0];
  const timed = plan.change?.column ?? plan.dimensions.find((dimension) => dimension.grain !== undefined)?.column;
  const timeColumn = timed ?? meta.columns.find((column) => column.role === 'time')?.name;
  if (!measure || !timeColumn) return undefined;
  const grain = plan.change?.grain ?? CADENCE_GRAIN[cadence.every];
  return { measure, timeColumn, grain, filters: plan.filters };
}
