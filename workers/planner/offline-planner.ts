import type { AnalysisPlan } from '../plan/analysis-plan';
import { readPlan, type PlannerContext } from './question-planner';
import { suggestQuestions } from './suggestions';

export type { PlannerContext } from './question-planner';

/**
 * What the offline planner made of a question: a plan with what it matched
 * (`measure: Sales (from "revenue")`, `filter: Region = West`), or a refusal
 * that says what it did understand, why it stopped, and three questions that
 * would work on this dataset.
 */
export type PlannerOutcome =
  | { kind: 'plan'; plan: AnalysisPlan; understood: string[] }
  | { kind: 'not-understood'; understood: string[]; reason: string; suggestions: string[] };

/**
 * Turns a plain-language question into an `AnalysisPlan` without an LLM: the
 * fallback when the model is away. Pure and synchronous. It answers only what
 * it understood: an unknown word that might name data, a column that does not
 * exist, a period outside the data or a forecast makes it refuse rather than
 * guess. With `previous`, a follow-up ("now by region", "only 2017", "as a
 * bar chart", "top 3 instead", "what about profit") refines that plan.
 *
 * @example
 * planQuestion('top 5 customers by profit in 2016', { meta, vocabulary })
 * // { kind: 'plan', plan: { measures: [{ column: 'Profit', aggregation: 'sum' }],
 * //   dimensions: [{ column: 'Customer Name' }], limit: 5, chart: 'bar',
 * //   title: 'Top 5 Customer Name by Total Profit, 2016', … }, understood: [...] }
 */
export function planQuestion(question: string, context: PlannerContext): PlannerOutcome {
  const outcome = readPlan(question, context);
  if (outcome.kind === 'plan') return outcome;
  return { ...outcome, suggestions: suggestQuestions(context.meta, context.vocabulary) };
}
