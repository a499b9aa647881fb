import { z } from 'zod';
import { AnalysisPlan } from '../plan/analysis-plan';

/** Charts a model-written SQL answer may ask for: the ones a plain result table can fill. */
export const SqlChart = z.enum(['bar', 'horizontal-bar', 'line', 'kpi', 'table']);
export type SqlChart = z.infer<typeof SqlChart>;

/**
 * What the planning model answers: a plan (the usual case), one read-only
 * SELECT for what a plan cannot express, or a refusal for a question the data
 * cannot answer. Constrains the reply (as JSON schema) and checks it (with zod).
 */
export const ModelReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), plan: AnalysisPlan }),
  z.object({
    kind: z.literal('sql'),
    sql: z.string().min(1).max(4000),
    title: z.string().min(1).max(200),
    chart: SqlChart,
  }),
  z.object({ kind: z.literal('decline'), reason: z.string().min(1).max(300) }),
]);
export type ModelReply = z.infer<typeof ModelReply>;

/**
 * The reply's JSON schema for `response_format` and guided decoding;
 * defaulted fields are optional. The root says `object` besides the union,
 * because structured-output servers want an object at the root.
 */
export function modelReplySchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(ModelReply, { io: 'input' });
  return { type: 'object', ...schema };
}

/** The narrative model's reply: a headline and up to five insights, written from the given figures only. */
export const NarrativeReply = z.object({
  headline: z.string().min(1).max(300),
  insights: z.array(z.string().min(1).max(300)).max(5),
});
export type NarrativeReply = z.infer<typeof NarrativeReply>;

export function narrativeReplySchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(NarrativeReply);
  return schema;
}
