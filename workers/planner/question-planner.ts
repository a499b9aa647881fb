import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan, Filter } from '../plan/analysis-plan';
import { followUpTimeColumn, isFollowUp, mergeFollowUp, readingFromPlan } from './follow-up';
import { readCasualPhrase } from './casual-phrases';
import { readCyclePhrase, withCycle } from './cycle-phrases';
import { readGroupTopPhrase, withGroupTop } from './group-top-phrases';
import { againstPeriodBefore, onlyYear, readAgainstLast, withChange, withLatestAgainstPrevious } from './change-plans';
import { assemblePlan } from './plan-assembly';
import { countedEntity, perEntityTotal, readEntityCondition } from './entity-conditions';
import { readNumberFilter } from './number-filters';
import { missingParts, missingReason } from './plan-coverage';
import { questionParts, type QuestionPart } from './question-parts';
import { readPerRow, readRatioPhrase, withRatio } from './ratio-phrases';
import { corrected, typoCorrections } from './typo-corrections';
import { readQuestion } from './read-question';
import { readSuperlative } from './superlatives';
import { fold, nameWords } from './question-tokens';
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
  const { unknown, ...outcome } = readPlanAsTyped(question, context);
  if (outcome.kind === 'plan' || unknown.length === 0) return outcome;
  // "proft by cateogry", "sales in Califronia": one more try with the typos taken for the data's own words.
  const corrections = typoCorrections(unknown, context.meta, context.vocabulary);
  if (!corrections) return outcome;
  const { unknown: _unknown, ...retried } = readPlanAsTyped(corrected(question, corrections), context);
  if (retried.kind !== 'plan') return outcome;
  const read = corrections.map((c) => `read "${c.typed}" as "${c.meant}"`);
  return { ...retried, understood: [...read, ...retried.understood] };
}

/** A plan reading, with the words that named nothing when there is none. */
type TypedReading = PlanReading & { unknown: string[] };

function readPlanAsTyped(question: string, context: PlannerContext): TypedReading {
  const { meta } = context;
  const rewrite = rewriteQuestion(question, meta);
  if (rewrite.problem)
    return { kind: 'not-understood', understood: rewrite.understood, reason: sentence([rewrite.problem]), unknown: [] };
  const outcome = readRewritten(rewrite.question, context);
  if (outcome.kind !== 'plan') return { ...outcome, understood: [...rewrite.understood, ...outcome.understood] };
  const understood = [...rewrite.understood, ...outcome.understood];
  let plan: AnalysisPlan | null = {
    ...outcome.plan,
    filters: [...outcome.plan.filters, ...rewrite.filters],
    title: [outcome.plan.title, ...rewrite.labels].join(', ').slice(0, 200),
  };
  // A follow-up's parts are read from its own words: "now by region" asks for no ratio the first question had.
  const read = questionParts(rewrite.question, meta);
  for (const reshape of rewrite.reshapes) plan = plan && reshape(plan, understood);
  const grouped = understood.some((line) => line.startsWith('group by:'));
  const change = plan && read.some((p) => CHANGES.has(p.kind)) ? withChange(plan, read, meta, grouped) : null;
  const year = plan && !change && read.some((p) => p.kind === 'change') ? onlyYear(plan, meta) : null;
  if (year !== null) {
    const reason = `the data's dates all fall in ${year}, so there is no earlier year to compare with`;
    return { kind: 'not-understood', understood, reason: sentence([reason]), unknown: [] };
  }
  if (change) {
    plan = change;
    // The periods the reader compared or kept are now the change's own.
    const ranged = plan.filters.some((f) => f.op === 'range');
    const stale = understood.filter(
      (l) =>
        /^(compare|grain):/.test(l) ||
        (!ranged && /^filter: .* \(from \d{4}-/.test(l)) ||
        // A ranking of groups by their change says so itself.
        (plan?.change?.period !== 'each' && plan?.sort !== undefined && /^(answer|rank): /.test(l)),
    );
    understood.splice(0, understood.length, ...understood.filter((l) => !stale.includes(l)), changeWords(change));
  }
  if (plan)
    understood.splice(
      0,
      understood.length,
      ...understood.filter((l) => !l.startsWith('chart: ')),
      `chart: ${plan.chart}`,
    );
  // The parts the rewrite took out of the words must be in the reshaped plan.
  const taken = new Set(rewrite.reshapes.length > 0 ? RESHAPED : []);
  const parts = [...read, ...questionParts(question, meta).filter((p) => taken.has(p.kind))];
  const missing = plan ? missingParts(parts, plan, meta, understood) : parts;
  if (!plan || missing.length > 0) {
    const reason = missing.length > 0 ? missingReason(missing) : 'the question asks for more than one plan can hold';
    return { kind: 'not-understood', understood, reason: sentence([reason]), unknown: [] };
  }
  return { kind: 'plan', plan, understood, unknown: [] };
}

function changeWords({ change, comparison, sort }: AnalysisPlan): string {
  if (!change) return `compare: ${comparison?.sides.map((s) => s.label).join(' vs ') ?? ''}`;
  const period = change.period === 'each' ? `each ${change.grain}` : change.period;
  const ranked =
    change.period !== 'each' && sort?.by === 'measure'
      ? `, ranked by the change, largest ${sort.direction === 'asc' ? 'fall' : 'rise'} first`
      : '';
  return `change: ${change.column} by ${change.grain}, ${period} against ${change.against}${ranked}`;
}

const CHANGES = new Set<QuestionPart['kind']>(['change', 'period-over-period', 'first-vs-last']);

/** The kinds of question part a rewrite turns into plan parts after planning. */
const RESHAPED: QuestionPart['kind'][] = ['cyclic', 'ratio', 'top-per-group', 'period-over-period'];

interface Rewrite {
  question: string;
  filters: Filter[];
  labels: string[];
  understood: string[];
  /** Steps that put back into the plan what was taken out of the words (a cycle, a ratio); null if they cannot. */
  reshapes: ((plan: AnalysisPlan, understood: string[]) => AnalysisPlan | null)[];
  problem?: string;
}

/**
 * What the word-by-word reader cannot take as it stands, turned into what it
 * can: a superlative without a measure word ("the rainiest month") into a
 * ranking by the column that carries it, conditions on numbers ("over
 * $5,000") into filters, taken out of the text, and ratios and cycles into
 * the plain measures and grains they are made of, reshaped after planning.
 */
function rewriteQuestion(question: string, meta: DatasetMeta): Rewrite {
  const rewrite: Rewrite = {
    question: againstPeriodBefore(withoutKindWords(question, meta)),
    filters: [],
    labels: [],
    understood: [],
    reshapes: [],
  };
  const casual = readCasualPhrase(rewrite.question, meta);
  if (casual.kind === 'read') {
    rewrite.question = casual.question;
    rewrite.understood.push(casual.understood);
  }
  const superlative = readSuperlative(casual.kind === 'read' ? rewrite.question : question, meta);
  if (superlative.kind === 'problem') return { ...rewrite, problem: superlative.problem };
  if (superlative.kind === 'read') {
    rewrite.question = superlative.question;
    rewrite.understood.push(superlative.understood);
  }
  const counted = countedEntity(rewrite.question, meta);
  for (let k = 0; k < 3; k++) {
    const condition = readNumberFilter(rewrite.question, meta, { entity: counted !== null });
    if (condition.kind === 'none') break;
    if (condition.kind === 'problem') return { ...rewrite, problem: condition.problem };
    rewrite.question = condition.question;
    const read = (counted && perEntityTotal(condition.filter, condition.from, counted, meta)) || condition;
    rewrite.filters.push(read.filter);
    rewrite.labels.push(read.label);
    rewrite.understood.push(read.understood);
  }
  const entity = readEntityCondition(rewrite.question, meta);
  if (entity.kind === 'problem') return { ...rewrite, problem: entity.problem };
  if (entity.kind === 'read') {
    rewrite.question = entity.question;
    rewrite.filters.push(entity.filter);
    rewrite.labels.push(entity.label);
    rewrite.understood.push(entity.understood);
  }
  const perRow = readPerRow(rewrite.question);
  if (perRow) {
    rewrite.question = perRow.question;
    rewrite.understood.push(`aggregation: the average over rows, each row one (from "${perRow.words}")`);
  }
  const ratio = readRatioPhrase(rewrite.question, meta);
  if (ratio.kind === 'problem') return { ...rewrite, problem: ratio.problem };
  if (ratio.kind === 'read') {
    rewrite.question = ratio.question;
    rewrite.understood.push(`measure: a ratio (from "${ratio.words}")`);
    rewrite.reshapes.push((plan) => withRatio(plan, ratio));
  }
  const cycle = readCyclePhrase(rewrite.question, meta);
  if (cycle.kind === 'read') {
    rewrite.question = cycle.question;
    rewrite.understood.push(cycle.understood);
    rewrite.reshapes.push((plan, understood) => withCycle(plan, cycle.cycle, meta, understood, cycle.periodAverage));
  }
  const against = readAgainstLast(rewrite.question);
  if (against.kind === 'read') {
    rewrite.question = against.question;
    rewrite.understood.push(
      `compare: the latest ${against.grain} in the data with the one before (from "${against.words}")`,
    );
    rewrite.reshapes.push((plan) => withLatestAgainstPrevious(plan, against.grain, meta));
  }
  const top = readGroupTopPhrase(rewrite.question);
  if (top.kind === 'read') {
    rewrite.question = top.question;
    rewrite.understood.push(`rank: within each ${top.target} (from "${top.words}")`);
    rewrite.reshapes.push((plan, understood) => withGroupTop(plan, top, understood, meta));
  }
  return rewrite;
}

/**
 * "each weather type", "by product kind": the column itself, where one is
 * named just before the word and no column is called a type or a kind.
 */
function withoutKindWords(question: string, meta: DatasetMeta): string {
  const kindColumn = meta.columns.some((c) => nameWords(c.name).some((w) => /^(?:type|kind)s?$/.test(w)));
  if (kindColumn) return question;
  return question.replace(/\b([\p{L}_-]+) (?:type|kind)s?\b/giu, (words, word: string) => {
    const named = meta.columns.some((c) => c.role === 'dimension' && nameWords(c.name).includes(fold(word)));
    return named ? word : words;
  });
}

function readRewritten(question: string, context: PlannerContext): TypedReading {
  const { meta, vocabulary } = context;
  // A previous plan that names columns this dataset lacks (another file, an LLM's spelling) cannot be refined.
  const previous = context.previous && namesKnownColumns(context.previous, meta) ? context.previous : undefined;
  const reading = readQuestion(question, meta, vocabulary, previous ? followUpTimeColumn(previous, meta) : null);
  if (reading.problems.length > 0) {
    const { understood, unknownWords: unknown } = reading;
    return { kind: 'not-understood', understood, reason: sentence(reading.problems), unknown };
  }
  const merged = previous && isFollowUp(reading) ? mergeFollowUp(readingFromPlan(previous, meta), reading) : reading;
  const assembly = assemblePlan(merged, meta);
  if (assembly.kind === 'problem') {
    return {
      kind: 'not-understood',
      understood: assembly.understood,
      reason: sentence(assembly.problems),
      unknown: [],
    };
  }
  return { ...assembly, unknown: [] };
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
