import type { AnalysisPlan } from './analysis-plan';
import type { ChangePeriods, ResultColumn } from './result-table';
import type { SqlValue } from './sql-params';

/** A figure about the whole answer that a compiled query selects after the result's own columns. */
export type SummaryField =
  | 'matchedRows'
  | 'correlation'
  | 'slope'
  | 'intercept'
  | 'pairs'
  /** A one-period change's compared periods (timestamps or years) and whether the measured one is partial. */
  | 'currentFrom'
  | 'currentTo'
  | 'baseFrom'
  | 'baseTo'
  | 'currentPartial'
  /** The data's last date, where a filter counts periods back from it. */
  | 'lastDate'
  /** A single row of a measure over a column: how many of the matching rows have a value in it. */
  | 'measuredRows'
  /**
   * A ranking cut to its top N: the first measure over every group, before the cut (how many
   * groups, their total, highest, lowest, and how many are below zero).
   */
  | 'groupCount'
  | 'groupTotal'
  | 'groupMax'
  | 'groupMin'
  | 'groupNegatives';

/** One SQL statement that answers a plan, with its values bound separately. */
export interface CompiledPlan {
  kind: AnalysisPlan['kind'];
  sql: string;
  /** Named parameters: `$p0` in the SQL is `params.p0`. */
  params: Record<string, SqlValue>;
  /** The columns of the answer, in the order the SQL selects them. */
  columns: ResultColumn[];
  /**
   * The columns selected after `columns`, in order: one figure each, the same
   * on every row, so a single query brings back both the table and its totals.
   */
  summary: SummaryField[];
  /**
   * Relationship and distribution queries return one row even when nothing
   * is plotted, to carry the summary. That row has NULL in the column at this
   * index, which is never NULL in a real row, and is not part of the table.
   */
  carrierColumn?: number;
  /**
   * A ranking by the measure cut to its first `shown` groups: the query returns one row more (the
   * first group left out), and at `tiesColumn` of each row how many groups of all share its value.
   */
  cut?: { shown: number; tiesColumn: number };
  /** A one-period change plan: what its period summary fields describe. */
  change?: Pick<ChangePeriods, 'grain' | 'against'>;
}
