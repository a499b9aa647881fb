import type { Unit } from '../../charts';
import { chartUnit } from './chart-unit';
import type { ResolvedComparison, SideValue } from './comparison-sides';
import type { Insight } from './insight';
import { capitalize, measureNoun, verbFor } from './measure-words';
import { StatedNumbers } from './stated-numbers';

/**
 * Insights of a comparison: the difference between the subject and its
 * reference, absolute and as a percent of the reference (left out when the
 * reference is not positive), and with three or more sides, the highest and lowest.
 */
export function comparisonInsights(comparison: ResolvedComparison): Insight[] {
  const { subject, reference, overTime, measure } = comparison;
  const unit = chartUnit(measure.column.unit);
  const noun = capitalize(measureNoun(measure.column));
  const insights: Insight[] = [difference(subject, reference, overTime, noun, verbFor(measure.column), unit)];

  if (comparison.sides.length >= 3) {
    const sorted = [...comparison.sides].sort((a, b) => b.value - a.value);
    const high = sorted[0] as SideValue;
    const low = sorted[sorted.length - 1] as SideValue;
    const at = overTime ? 'in' : 'for';
    const said = new StatedNumbers();
    const text =
      `${noun} ${verbFor(measure.column)} highest ${at} ${high.label} (${said.amount(high.value, unit)}) ` +
      `and lowest ${at} ${low.label} (${said.amount(low.value, unit)}).`;
    insights.push({ kind: 'comparison-range', ...said.statement(text) });
  }
  return insights;
}

function difference(
  subject: SideValue,
  reference: SideValue,
  overTime: boolean,
  noun: string,
  verb: string,
  unit: Unit,
): Insight {
  const said = new StatedNumbers();
  const delta = subject.value - reference.value;
  // A function, so the percent is recorded where the text states it.
  const percent = () => (reference.value > 0 ? ` (${said.percent(Math.abs(delta) / reference.value)})` : '');
  let text: string;
  if (delta === 0) {
    text = `${noun} ${verb} the same for ${subject.label} and ${reference.label} (${said.amount(subject.value, unit)}).`;
  } else if (overTime) {
    text =
      `${noun} ${delta > 0 ? 'rose' : 'fell'} by ${said.amount(Math.abs(delta), unit)}${percent()} ` +
      `from ${reference.label} (${said.amount(reference.value, unit)}) to ${subject.label} (${said.amount(subject.value, unit)}).`;
  } else {
    text =
      `${noun} ${verb} ${said.amount(Math.abs(delta), unit)}${percent()} ${delta > 0 ? 'higher' : 'lower'} ` +
      `for ${subject.label} (${said.amount(subject.value, unit)}) than for ${reference.label} (${said.amount(reference.value, unit)}).`;
  }
  return { kind: 'comparison', ...said.statement(text) };
}
