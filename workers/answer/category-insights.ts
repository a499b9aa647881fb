import type { Unit } from '../../charts';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { chartUnit } from './chart-unit';
import { type CutTie, cutTie, levelNames, notShown } from './cut-tie';
import type { Insight } from './insight';
import { joinWords } from './list-words';
import { isAdditive, measureNoun } from './measure-words';
import { outlierInsight } from './outlier-insight';
import { type Part, partsOf, ranksByMeasure, type ResultView, totalsBy } from './result-view';
import { StatedNumbers } from './stated-numbers';

/**
 * How many of the largest groups the share insight names: the top one of two
 * or three (the rest is obvious), the top two of four, the top three of more.
 */
function leadersShown(groups: number): number {
  return groups <= 3 ? 1 : groups === 4 ? 2 : 3;
}
// Negative groups past this many are counted, not listed.
const NAMED_NEGATIVES = 3;

/**
 * Insights of a breakdown by category (of the first measure): the largest
 * groups' share of the total, the highest and lowest, groups below zero and
 * groups that stand out. A trend split by category is totalled per category
 * over the whole period first. Shares are given only for sums and counts with
 * no negative group, where parts of a total mean something. A top N (the plan's
 * limit reached) is described with the figures over every group where it has
 * them (shares of the whole total, "the highest of all 49"), else as the groups
 * shown, and has no outliers.
 */
export function categoryInsights(plan: AnalysisPlan, result: ResultTable, view: ResultView): Insight[] {
  const measure = view.measures[0];
  if (measure === undefined) return [];
  const overTime = view.time !== null && !ranksByMeasure(plan);
  if (overTime && (view.dimensions.length === 0 || !isAdditive(measure.column))) return [];
  const parts = overTime ? totalsBy(result, view.dimensions, measure) : partsOf(result, view, measure);
  if (parts.length < 2) return [];

  const unit = chartUnit(measure.column.unit);
  const noun = measureNoun(measure.column);
  const sorted = [...parts].sort((a, b) => b.value - a.value);
  const insights: Insight[] = [];

  // A top N: what is said of all groups comes from the figures over every group, else it names the groups shown.
  // The leaders of each group are no parts of one whole, and the best of each group is not of all members.
  const truncated =
    plan.topPerGroup !== undefined ||
    (plan.limit !== undefined && result.rows.length >= plan.limit && (result.groups?.count ?? Infinity) > parts.length);
  const whole = truncated ? result.groups : undefined;
  const order = plan.sort?.by === 'measure' && !plan.topPerGroup ? plan.sort.direction : undefined;
  // Ranked months are not parts of a whole: "10% of the 10 lowest months" says nothing.
  const partsOfWhole = isAdditive(measure.column) && !(view.time !== null && !overTime) && !plan.topPerGroup;
  if (partsOfWhole) {
    const share = shareInsight(
      sorted,
      noun,
      unit,
      truncated ? whole : { count: parts.length, ...sumsOf(parts) },
      order,
    );
    if (share) insights.push(share);
  }
  if (parts.length >= 3) {
    const tie = truncated ? cutTie(result, view, measure) : null;
    insights.push(extremesInsight(sorted, noun, unit, truncated, whole?.count, order, tie));
  }
  const negative = negativeInsight(sorted, noun, unit, truncated, whole);
  if (negative) insights.push(negative);

  // The best five months have no typical month to stand out from.
  if (truncated) return insights;
  const per = overTime ? view.dimensions.map((d) => d.column.name).join(' \u00b7 ') : groupNoun(view);
  const outliers = outlierInsight(
    parts.map((part) => part.label),
    parts.map((part) => part.value),
    unit,
    per,
  );
  if (outliers !== null) insights.push(outliers);
  return insights;
}

type Whole = NonNullable<ResultTable['groups']>;

function sumsOf(parts: readonly Part[]): Pick<Whole, 'total' | 'min'> {
  const values = parts.map((part) => part.value);
  return { total: values.reduce((sum, value) => sum + value, 0), min: Math.min(...values) };
}

/**
 * The largest groups' share of the whole total: only where every group is at least zero, and,
 * for a top N, only when the groups shown are the largest ones.
 */
function shareInsight(
  sorted: readonly Part[],
  noun: string,
  unit: Unit,
  whole: Pick<Whole, 'count' | 'total' | 'min'> | undefined,
  order: 'asc' | 'desc' | undefined,
): Insight | null {
  if (!whole || whole.total === null || whole.min === null || whole.min < 0 || !(whole.total > 0)) return null;
  if (whole.count > sorted.length && order !== 'desc') return null;
  const said = new StatedNumbers();
  const top = sorted[0] as Part;
  const leaders = sorted.slice(0, Math.min(leadersShown(whole.count), sorted.length));
  if (leaders.length === 1) {
    const text = `${top.label} makes up ${said.percent(top.value / whole.total)} of ${noun} (${said.amount(top.value, unit)}).`;
    return { kind: 'top-share', ...said.statement(text) };
  }
  const combined = leaders.reduce((sum, part) => sum + part.value, 0);
  // "Compton alone is 6.3%" would single out one of the groups level with it.
  const level = leaders.filter((part) => part.value === top.value);
  const first =
    level.length === leaders.length
      ? 'each is'
      : level.length > 1
        ? `${joinWords(level.map((part) => part.label))} are each`
        : `${top.label} alone is`;
  const text =
    `${joinWords(leaders.map((part) => part.label))} make up ${said.percent(combined / whole.total)} of ${noun}; ` +
    `${first} ${said.percent(top.value / whole.total)} (${said.amount(top.value, unit)}).`;
  return { kind: 'top-share', ...said.statement(text) };
}

/**
 * The highest and the lowest group. Of a top N only the end it was ranked from is the highest
 * (or lowest) of all; the other end is the highest (or lowest) of the groups shown, unless the
 * cut goes through a tie there (`tie`), which is said instead.
 */
function extremesInsight(
  sorted: readonly Part[],
  noun: string,
  unit: Unit,
  truncated: boolean,
  count: number | undefined,
  order: 'asc' | 'desc' | undefined,
  tie: CutTie | null,
): Insight {
  const said = new StatedNumbers();
  const high = sorted[0] as Part;
  const low = sorted[sorted.length - 1] as Part;
  const ofAll = () => (count === undefined ? '' : ` of all ${said.count(count)}`);
  const shown = () => ` of the ${said.count(sorted.length)} shown`;
  let text: string;
  const highs = sorted.filter((part) => part.value === high.value);
  const lows = sorted.filter((part) => part.value === low.value);
  const names = (group: readonly Part[]) => joinWords(group.map((part) => part.label));
  if (!truncated && highs.length === sorted.length) {
    text = `All ${said.count(sorted.length)} had the same ${noun} (${said.amount(high.value, unit)}).`;
  } else if (!truncated && (highs.length > 1 || lows.length > 1)) {
    // Ties are named together: one name for the highest would hide an equal one.
    const top = highs.length > 1 ? `${names(highs)} tied for the highest` : `${high.label} had the highest`;
    const bottom = lows.length > 1 ? `${names(lows)} tied for the lowest` : `${low.label} had the lowest`;
    const [highest, lowest] = said.amountsApart(high.value, low.value, unit);
    text = `${top} ${noun} (${highest}) and ${bottom} (${lowest}).`;
  } else if (!truncated) {
    const [highest, lowest] = said.amountsApart(high.value, low.value, unit);
    text = `${high.label} had the highest ${noun} (${highest}) and ${low.label} the lowest (${lowest}).`;
  } else if (order !== undefined) {
    const [end, other, word, otherWord] =
      order === 'desc' ? [highs, lows, 'highest', 'lowest'] : [lows, highs, 'lowest', 'highest'];
    const first = end[0] as Part;
    const last = other[0] as Part;
    const leaders = levelNames(end, tie, said);
    const lead =
      leaders.length > 1
        ? `${joinWords(leaders)} tied for the ${word} ${noun}${ofAll()} (${said.amount(first.value, unit)})`
        : `${first.label} had the ${word} ${noun}${ofAll()} (${said.amount(first.value, unit)})`;
    if (tie !== null && tie.value === first.value) {
      text = `${lead}; ${notShown(tie, said)}.`;
    } else if (tie !== null) {
      // The last group shown is level with groups left out: it is not the lowest (or highest) of anything.
      const left =
        tie.named === null ? `${said.count(tie.leftOut)} more not shown` : `${tie.named}, which is not shown`;
      const verb = tie.shown.length === 1 ? 'ties' : 'tie';
      text = `${lead}; ${names(tie.shown)} (${said.amount(tie.value, unit)}) ${verb} with ${left}.`;
    } else if (last.value === first.value) {
      text = `${lead}.`;
    } else {
      const who = other.length > 1 ? `${names(other)} tied for the ${otherWord}` : `${last.label} the ${otherWord}`;
      text = `${lead} and ${who}${shown()} (${said.amount(last.value, unit)}).`;
    }
  } else if (highs.length === sorted.length) {
    text = `All ${said.count(sorted.length)} shown had the same ${noun} (${said.amount(high.value, unit)}).`;
  } else {
    const top = highs.length > 1 ? `${names(highs)} tied for the highest` : `${high.label} had the highest`;
    const bottom = lows.length > 1 ? `${names(lows)} tied for the lowest` : `${low.label} the lowest`;
    text = `Of the ${said.count(sorted.length)} shown, ${top} ${noun} (${said.amount(high.value, unit)}) and ${bottom} (${said.amount(low.value, unit)}).`;
  }
  return { kind: 'peak-trough', ...said.statement(text) };
}

/** How many groups are below zero, of all of them, naming the lowest shown. */
function negativeInsight(
  sorted: readonly Part[],
  noun: string,
  unit: Unit,
  truncated: boolean,
  whole: Whole | undefined,
): Insight | null {
  const negative = sorted.filter((part) => part.value < 0).reverse();
  const count = truncated ? whole?.negatives : negative.length;
  const of = truncated ? whole?.count : sorted.length;
  if (count === undefined || of === undefined || count === 0 || count >= of) return null;
  const said = new StatedNumbers();
  const lead = `${said.count(count)} of ${said.count(of)} had negative ${noun}`;
  const named = negative.slice(0, NAMED_NEGATIVES).map((part) => `${part.label} (${said.amount(part.value, unit)})`);
  if (named.length === 0) return { kind: 'negative', ...said.statement(`${lead}.`) };
  const more = count - named.length;
  // Of a top N, the negative groups shown may not be the lowest ones: they are some of them.
  const text =
    more > 0 && negative.length < count
      ? `${lead}, among them ${joinWords(named)}.`
      : `${lead}: ${joinWords(more > 0 ? [...named, `${said.count(more)} more`] : named)}.`;
  return { kind: 'negative', ...said.statement(text) };
}

// What one part is called after "per": "Sub-Category", "month", "Region · Category".
function groupNoun(view: ResultView): string {
  const names = view.dimensions.map((d) => d.column.name);
  return [...(view.time === null ? [] : [view.time.grain]), ...names].join(' \u00b7 ');
}
