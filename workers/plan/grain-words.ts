import type { TimeGrain } from '../../core/dataset';

/** How a series at a grain is introduced, in titles, suggestions and headlines: "Monthly Sales". */
export const GRAIN_ADJECTIVE: Readonly<Record<TimeGrain, string>> = {
  hour: 'Hourly',
  day: 'Daily',
  week: 'Weekly',
  month: 'Monthly',
  quarter: 'Quarterly',
  year: 'Yearly',
};
