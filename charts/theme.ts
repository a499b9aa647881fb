/**
 * Sizes and colours shared by every chart. Sizes are CSS pixels of an
 * 800 x 450 chart drawn at twice that resolution; Slack previews it at about
 * half size, so text is larger than a web page would use.
 */

/** The family the bundled font is registered under; nothing else is ever used. */
export const FONT_FAMILY = 'ChartSans';

export const DEVICE_PIXEL_RATIO = 2;
export const DEFAULT_WIDTH = 800;
export const DEFAULT_HEIGHT = 450;

export const FONT_SIZE = {
  title: 22,
  subtitle: 15,
  axisTitle: 15,
  tick: 14,
  legend: 14,
} as const;

export const COLORS = {
  background: '#FFFFFF',
  title: '#1F2328',
  text: '#424A53',
  muted: '#656D76',
  grid: '#E8EAED',
  axis: '#C4C9CF',
  positive: '#1A7F37',
  negative: '#CF222E',
} as const;

/** Totals and headline numbers from this size on print compactly ($1.2M). */
export const COMPACT_FROM = 100_000;

/** Room around the plot, so nothing touches the image's edge. */
export const PADDING = { top: 18, right: 28, bottom: 14, left: 18 } as const;

/** A longer title wraps onto a second line, then ends in an ellipsis. */
export const MAX_TITLE_LINES = 2;

/** Category labels longer than this end in an ellipsis. */
export const MAX_LABEL_CHARS = { xAxis: 18, yAxis: 26 } as const;
