/**
 * Okabe–Ito colours, ordered so that neighbouring series stay apart for the
 * common forms of colour blindness; yellow comes last because thin lines of
 * it fade on white.
 */
export const SERIES_COLORS = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#000000', // black
  '#F0E442', // yellow
] as const;

/** The folded "Other" series is grey so it never competes with a named one. */
export const OTHER_COLOR = '#9AA0A6';

/** The name given to series or parts summed together by the folding rules. */
export const OTHER_NAME = 'Other';

/** The colour of the series at `index`, grey for "Other". */
export function seriesColor(index: number, name: string): string {
  if (name === OTHER_NAME) return OTHER_COLOR;
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}
