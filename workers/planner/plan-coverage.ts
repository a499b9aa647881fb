import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { dataRange } from './dataset-time';
import { describePart, type QuestionPart } from './question-parts';
import { fold, nameWords } from './question-tokens';

const TIME_WORDS = new Set(['hour', 'day', 'week', 'month', 'quarter', 'year']);

const singular = (word: string) => word.replace(/(ies)$/, 'y').replace(/(?<!s)s$/, '');

/**
 * The parts of a question its plan does not express. A plan that leaves one
 * out would answer a neighbouring question, so the planner refuses it and
 * says what it understood instead.
 *
 * @example
 * missingParts(questionParts('top 2 products in each region', meta), plan, meta, understood)
 * // [{ kind: 'top-per-group', words: 'in each region' }]
 */
export function missingParts(
  parts: readonly QuestionPart[],
  plan: AnalysisPlan,
  meta: DatasetMeta,
  understood: readonly string[],
): QuestionPart[] {
  return parts.filter((part) => !expresses(plan, part, meta, understood));
}

function expresses(plan: AnalysisPlan, part: QuestionPart, meta: DatasetMeta, understood: readonly string[]): boolean {
  const timeDimensions = plan.dimensions.filter((d) => d.grain !== undefined || isTime(meta, d.column));
  const timeComparison = plan.comparison !== undefined && isTime(meta, plan.comparison.column);
  switch (part.kind) {
    case 'top-per-group':
      // "highest price for each symbol": the extreme of every group is a ranking within each.
      return (
        plan.topPerGroup !== undefined || understood.some((line) => /^aggregation: (max|min) of .* in each /.test(line))
      );
    case 'ratio':
      return plan.measures.some((m) => m.per !== undefined);
    case 'cyclic':
      return plan.dimensions.some((d) => d.cycle !== undefined);
    case 'per-group':
      return splitsBy(plan, part.target, understood);
    case 'change':
      if (plan.change) return true;
      // Levels side by side answer a change of one total; for each group, the change itself must be computed.
      if (plan.dimensions.length > timeDimensions.length) return false;
      return timeComparison || (timeDimensions.length === 1 && plan.limit === undefined);
    case 'period-over-period':
      if (plan.change) return plan.change.against === 'previous' || plan.change.against === 'year_ago';
      return timeComparison && plan.comparison?.sides.length === 2;
    case 'first-vs-last':
      if (plan.change) return plan.change.against === 'first';
      return timeComparison && spansTheData(plan, meta);
    case 'which':
      return (
        plan.comparison !== undefined ||
        (plan.change?.period === 'each' && plan.sort?.by === 'measure') ||
        (plan.dimensions.length > 0 && (plan.sort?.by === 'measure' || timeDimensions.length > 0))
      );
    case 'difference':
      // A plan measures columns, ratios and changes between periods, never one column less another.
      return false;
    case 'both-sides':
      // "2017 vs 2016" per group: a change between two named periods shows both levels beside the difference.
      return (
        (plan.comparison?.sides.length ?? 0) >= 2 ||
        (plan.change !== undefined && plan.change.period !== 'each') ||
        plan.kind === 'relationship' ||
        plan.measures.length >= 2 ||
        plan.filters.some(
          (f) => f.op === 'in' && f.values.length >= 2 && plan.dimensions.some((d) => d.column === f.column),
        )
      );
  }
}

function isTime(meta: DatasetMeta, name: string): boolean {
  return meta.columns.some((c) => c.name === name && c.role === 'time');
}

/** Whether "for each X" became a split by X: a dimension, a compared column, or a time grain named X. */
function splitsBy(plan: AnalysisPlan, target: string, understood: readonly string[]): boolean {
  const word = singular(target);
  if (TIME_WORDS.has(word)) return plan.dimensions.some((d) => d.grain === word) || plan.comparison !== undefined;
  const columns = [...plan.dimensions.map((d) => d.column), ...(plan.comparison ? [plan.comparison.column] : [])];
  if (columns.some((c) => nameWords(c).some((w) => singular(w) === word))) return true;
  // A synonym ("for each company" grouped by Symbol) is in the understood list as `group by: Symbol (from "company")`.
  return understood.some(
    (line) => line.startsWith('group by') && fold(line).includes(`"${target}`) && columns.some((c) => line.includes(c)),
  );
}

/** Whether a comparison's sides hold the data's first and last periods. */
function spansTheData(plan: AnalysisPlan, meta: DatasetMeta): boolean {
  const column = meta.columns.find((c) => c.name === plan.comparison?.column);
  const range = column ? dataRange(column) : null;
  const sides = plan.comparison?.sides ?? [];
  if (!range || sides.length < 2) return false;
  const holds = (side: (typeof sides)[number], day: string) =>
    (side.from === undefined || side.from <= day) && (side.to === undefined || day < side.to);
  const first = sides[0];
  const last = sides[sides.length - 1];
  if (!first || !last) return false;
  return (holds(first, range.from) && holds(last, range.to)) || (holds(last, range.from) && holds(first, range.to));
}

/** The refusal for a plan that leaves parts out: what was understood and what is missing. */
export function missingReason(missing: readonly QuestionPart[]): string {
  const parts = missing.map(describePart);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return (
    `the question asks for ${list}, which I cannot compute here yet; ` +
    `rather than answer a different question, here are ones I can answer`
  );
}
