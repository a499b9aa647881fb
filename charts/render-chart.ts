import type { Canvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type ChartItem, type ChartType } from 'chart.js';
import { CanvasPool } from './canvas-pool';
import { chartConfig } from './chart-config';
import { registerChartParts } from './chart-registry';
import { type ChartSpec, chartSpecSchema, type KpiSpec } from './chart-spec';
import { ChartError } from './errors';
import { registerChartFonts } from './fonts';
import { drawKpiCard } from './kpi-card';
import { encodePng } from './png-encoder';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, DEVICE_PIXEL_RATIO } from './theme';

/** Options of {@link renderChart}; sizes are CSS pixels, drawn at twice the resolution. */
export interface RenderChartOptions {
  /** Default 800. */
  width?: number;
  /** Default 450. */
  height?: number;
}

const MIN_SIZE = 100;
const MAX_SIZE = 4000;

const pool = new CanvasPool();

/**
 * Draws a chart and returns its PNG bytes: 1600 x 900 pixels by default
 * (800 x 450 CSS pixels at device pixel ratio 2). The same spec always gives
 * the same bytes. The spec is validated here, since it crosses from the worker.
 *
 * @example
 * const png = await renderChart({
 *   kind: 'bar', title: 'Sales by region',
 *   x: { title: 'Region', scale: 'category' }, y: { title: 'Sales', unit: { kind: 'currency', code: 'USD' } },
 *   labels: ['East', 'West'], series: [{ name: 'Sales', values: [678781, 725458] }],
 * });
 *
 * @throws {ChartError} `INVALID_SPEC`, `EMPTY_DATA`, `INVALID_SIZE`, `FONT_MISSING` or `RENDER_FAILED`.
 */
export async function renderChart(spec: ChartSpec, options: RenderChartOptions = {}): Promise<Buffer> {
  const valid = parseSpec(spec);
  assertHasData(valid);
  const width = checkedSize(options.width ?? DEFAULT_WIDTH, 'width');
  const height = checkedSize(options.height ?? DEFAULT_HEIGHT, 'height');
  registerChartFonts();
  registerChartParts();
  const canvas = pool.canvasFor(width, height);
  try {
    const pixels =
      valid.kind === 'kpi'
        ? drawKpi(canvas, valid, width, height)
        : drawWithChartJs(canvas, chartConfig(valid, width), width, height);
    return await encodePng(pixels, width * DEVICE_PIXEL_RATIO, height * DEVICE_PIXEL_RATIO);
  } catch (error) {
    if (error instanceof ChartError) throw error;
    throw new ChartError('RENDER_FAILED', 'Something went wrong while drawing the chart.', { cause: error });
  }
}

/** Draws with Chart.js and returns a copy of the pixels. */
function drawWithChartJs(canvas: Canvas, config: ChartConfiguration<ChartType>, width: number, height: number): Buffer {
  // Chart.js reads its CSS size from the canvas's pixel size and then scales
  // the canvas by devicePixelRatio, so a reused canvas is set back first.
  canvas.width = width;
  canvas.height = height;
  // Chart.js's types know only DOM canvases; it needs just getContext('2d'),
  // which @napi-rs/canvas provides.
  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    // Before destroy(), which clears the canvas.
    return canvas.data();
  } finally {
    chart.destroy();
  }
}

/** Draws a KPI card and returns a copy of the pixels. */
function drawKpi(canvas: Canvas, spec: KpiSpec, width: number, height: number): Buffer {
  canvas.width = width * DEVICE_PIXEL_RATIO;
  canvas.height = height * DEVICE_PIXEL_RATIO;
  const ctx = canvas.getContext('2d');
  ctx.save();
  ctx.setTransform(DEVICE_PIXEL_RATIO, 0, 0, DEVICE_PIXEL_RATIO, 0, 0);
  try {
    drawKpiCard(ctx, spec, width, height);
  } finally {
    ctx.restore();
  }
  return canvas.data();
}

function parseSpec(spec: ChartSpec): ChartSpec {
  const result = chartSpecSchema.safeParse(spec);
  if (result.success) return result.data;
  throw new ChartError('INVALID_SPEC', 'The chart could not be drawn because its description is incomplete.', {
    cause: result.error,
  });
}

function assertHasData(spec: ChartSpec): void {
  const empty =
    spec.kind === 'scatter'
      ? spec.points.length === 0
      : spec.kind === 'histogram'
        ? spec.bins.every((bin) => bin.count === 0)
        : spec.kind === 'kpi'
          ? false
          : spec.labels.length === 0 || spec.series.every((s) => s.values.every((value) => value === null));
  if (empty) throw new ChartError('EMPTY_DATA', 'There is no data to draw a chart from.');
}

function checkedSize(size: number, name: string): number {
  if (Number.isInteger(size) && size >= MIN_SIZE && size <= MAX_SIZE) return size;
  throw new ChartError('INVALID_SIZE', `The chart ${name} must be a whole number from ${MIN_SIZE} to ${MAX_SIZE}.`);
}
