import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { followUpTimeColumn, isFollowUp, mergeFollowUp, readingFromPlan } from './follow-up';
import { assemblePlan } from './plan-assembly';
import { missingParts, missingReason } from './plan-coverage';
import { questionParts } from './question-parts';
import { readQuestion } from './read-question';
import type { Vocabulary } from './vocabulary';

export interface PlannerContext {
  meta: DatasetMeta;
  vocabulary: Vocabulary;
  /** The plan of the previous question in the same thread, for follow-ups ("now by region"). */
  previous?: AnalysisPlan;
}

/** A plan, or why there is none; `understood` lists what was matched either way. */
export type PlanReading =
  | { kind: 'plan'; plan: AnalysisPlan; understood: string[] }
  | { kind: 'not-understood'; understood: string[]; reason: string };

/**
 * Plans a question without suggestions: the offline planner's core, also used
 * to check that suggested questions plan.
 *
 * @example
 * readPlan('total sales by region', { meta, vocabulary }).kind // 'plan'
 */
export function readPlan(question: string, context: PlannerContext): PlanReading {
  const { meta, vocabulary } = context;
  // A previous plan that names columns this dataset lacks (another file, an LLM's spelling) cannot be refined.
  const previous = context.previous && namesKnownColumns(context.previous, meta) ? context.previous : undefined;
  const reading = readQuestion(question, meta, vocabulary, previous ? followUpTimeColumn(previous, meta) : null);
  if (reading.problems.length > 0) {
    return { kind: 'not-understood', understood: reading.understood, reason: sentence(reading.problems) };
  }
  const merged = previous && isFollowUp(reading) ? mergeFollowUp(readingFromPlan(previous, meta), reading) : reading;
  const assembly = assemblePlan(merged, meta);
  if (assembly.kind === 'problem') {
    return { kind: 'not-understood', understood: assembly.understood, reason: sentence(assembly.problems) };
  }
  // A follow-up's parts are read from its own words: "now by region" asks for no ratio the first question had.
  const missing = missingParts(questionParts(question, meta), assembly.plan, meta, assembly.understood);
  if (missing.length > 0) {
    return { kind: 'not-understood', understood: assembly.understood, reason: sentence([missingReason(missing)]) };
  }
  return assembly;
}

/** Problems as one readable sentence or two: capitalised, each ending in a full stop. */
function sentence(problems: readonly string[]): string {
  return [...new Set(problems)]
    .map((p) => `${p.charAt(0).toUpperCase()}${p.slice(1)}${/[.?!]$/.test(p) ? '' : '.'}`)
    .join(' ');
}

function namesKnownColumns(plan: AnalysisPlan, meta: DatasetMeta): boolean {
  const names = new Set(meta.columns.map((c) => c.name));
  const used = [
    ...plan.measures.flatMap((m) => (m.column === null ? [] : [m.column])),
    ...plan.dimensions.map((d) => d.column),
    ...plan.filters.map((f) => f.column),
    ...(plan.comparison ? [plan.comparison.column] : []),
  ];
  return used.every((name) => names.has(name));
}
