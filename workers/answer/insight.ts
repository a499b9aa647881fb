import type { Statement } from './stated-numbers';

/** What an insight is about; the ranking and the narrative check key on it. */
export type InsightKind =
  | 'comparison'
  | 'comparison-range'
  | 'correlation'
  | 'change'
  | 'top-share'
  | 'outliers'
  | 'peak-trough'
  | 'negative'
  | 'typical-range'
  | 'median'
  | 'skew'
  | 'filters';

/** One fact computed from the result, in a sentence, with the numbers the sentence states. */
export interface Insight extends Statement {
  kind: InsightKind;
}
