import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan, Filter } from '../plan/analysis-plan';
import { followUpTimeColumn, isFollowUp, mergeFollowUp, readingFromPlan } from './follow-up';
import { assemblePlan } from './plan-assembly';
import { readNumberFilter } from './number-filters';
import { missingParts, missingReason } from './plan-coverage';
import { questionParts } from './question-parts';
import { readQuestion } from './read-question';
import { readSuperlative } from './superlatives';
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
  const { meta } = context;
  const rewrite = rewriteQuestion(question, meta);
  if (rewrite.problem)
    return { kind: 'not-understood', understood: rewrite.understood, reason: sentence([rewrite.problem]) };
  const outcome = readRewritten(rewrite.question, context);
  if (outcome.kind !== 'plan') return { ...outcome, understood: [...rewrite.understood, ...outcome.understood] };
  const plan = {
    ...outcome.plan,
    filters: [...outcome.plan.filters, ...rewrite.filters],
    title: [outcome.plan.title, ...rewrite.labels].join(', ').slice(0, 200),
  };
  return { kind: 'plan', plan, understood: [...rewrite.understood, ...outcome.understood] };
}

interface Rewrite {
  question: string;
  filters: Filter[];
  labels: string[];
  understood: string[];
  problem?: string;
}

/**
 * What the word-by-word reader cannot take as it stands, turned into what it
 * can: a superlative without a measure word ("the rainiest month") into a
 * ranking by the column that carries it, and conditions on numbers ("over
 * $5,000") into filters, taken out of the text.
 */
function rewriteQuestion(question: string, meta: DatasetMeta): Rewrite {
  const rewrite: Rewrite = { question, filters: [], labels: [], understood: [] };
  const superlative = readSuperlative(question, meta);
  if (superlative.kind === 'problem') return { ...rewrite, problem: superlative.problem };
  if (superlative.kind === 'read') {
    rewrite.question = superlative.question;
    rewrite.understood.push(superlative.understood);
  }
  for (let k = 0; k < 3; k++) {
    const condition = readNumberFilter(rewrite.question, meta);
    if (condition.kind === 'none') break;
    if (condition.kind === 'problem') return { ...rewrite, problem: condition.problem };
    rewrite.question = condition.question;
    rewrite.filters.push(condition.filter);
    rewrite.labels.push(condition.label);
    rewrite.understood.push(condition.understood);
  }
  return rewrite;
}

function readRewritten(question: string, context: PlannerContext): PlanReading {
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
