import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChartSpec } from '../../charts';
import type { DatasetMeta } from '../../core/dataset';
import type { SandboxOptions } from '../engine/sandbox';
import type { LanguageModel } from '../llm/language-model';
import type { AnalysisPlan, Filter } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import type { SqlValue } from '../plan/sql-params';
import type { Vocabulary } from '../planner/vocabulary';

/** A loaded dataset a question can be asked of. */
export interface QuestionContext {
  connection: DuckDBConnection;
  table: string;
  meta: DatasetMeta;
  /** Distinct values of the dimensions, loaded once per dataset (see `loadVocabulary`). */
  vocabulary?: Vocabulary;
  /** The plan of the answer being followed up ("now by region"). */
  previous?: AnalysisPlan;
  /** The period a digest's thread reports on: a plan naming no time of its own is answered within it. */
  period?: Filter;
  /** The language model (see `createLanguageModel`); without it the offline planner answers. */
  llm?: LanguageModel;
  /** Limits for a query the model writes itself. */
  sandbox?: SandboxOptions;
}

/** Which planner read the question. */
export type Planner = 'model' | 'offline';

export interface AnsweredQuestion {
  kind: 'answer';
  question: string;
  /**
   * What was computed. For a `method: 'sql'` answer it only describes how the
   * result is shown (its columns, title and chart) and is not a plan to
   * follow up on: the SQL is what ran.
   */
  plan: AnalysisPlan;
  /** What the planner matched, in words ("measure: Sales (from "revenue")"). */
  understood: string[];
  sql: string;
  params: Record<string, SqlValue>;
  result: ResultTable;
  headline: string;
  insights: string[];
  insightNumbers: number[];
  chart: ChartSpec | null;
  /** The chart rendered as PNG bytes; null when the answer is a table. */
  png: Buffer | null;
  planner: Planner;
  /** `plan`: a validated plan compiled to SQL; `sql`: a read-only query the model wrote, run in the sandbox. */
  method: 'plan' | 'sql';
  /** Who wrote the headline and insights: the model (numbers checked) or the templates. */
  narrative: 'model' | 'template';
  /** Why the model's work was not used, for the reply ("…, so this was planned offline."). */
  note?: string;
  /** Rows the figures skip because a column they use held NaN or placeholder dates (see `leftOutNote`). */
  leftOut?: string;
  /** Rows of the file that could not be read, so no figure counts them (see `unreadRowsNote`). */
  unread?: string;
}

export interface UnansweredQuestion {
  kind: 'not-understood';
  question: string;
  understood: string[];
  reason: string;
  suggestions: string[];
  planner: Planner;
  note?: string;
}

export type QuestionOutcome = AnsweredQuestion | UnansweredQuestion;
