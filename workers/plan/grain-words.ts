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

/** Days in ISO order (Monday first), as cyclic answers name them. */
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Months in calendar order, as cyclic answers and seasonal headlines name them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
