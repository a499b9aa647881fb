import { z } from 'zod';
import { AnalysisPlan, Filter } from '../plan/analysis-plan';

/**
 * What the bot remembers about one of its threads: the dataset it is about and
 * the last answered plan, so "now by region" refines it, and under a digest
 * the period it reported. A thread without
 * state is not the bot's, and replies in it are ignored.
 */
export const ThreadState = z.object({
  version: z.literal(1),
  dataset: z.string().min(1),
  plan: AnalysisPlan.optional(),
  /** Under a digest: the period it reported, which questions in the thread are about unless they name their own time. */
  period: Filter.optional(),
  updatedAt: z.iso.datetime(),
});
export type ThreadState = z.infer<typeof ThreadState>;
