import type { ColumnUnit, TimeGrain } from '../../core/dataset';
import type { ChangeBase, Cycle } from './analysis-plan';

/** A column of a computed result, with what the answer and the chart need to format it. */
export interface ResultColumn {
  name: string;
  type: 'number' | 'date' | 'datetime' | 'text' | 'boolean';
  /** `time` and `dimension` columns are groups; `measure` columns are computed numbers. */
  role: 'time' | 'dimension' | 'measure';
  unit: ColumnUnit | null;
  /** For time groups: the grain the values were truncated to. */
  grain?: TimeGrain;
  /**
   * For measures: the source column and aggregation, e.g. `sum of Sales`. A distinct count of a
   * date column also says what each of its dates is (`day`, or `month` for a column of one date a
   * month), so the count reads as days or months, not as "distinct date count".
   */
  source?: { column: string | null; aggregation: string; periods?: TimeGrain };
  /** For a cyclic group ("Day of Week"): its cycle; rows come in the cycle's natural order. */
  cycle?: Cycle;
  /**
   * For a change plan's measures: the base period's value (`base`), the change (`absolute`) or the
   * change as a fraction of the base (`percent`). The current period's value has none.
   */
  change?: 'base' | 'absolute' | 'percent';
}

/** The two periods a change compared, ISO 8601, `from` inclusive and `to` exclusive. */
export interface ChangePeriods {
  grain: TimeGrain;
  against: ChangeBase | 'period';
  /** The measured period ("2017"); for `to_date`, up to the data's last date. */
  current: { from: string; to: string };
  base: { from: string; to: string };
  /** Whether the measured period ends at the data's last date before its calendar end. */
  currentPartial: boolean;
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
  /** A single row of a measure over a column: the matching rows with a value in that column. */
  measuredRows?: number;
  /** Relationship plans: computed over every matching row, not just the plotted points. */
  relationship?: { correlation: number | null; slope: number | null; intercept: number | null; pairs: number };
  /** The data's last date (whole table) where the plan counts periods back from it. */
  lastDate?: string;
  /** Change plans measured for one period: the two periods compared. */
  change?: ChangePeriods;
  /**
   * A grouping cut to its top N (the plan's limit): the first measure over every group the
   * cut left in or out, so that "the highest" and "of the total" can be said of all of them.
   */
  groups?: {
    count: number;
    total: number | null;
    max: number | null;
    min: number | null;
    negatives: number;
    /**
     * A ranking by the measure: how many groups of all have the last shown row's value. More than
     * the rows shown with it when the cut goes through a tie.
     */
    tiedWithLast?: number;
    /** A ranking by the measure: the first group the cut left out, as a row of the table. */
    firstLeftOut?: ResultValue[];
  };
  /** Distribution plans: the bins of the histogram (from inclusive, to exclusive; the last bin includes its end). */
  bins?: { from: number; to: number; count: number }[];
}
