import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { moneyRank } from './column-synonyms';
import { measureLabel } from './plan-title';
import { fold, nameWords } from './question-tokens';

const measureTitle = (plan: AnalysisPlan) => (plan.measures[0] ? measureLabel(plan.measures[0]) : '');

/**
 * Rankings inside groups: "top 2 products in each region", "best selling
 * category for each segment". The reader knows a ranking over pairs ("top 2
 * products by region"), so "in each region" becomes "by region"; the plan's
 * ranking is then turned into a ranking within each region. A plan that is
 * not a ranking of two groupings is left alone, and the coverage check
 * declines it.
 */
const EACH = /\b(?:in|for|within|across|of) (?:each|every) (?:of (?:the|our) )?([a-z][a-z-]*)/;
const RANKING =
  /\b(top|bottom|best|worst|highest|lowest|most|least|largest|biggest|smallest|fewest|leading|greatest|wettest|deadliest)\b/;

export type GroupTopPhrase =
  { kind: 'none' } | { kind: 'read'; question: string; target: string; words: string; n: number };

/** "top 2 products": the number ranked in each group; one without a number ("top sub-category"). */
const COUNT = /\b(?:top|bottom|best|worst|first|last)\s+(\d+)\b/;

export function readGroupTopPhrase(question: string): GroupTopPhrase {
  const text = fold(question);
  const each = EACH.exec(text);
  const target = each?.[1];
  if (!each || !target || !RANKING.test(text.replace(each[0], ' '))) return { kind: 'none' };
  return {
    kind: 'read',
    question: `${text.slice(0, each.index)}by ${target}${text.slice(each.index + each[0].length)}`,
    target,
    words: each[0],
    n: Number(COUNT.exec(text)?.[1] ?? 1),
  };
}

const singular = (word: string) => word.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
const TIME_WORDS = new Set(['hour', 'day', 'week', 'month', 'quarter', 'year']);

/**
 * The plan's ranking of pairs as a ranking within each member of the group
 * the question named, or null when the plan is not such a ranking or the
 * group is not one of its two groupings.
 */
export function withGroupTop(
  plan: AnalysisPlan,
  { target, n }: { target: string; n: number },
  understood: string[],
  meta: DatasetMeta,
): AnalysisPlan | null {
  if (plan.kind !== 'aggregate' || plan.sort?.by !== 'measure') return null;
  if (plan.comparison || plan.change || plan.share) return null;
  const word = singular(target);
  const isGroup = (d: AnalysisPlan['dimensions'][number]) =>
    TIME_WORDS.has(word)
      ? d.grain === word
      : nameWords(d.column).some((w) => singular(w) === word) ||
        understood.some((line) => line.startsWith(`group by: ${d.column} (from "${target}`));
  const [only] = plan.dimensions;
  if (plan.dimensions.length === 1 && only && isGroup(only) && n === 1) return extremeOfEach(plan, only, understood);
  if (plan.dimensions.length !== 2) return null;
  const groups = plan.dimensions.filter(isGroup);
  const [group] = groups;
  const member = plan.dimensions.find((d) => !isGroup(d));
  if (groups.length !== 1 || !group || !member) return null;
  // "top 2 species in each phase": with no measure named, only a revenue column is a safe guess at what ranks them.
  const guessed = understood.some((line) => line.includes('(the main measure; none was named)'));
  const column = meta.columns.find((c) => c.name === plan.measures[0]?.column);
  if (guessed && (!column || moneyRank(column) !== 0)) return null;
  const { limit: _limit, ...rest } = plan;
  const direction = plan.sort.direction;
  return {
    ...rest,
    dimensions: [group, member],
    topPerGroup: { n, direction },
    title: `${direction === 'desc' ? 'Top' : 'Bottom'} ${n} ${member.column} in Each ${group.column} by ${measureTitle(plan)}`,
  };
}

/**
 * "highest price for each symbol": nothing is ranked inside the groups, so it is the maximum (or
 * minimum) of the measure in every group, when the question left its aggregation to the default.
 */
function extremeOfEach(
  plan: AnalysisPlan,
  group: AnalysisPlan['dimensions'][number],
  understood: string[],
): AnalysisPlan | null {
  const [measure, ...others] = plan.measures;
  if (!measure || others.length > 0 || measure.column === null || measure.per || !plan.sort) return null;
  const defaulted = understood.findIndex((line) => line === `aggregation: ${measure.aggregation} of ${measure.column}`);
  if (defaulted < 0) return null;
  const { direction } = plan.sort;
  const aggregation = direction === 'desc' ? 'max' : 'min';
  understood[defaulted] = `aggregation: ${aggregation} of ${measure.column} in each ${group.column}`;
  const shown = understood.findIndex((line) => line.startsWith('answer: the '));
  if (shown >= 0) understood.splice(shown, 1);
  const { limit: _limit, ...rest } = plan;
  return {
    ...rest,
    measures: [{ column: measure.column, aggregation }],
    title: `${direction === 'desc' ? 'Highest' : 'Lowest'} ${measure.column} in Each ${group.column}`,
  };
}
