import { z } from 'zod';
import { AnalysisPlan } from '../plan/analysis-plan';

/**
 * What an answer's "Show SQL" and "Download CSV" buttons need, kept in the
 * answering job's ledger: the plan to run again and the statement that ran.
 */
export const AnswerRecord = z.object({
  dataset: z.string(),
  question: z.string(),
  plan: AnalysisPlan,
  sql: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** `sql`: the language model wrote the query, so it is run again in the sandbox, and the plan only describes the result. */
  method: z.enum(['plan', 'sql']),
  /** Where the answer is, so the exports land next to it. */
  channel: z.string(),
  thread: z.string(),
});
export type AnswerRecord = z.infer<typeof AnswerRecord>;
