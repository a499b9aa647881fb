import type { ColumnUnit, TimeGrain } from '../../core/dataset';

/** A column of a computed result, with what the answer and the chart need to format it. */
export interface ResultColumn {
  name: string;
  type: 'number' | 'date' | 'datetime' | 'text' | 'boolean';
  /** `time` and `dimension` columns are groups; `measure` columns are computed numbers. */
  role: 'time' | 'dimension' | 'measure';
  unit: ColumnUnit | null;
  /** For time groups: the grain the values were truncated to. */
  grain?: TimeGrain;
  /** For measures: the source column and aggregation, e.g. `sum of Sales`. */
  source?: { column: string | null; aggregation: string };
}

export type ResultValue = string | number | boolean | null;

/**
 * What a plan computed: rows of JSON-ready values. Dates and datetimes are ISO
 * 8601 strings (`2016-03-01`, `2016-03-01T13:00:00`), numbers are numbers
 * (BIGINT and DECIMAL converted), so the CLI's `--json` and the replies share it.
 */
export interface ResultTable {
  columns: ResultColumn[];
  rows: ResultValue[][];
  /** Rows in the dataset that matched the plan's filters (before grouping). */
  matchedRows: number;
  /** Relationship plans: computed over every matching row, not just the plotted points. */
  relationship?: { correlation: number | null; slope: number | null; intercept: number | null; pairs: number };
  /** Distribution plans: the bins of the histogram (from inclusive, to exclusive; the last bin includes its end). */
  bins?: { from: number; to: number; count: number }[];
}
