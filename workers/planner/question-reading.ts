import type { ColumnProfile, TimeGrain } from '../../core/dataset';
import type { Aggregation, ChartKind, Comparison, Filter } from '../plan/analysis-plan';

/**
 * What a question explicitly asked for, before defaults are filled in. The
 * same shape describes a previous plan, so a follow-up ("now by region") is a
 * reading merged onto another.
 */

/** A measure as asked: its column (or rows) and the aggregation, if one was named. */
export interface MeasureChoice {
  /** null: a count of rows. */
  column: ColumnProfile | null;
  /** null: the column's default aggregation (a sum, or an average for rates and prices). */
  aggregation: Aggregation | null;
  /** The words that named it, for "Sales (from \"revenue\")". */
  words: string;
}

export interface DimensionChoice {
  column: ColumnProfile;
  /** For time columns: a grain, or `auto` to choose one from the span. */
  grain?: TimeGrain | 'auto';
  words: string;
}

export interface FilterChoice {
  filter: Filter;
  /** For the title and the "understood" list: `West`, `2016`, `excluding Furniture`. */
  label: string;
  /** Whether it bounds the time column, which a later time filter replaces. */
  time: boolean;
}

export interface ComparisonChoice {
  comparison: Comparison;
  time: boolean;
}

export interface Ranking {
  direction: 'asc' | 'desc';
  /** Absent: the default (10 bars). */
  limit?: number;
  /** "which state has the highest profit": the answer is the first group; the rest are context. */
  headline: boolean;
}

export interface Reading {
  measures: MeasureChoice[];
  dimensions: DimensionChoice[];
  filters: FilterChoice[];
  comparison?: ComparisonChoice;
  ranking?: Ranking;
  share: boolean;
  /** The words naming the part a share is of: "Furniture" in "what share of sales came from Furniture in the West". */
  sharePart?: string;
  /** The part was named before a grouping ("share of No by team"), not as where a measure came from. */
  sharePartBy?: boolean;
  kind?: 'relationship' | 'distribution';
  /** A chart asked for by name. */
  chart?: ChartKind;
  /** "overview", "summary", or an empty question. */
  overview: boolean;
  /** "over time", "trend": wants a time dimension even without a grain. */
  trend: boolean;
  /** The rows themselves were named ("strikes", "records"): with nothing else to measure, count them. */
  rowsNamed: boolean;
  /** How the rows were called ("strikes", "days"), for the title. */
  rowsNoun?: string;
  /** The time column the question refers to: one it named, else the dataset's first. */
  timeColumn: ColumnProfile | null;
  /** Follow-up cues: `refine` for "now", "only", "what about"…; `add` for "also", "split by". */
  followUp: { refine: boolean; add: boolean };
  /** What was matched, in words a person can check. */
  understood: string[];
  /** Why the question cannot be answered as asked; empty when it can. */
  problems: string[];
  /** Words that named nothing in the data, for a second try with their typos corrected. */
  unknownWords: string[];
}

/** A reading that asks for nothing yet: the start of every question. */
export function emptyReading(): Reading {
  return {
    measures: [],
    dimensions: [],
    filters: [],
    share: false,
    overview: false,
    trend: false,
    rowsNamed: false,
    timeColumn: null,
    followUp: { refine: false, add: false },
    understood: [],
    problems: [],
    unknownWords: [],
  };
}
