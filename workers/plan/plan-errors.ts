import { closestColumns } from './closest-columns';

/** Stable codes a caller can switch on; the message is what a person reads. */
export type PlanErrorCode =
  /** The plan does not match the `AnalysisPlan` schema, or its parts contradict each other. */
  | 'INVALID_PLAN'
  /** A column the plan names is not in the dataset. */
  | 'UNKNOWN_COLUMN'
  /** A name matches several columns that differ only in letter case. */
  | 'AMBIGUOUS_COLUMN'
  /** A column exists but cannot be used that way (a sum of text, a monthly grain on a category). */
  | 'WRONG_COLUMN_KIND'
  /** A filter or comparison value cannot be compared with its column (a word for a number, a bad date). */
  | 'INVALID_VALUE'
  /** DuckDB refused or failed the compiled query; the cause says why. */
  | 'QUERY_FAILED';

/**
 * An analysis plan that cannot be answered as asked. The message names the
 * column or value at fault in words a person can act on; the planner may also
 * hand it back to the language model to correct its plan.
 */
export class PlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PlanError';
  }
}

/** How many column names a "no such column" message lists when nothing is close. */
const LISTED_COLUMNS = 12;

/**
 * The error for a column name that is not in the dataset, naming the closest
 * real columns, or the columns there are when none is close.
 *
 * @example
 * unknownColumnError('Revnue', ['Region', 'Revenue', 'Revenue Share']).message
 * // 'There is no column "Revnue". Did you mean "Revenue" or "Revenue Share"?'
 */
export function unknownColumnError(name: string, columns: readonly string[]): PlanError {
  const close = closestColumns(name, columns);
  if (close.length > 0) {
    return new PlanError('UNKNOWN_COLUMN', `There is no column "${name}". Did you mean ${orList(close)}?`);
  }
  const listed = columns.slice(0, LISTED_COLUMNS).map((c) => `"${c}"`);
  const more = columns.length > LISTED_COLUMNS ? ` and ${columns.length - LISTED_COLUMNS} more` : '';
  return new PlanError('UNKNOWN_COLUMN', `There is no column "${name}". The columns are ${listed.join(', ')}${more}.`);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
function orList(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  const last = quoted.pop() ?? '';
  return quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last;
}
