import { type CategoricalSpec, titleWithUnit } from '../../charts';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { chartUnit } from './chart-unit';
import { type FilterScope, scopeClause } from './filter-words';
import { joinWords } from './list-words';
import { measureNoun, measureTitle } from './measure-words';
import { groupLabel, type IndexedColumn, numberAt, type ResultView } from './result-view';
import { type Statement, StatedNumbers } from './stated-numbers';

/** Groups named one by one in a headline; the rest are counted. */
const NAMED_GROUPS = 4;

/**
 * "Top Sub-Category by Sales in each Region: Phones in Central ($X), Chairs
 * in East ($Y), …": the first-ranked member of every group, with its value.
 */
export function topPerGroupHeadline(
  plan: AnalysisPlan,
  result: ResultTable,
  view: ResultView,
  measure: IndexedColumn,
  scope: FilterScope,
): Statement | null {
  const [outer, inner] = view.dimensions;
  if (!outer || !inner) return null;
  const said = new StatedNumbers();
  const unit = chartUnit(measure.column.unit);
  const leaders = new Map<string, { member: string; value: number }>();
  for (const row of result.rows) {
    const group = groupLabel(row, outer);
    const value = numberAt(row, measure.index);
    // Rows come in rank order within each group, so the first one seen leads it.
    if (value === null || leaders.has(group)) continue;
    leaders.set(group, { member: groupLabel(row, inner), value });
  }
  if (leaders.size === 0) return null;
  const named = [...leaders]
    .slice(0, NAMED_GROUPS)
    .map(([group, { member, value }]) => `${member} in ${group} (${said.amount(value, unit)})`);
  const more = leaders.size - named.length;
  const list = more > 0 ? [...named, `${said.count(more)} more`] : named;
  const which = plan.topPerGroup?.direction === 'asc' ? 'Bottom' : 'Top';
  const clause = said.quote(scopeClause(scope), scope.numbers);
  return said.statement(
    `${which} ${inner.column.name} by ${measureNoun(measure.column)} in each ${outer.column.name}${clause}: ${joinWords(list)}.`,
  );
}

/**
 * The top members of each group as one bar each, labelled "Group · Member",
 * in the result's order (groups together, members by rank): a grouped bar
 * whose bars never mix members of different groups.
 */
export function rankingsChart(
  result: ResultTable,
  view: ResultView,
  heading: { title: string; subtitle?: string },
): CategoricalSpec | null {
  const [outer, inner] = view.dimensions;
  const [measure] = view.measures;
  if (!outer || !inner || !measure) return null;
  const unit = chartUnit(measure.column.unit);
  return {
    kind: 'horizontal-bar',
    ...heading,
    x: { title: `${outer.column.name} \u00b7 ${inner.column.name}`, scale: 'category' },
    y: { title: titleWithUnit(measureTitle(measure.column), unit), unit },
    labels: result.rows.map((row) => `${groupLabel(row, outer)} \u00b7 ${groupLabel(row, inner)}`),
    series: [{ name: measureTitle(measure.column), values: result.rows.map((row) => numberAt(row, measure.index)) }],
  };
}
