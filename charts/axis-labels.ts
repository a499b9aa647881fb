import type { CategoricalSpec, Unit } from './chart-spec';
import { formatDate, formatNumber } from './format';

const ELLIPSIS = '…';

/**
 * Shortens a label to at most `maxChars` characters, ending in an ellipsis
 * when something was cut, so long category names cannot overlap.
 *
 * @example truncateLabel('Office Supplies and Furniture', 12) // 'Office Supp…'
 */
export function truncateLabel(label: string, maxChars: number): string {
  const chars = Array.from(label);
  if (chars.length <= maxChars) return label;
  return (
    chars
      .slice(0, Math.max(1, maxChars - 1))
      .join('')
      .trimEnd() + ELLIPSIS
  );
}

/**
 * The category labels as the axis shows them: dates printed at the spec's
 * grain, numbers with the axis unit when it has one (a year stays "2016",
 * not "2,016"), and anything else as given; all cut to `maxChars`.
 */
export function categoryLabels(spec: CategoricalSpec, maxChars: number): string[] {
  const { scale, grain = 'day', unit } = spec.x;
  return spec.labels.map((label) => {
    if (scale === 'time') return formatDate(label, grain, { compact: true });
    const number = Number(label);
    const numeric = scale === 'linear' && unit !== undefined && label.trim() !== '' && Number.isFinite(number);
    return truncateLabel(numeric ? formatNumber(number, unit) : label, maxChars);
  });
}

/**
 * Tick labels for a numeric axis: compact (`$1.2M`, `45K`, `12.5%`) with the
 * fewest fraction digits that still tell every tick apart, so steps such as
 * 1.2M, 1.25M, 1.3M never print the same label twice.
 */
export function formatTickValues(values: readonly number[], unit?: Unit): string[] {
  const distinct = new Set(values).size;
  let labels = values.map((value) => formatNumber(value, unit, { compact: true }));
  for (let digits = 1; digits <= 4 && new Set(labels).size < distinct; digits++) {
    labels = values.map((value) => formatNumber(value, unit, { compact: true, digits }));
  }
  return labels;
}
