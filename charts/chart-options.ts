import type { ScaleOptions, ScriptableScaleContext } from 'chart.js';
import { formatTickValues } from './axis-labels';
import type { Unit } from './chart-spec';
import { titleWithUnit } from './format';
import { charsThatFit, wrapText } from './text-fit';
import { COLORS, DEVICE_PIXEL_RATIO, FONT_SIZE, MAX_TITLE_LINES, PADDING } from './theme';

/** The title and subtitle options, wrapped to the chart's width. */
export function headingOptions(heading: { title: string; subtitle?: string | undefined }, width: number) {
  const room = width - PADDING.left - PADDING.right;
  const hasSubtitle = heading.subtitle !== undefined && heading.subtitle !== '';
  return {
    title: {
      display: heading.title !== '',
      text: wrapText(heading.title, charsThatFit(room, FONT_SIZE.title, 'bold'), MAX_TITLE_LINES),
      align: 'start' as const,
      color: COLORS.title,
      font: { size: FONT_SIZE.title, weight: 'bold' as const, lineHeight: 1.25 },
      padding: { top: 0, bottom: hasSubtitle ? 4 : 14 },
    },
    subtitle: {
      display: hasSubtitle,
      text: wrapText(heading.subtitle ?? '', charsThatFit(room, FONT_SIZE.subtitle, 'normal'), 1),
      align: 'start' as const,
      color: COLORS.muted,
      font: { size: FONT_SIZE.subtitle },
      padding: { top: 0, bottom: 14 },
    },
  };
}

/** A legend above the plot, for charts with more than one series. */
export function legendOptions(display: boolean) {
  return {
    display,
    position: 'top' as const,
    align: 'start' as const,
    labels: {
      usePointStyle: true,
      boxWidth: 9,
      boxHeight: 9,
      padding: 12,
      color: COLORS.text,
      font: { size: FONT_SIZE.legend },
    },
  };
}

const axisTitleFont = { size: FONT_SIZE.axisTitle };
const tickFont = { size: FONT_SIZE.tick };

/** Options of {@link valueScale}. */
export interface ValueScaleOptions {
  beginAtZero: boolean;
  stacked?: boolean;
  max?: number;
  /** Whole numbers only, as for counts. */
  integers?: boolean;
}

/** A numeric axis with light gridlines and ticks printed by `format.ts`. */
export function valueScale(
  axis: { title: string; unit?: Unit | undefined },
  options: ValueScaleOptions,
): ScaleOptions<'linear'> {
  return {
    type: 'linear',
    beginAtZero: options.beginAtZero,
    stacked: options.stacked ?? false,
    ...(options.max === undefined ? {} : { max: options.max }),
    title: {
      display: axis.title !== '' || axis.unit !== undefined,
      text: titleWithUnit(axis.title, axis.unit),
      color: COLORS.text,
      font: axisTitleFont,
    },
    // The zero line is darker, so bars below it read as negative at a glance.
    grid: {
      color: (context: ScriptableScaleContext) => (context.tick?.value === 0 ? COLORS.axis : COLORS.grid),
      lineWidth: 1,
      drawTicks: false,
    },
    border: { display: false },
    ticks: {
      color: COLORS.muted,
      font: tickFont,
      padding: 10,
      maxTicksLimit: 7,
      ...(options.integers ? { precision: 0 } : {}),
    },
    afterTickToLabelConversion(scale) {
      const labels = formatTickValues(
        scale.ticks.map((tick) => tick.value),
        axis.unit,
      );
      scale.ticks.forEach((tick, index) => {
        tick.label = labels[index] ?? '';
      });
    },
  };
}

/** Options of {@link categoryScale}. */
export interface CategoryScaleOptions {
  /** Bars may tilt their labels; time axes stay level and skip instead. */
  maxRotation: number;
  /** Labels stacked down a vertical axis need little room between them. */
  vertical?: boolean;
  stacked?: boolean;
}

/** The axis of labels: no gridlines, a baseline, labels skipped rather than overlapped. */
export function categoryScale(title: string, options: CategoryScaleOptions): ScaleOptions<'category'> {
  return {
    type: 'category',
    stacked: options.stacked ?? false,
    title: { display: title !== '', text: title, color: COLORS.text, font: axisTitleFont },
    grid: { display: false },
    border: { display: true, color: COLORS.axis },
    ticks: {
      color: COLORS.muted,
      font: tickFont,
      padding: 6,
      autoSkip: true,
      autoSkipPadding: options.vertical ? 2 : 14,
      minRotation: 0,
      maxRotation: options.maxRotation,
    },
  };
}

/**
 * What every server-side chart shares: no animation (the frame is drawn once),
 * a fixed size, twice the pixels for sharp text in chat previews, the padding.
 */
export function staticChartOptions() {
  return {
    animation: false as const,
    responsive: false,
    devicePixelRatio: DEVICE_PIXEL_RATIO,
    layout: { padding: { ...PADDING } },
  };
}
