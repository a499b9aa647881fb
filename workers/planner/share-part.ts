import type { FilterChoice, Reading } from './question-reading';
import { fold } from './question-tokens';

/**
 * Whether a share is of one part of each total ("what share of sales came
 * from Furniture", "share of Renewables over time"), one number per group,
 * rather than every group's part of the grand total ("share of sales by
 * region"): a share over time alone, or one whose words name the part ("share
 * of No by team", unless they name a measure too).
 */
export function asksOnePart(reading: Reading): boolean {
  // "share of Furniture sales by region" splits Furniture's sales by region; "share of No by team" is No within each team.
  const named = namedPart(reading) !== undefined && !(reading.sharePartBy && reading.measures.length > 0);
  return reading.share && !reading.comparison && (reading.dimensions.every((d) => d.column.role === 'time') || named);
}

/**
 * The filter a share is of: the only value named, or, of several ("came from
 * Furniture in the West"), the one the part's words name first. Without part
 * words to tell several apart, it asks.
 */
export function sharePart(reading: Reading): FilterChoice | undefined | { problem: string } {
  const named = reading.filters.filter((f) => f.filter.op === 'in');
  if (named.length <= 1) return named[0];
  const part = namedPart(reading);
  if (part) return part;
  return {
    problem: `a share of which part: ${named.map((f) => f.label).join(' or ')}? Say "share of sales that came from …"`,
  };
}

/** The value filter the share's part words name first ("came from Furniture in the West": Furniture), if one alone does. */
function namedPart(reading: Reading): FilterChoice | undefined {
  if (reading.sharePart === undefined) return undefined;
  const words = ` ${fold(reading.sharePart)} `;
  const at = (f: FilterChoice) =>
    f.filter.op === 'in'
      ? Math.min(
          ...f.filter.values.map((v) => words.indexOf(` ${fold(String(v))} `)).map((i) => (i < 0 ? Infinity : i)),
        )
      : Infinity;
  const [first, second] = [...reading.filters].sort((a, b) => at(a) - at(b));
  if (!first || at(first) === Infinity || (second && at(second) === at(first))) return undefined;
  return first;
}
