import type { Insight } from './insight';
import { capitalize } from './measure-words';
import { type RelationshipFacts, strengthBand, strengthOf } from './relationship-facts';
import { StatedNumbers } from './stated-numbers';

function moves(direction: 'rise' | 'fall'): Record<'weak' | 'moderate' | 'strong', string> {
  return {
    weak: `tends to ${direction} slightly`,
    moderate: `tends to ${direction}`,
    strong: `${direction}s consistently`,
  };
}

/**
 * How y moves with x, in plain words, with r and the number of pairs:
 * "Profit tends to fall slightly as Discount rises (r = −0.22 over 9,994 rows; weak, as |r| is under 0.3)."
 * Nothing when r is undefined (every x or every y the same).
 */
export function relationshipInsights(facts: RelationshipFacts): Insight[] {
  if (facts.r === null) return [];
  const said = new StatedNumbers();
  const strength = strengthOf(facts.r);
  const band = strengthBand(strength);
  const stats = `(r = ${said.correlation(facts.r)} over ${said.count(facts.pairs)} ${facts.pairNoun}; ${said.quote(band.text, band.numbers)})`;
  const text =
    strength === 'none'
      ? `${capitalize(facts.xName)} and ${facts.yName} show no clear linear relationship ${stats}.`
      : `${capitalize(facts.yName)} ${moves(facts.r > 0 ? 'rise' : 'fall')[strength]} as ${facts.xName} rises ${stats}.`;
  return [{ kind: 'correlation', ...said.statement(text) }];
}
