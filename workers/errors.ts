/** Stable codes a caller can switch on; the message is what a person reads. */
export type WorkerErrorCode =
  | 'FILE_EMPTY'
  | 'NO_DATA_ROWS'
  | 'NOT_A_TABLE'
  | 'FILE_TOO_LARGE'
  /** The table is wider than `MAX_COLUMNS`: DuckDB's in-memory storage costs a block per column. */
  | 'TOO_MANY_COLUMNS'
  /** The workbook's cells or shared strings would not fit in the worker's memory while being read. */
  | 'FILE_TOO_BIG_TO_READ'
  /** A CSV quote never closes (or closes lines later), so the reader took the rows after it for one cell. */
  | 'CSV_UNCLOSED_QUOTE'
  | 'XLSX_CORRUPT'
  | 'XLSX_ENCRYPTED'
  | 'XLSX_ZIP_BOMB'
  | 'XLS_LEGACY'
  | 'SHEET_NOT_FOUND'
  | 'FILE_NOT_FOUND'
  | 'UNSUPPORTED_FILE'
  /** The language model could not be reached, answered with an error, or its circuit is open. */
  | 'MODEL_UNAVAILABLE'
  /** The language model did not answer within the job's budget. */
  | 'MODEL_TIMEOUT'
  /** The language model kept answering 429 and its Retry-After did not fit the budget. */
  | 'MODEL_RATE_LIMITED'
  /** The language model's reply was not a usable plan or narrative, even after a repair round trip. */
  | 'MODEL_REPLY_INVALID'
  /** A model-written SQL statement was refused before it ran (not one read-only SELECT over the dataset). */
  | 'SQL_REFUSED'
  /** A model-written SQL statement ran past its time limit and was interrupted. */
  | 'SQL_TIMEOUT'
  /** A model-written SQL statement needed more memory than its sandbox has: the question's to change, not retried. */
  | 'SQL_TOO_MUCH_MEMORY'
  /** A model-written SQL statement failed in DuckDB. */
  | 'SQL_FAILED'
  /** `/analyze digest …` without a cadence, time, day or question that can be read. */
  | 'DIGEST_NOT_UNDERSTOOD';

/**
 * An error whose message can be shown to the person who sent the file: one line,
 * specific, with no internals. The original error, if any, rides along as `cause`.
 */
export class WorkerError extends Error {
  constructor(
    readonly code: WorkerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkerError';
  }
}

/** An SQS message that is not a job: it fails alone, goes round to the DLQ, and never reaches a handler. */
export class PoisonMessageError extends Error {
  readonly code = 'POISON_MESSAGE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoisonMessageError';
  }
}

/**
 * A record the invocation had too little time left to start: it is put back on
 * the queue untouched, with nobody told, since its job never ran.
 */
export class NotStartedError extends Error {
  readonly code = 'NOT_STARTED';

  constructor(remainingMs: number) {
    super(`Only ${remainingMs} ms of the invocation were left, less than the safety margin: the job was not started.`);
    this.name = 'NotStartedError';
  }
}

/** Human-readable byte size for messages ("212 MB"). */
export function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 10) return `${Math.round(mb)} MB`;
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
