import type { ColumnRole } from '../../core/dataset';
import type { ResultColumn, ResultValue } from '../plan/result-table';
import type { SqlValue } from '../plan/sql-params';

/**
 * What the worker says, as data: every adapter renders it its own way (Block
 * Kit, an Adaptive Card, HTML). Text in it is plain, as a person or a file
 * wrote it, never escaped or marked up: escaping is the renderer's job.
 */
export type Reply =
  | ProgressReply
  | ProblemReply
  | FailureReply
  | AnswerReply
  | NotUnderstoodReply
  | ProfileReply
  | DatasetListReply
  | HelpReply
  | SqlReply
  | CsvReadyReply
  | DigestReply
  | DigestListReply
  | DigestSetUpReply;

export type ReplyKind = Reply['kind'];

/** Work in progress ("Reading sales.csv…"), with the last-try caveat under it when there is one. */
export interface ProgressReply {
  kind: 'progress';
  doing: string;
  caveat?: string;
}

/** Something the person can fix or should know (a file too large, no dataset yet). */
export interface ProblemReply {
  kind: 'problem';
  message: string;
}

/**
 * A failure on our side: `retrying` while tries are left, else the end;
 * `timedOut` when the try ran past its time limit. The reference finds the job in the logs.
 */
export interface FailureReply {
  kind: 'failure';
  retrying: boolean;
  timedOut: boolean;
  reference: string;
  /**
   * What broke, when it would break the same way on every try ("The chart
   * could not be drawn…"): the job ends at once rather than being retried.
   */
  settled?: string;
}

/** A dataset as people see it named: "sales_q3.xlsx · 12,430 rows × 9 columns · Jan–Sep 2024". */
export interface DatasetTitle {
  /** The file, with the sheet when the workbook has several (`sales.xlsx [Q3]`). */
  name: string;
  rows: number;
  columns: number;
  /** The time column's span ("Jan–Sep 2024"), if there is one. */
  span?: string;
}

/** The buttons a reply can carry. `ask` asks a question about one dataset; the others act on one answer (its job id). */
export type ReplyAction =
  | { kind: 'ask'; dataset: string; question: string }
  | { kind: 'show-sql'; answer: string }
  | { kind: 'download-csv'; answer: string }
  /** "Send this every week": a weekly digest of the answer's question. */
  | { kind: 'subscribe'; answer: string }
  | DigestAction;

/** A digest's buttons in `digests`: pause, resume, send now, delete. */
export interface DigestAction {
  kind: 'digest';
  digest: string;
  do: 'pause' | 'resume' | 'send-now' | 'delete';
}

export type AskAction = Extract<ReplyAction, { kind: 'ask' }>;

/** A chart image the answer refers to; adapters either attach it (Slack) or show it in the reply. */
export interface ChartImage {
  png: Buffer;
  title: string;
  filename: string;
}

/** Which data the numbers come from. `matchedRows` and `filters` only when filters applied. */
export interface AnswerFooter {
  dataset: string;
  rows: number;
  matchedRows?: number;
  /** The filters in words ("Region is West, 2017"). */
  filters?: string;
  /** Rows the figures skip for values the file held that stand for none ("12 rows without a Sales value … are left out."). */
  leftOut?: string;
  /** Rows of the file that could not be read and are in no figure ("950 rows of the file could not be read …"). */
  unread?: string;
}

/** The answer to a question: the headline, insights that are in the data, the chart or the table, and where it came from. */
export interface AnswerReply {
  kind: 'answer';
  headline: string;
  insights: string[];
  /** The result as a table, when there is no chart to show it. `hiddenRows` are in the CSV only. */
  table?: { columns: ResultColumn[]; rows: ResultValue[][]; hiddenRows: number };
  chart?: ChartImage;
  /** A caveat on how the answer was reached (a fallback, a model-written query). */
  note?: string;
  footer: AnswerFooter;
  /** Show SQL and Download CSV, and any questions to follow up with. */
  actions: ReplyAction[];
}

/** A question the planner could not read: what it understood, and questions that work on the dataset. */
export interface NotUnderstoodReply {
  kind: 'not-understood';
  question: string;
  /** Why, as one sentence without its full stop. */
  reason: string;
  understood: string[];
  /** The dataset's shown name. */
  dataset: string;
  actions: AskAction[];
}

/** One column as the profile lists it, with its details ("USD", "monthly", "Jan–Sep 2024", "12 values"). */
export interface ProfileColumn {
  name: string;
  details: string[];
}

/** A note on how the file was read; `column` when it is about one column. */
export interface ProfileNote {
  column?: string;
  text: string;
}

/** The reply to a shared file once it is read: its title, columns by role, reading notes and questions to ask. */
export interface ProfileReply {
  kind: 'profile';
  title: DatasetTitle;
  /** Only roles with columns, in the order to show them. */
  roles: { role: ColumnRole; label: string; columns: ProfileColumn[] }[];
  notes: ProfileNote[];
  actions: AskAction[];
}

/** One dataset of the channel's list. */
export interface DatasetListing {
  title: DatasetTitle;
  /** ISO date-time. */
  addedAt: string;
  addedBy: { id: string; name?: string };
}

/**
 * `list`: the conversation's datasets, newest first; empty means there is none
 * yet. Without `mentionUploaders` nobody is mentioned (a new message would
 * notify every uploader; an edit notifies nobody).
 */
export interface DatasetListReply {
  kind: 'dataset-list';
  datasets: DatasetListing[];
  mentionUploaders: boolean;
}

/** `help`, with questions that work on the newest dataset when there is one. */
export interface HelpReply {
  kind: 'help';
  examples?: { title: DatasetTitle; actions: AskAction[] };
}

/** "Show SQL": the statement exactly as it ran, and the values bound to its placeholders. */
export interface SqlReply {
  kind: 'sql';
  question: string;
  dataset: string;
  sql: string;
  params: Record<string, SqlValue>;
}

/** "Download CSV" done: the file itself is attached to the thread next to this. */
export interface CsvReadyReply {
  kind: 'csv-ready';
  question: string;
  rows: number;
}

/**
 * A scheduled digest's post: `news` has the headline change and what stands behind it;
 * `nothing-notable` and `no-new-data` are one quiet line each, with no findings or charts.
 */
export interface DigestReply {
  kind: 'digest';
  /** The question the digest follows, as its subscriber typed it. */
  question: string;
  tone: 'news' | 'nothing-notable' | 'no-new-data';
  headline: string;
  /** Drivers and detractors with their share of the change, unusual change, records, trends, concentration. */
  insights: string[];
  /** The file read and when it was uploaded, in words on the subscriber's clock ("sales.csv, uploaded …"). */
  source: string;
  /** Rows of that file that could not be read and are in no figure ("950 rows of the file could not be read …"). */
  unread?: string;
  /** The series with the latest period highlighted, then the drivers' bars when drivers are named. */
  charts: ChartImage[];
}

/** One digest of the channel's list. */
export interface DigestListing {
  id: string;
  question: string;
  /** "every Monday at 9:00 (Europe/Berlin time)". */
  schedule: string;
  /** "reads sales.csv", "reads the newest file under s3://acme-exports/sales/". */
  source: string;
  /** "next Monday 7 December 2026 at 9:00", on the digest's clock; absent while it is paused. */
  nextRun?: string;
  owner: { id: string; name?: string };
  paused: boolean;
  /** How the last run went, in words, when there was one. */
  lastRun?: string;
  actions: DigestAction[];
}

/** `digests`: the channel's digests, oldest first; empty means there is none yet. */
export interface DigestListReply {
  kind: 'digest-list';
  digests: DigestListing[];
  /** What a button just did ("Paused “sales by region”."), shown above the list. */
  notice?: string;
}

/** A new digest confirmed: what comes, when the first one arrives, in the subscriber's time zone, and any default taken. */
export interface DigestSetUpReply {
  kind: 'digest-set-up';
  lines: string[];
}
