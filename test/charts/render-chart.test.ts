import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChartError, type ChartSpec, foldSeries, renderChart } from '../../charts';
import { countInkPixels, decodePng, differentPixelShare, hasPngSignature, pngSize } from './png-pixels';
import { sampleSpecs } from './sample-specs';

const MIDDLE = { left: 0.25, top: 0.3, right: 0.75, bottom: 0.7 };
const TITLE = { left: 0, top: 0, right: 0.15, bottom: 0.09 };

describe.each(Object.entries(sampleSpecs))('renderChart(%s)', (_, spec: ChartSpec) => {
  let png: Buffer;

  beforeAll(async () => {
    png = await renderChart(spec);
  });

  test('is a 1600 x 900 PNG', () => {
    expect(hasPngSignature(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
  });

  test('draws something in the plot area', async () => {
    const pixels = await decodePng(png);
    expect(countInkPixels(pixels, MIDDLE)).toBeGreaterThan(2000);
  });

  test('gives the same bytes on a second render', async () => {
    expect((await renderChart(spec)).equals(png)).toBe(true);
  });
});

describe('renderChart', () => {
  test('draws at twice the requested CSS size', async () => {
    const png = await renderChart(sampleSpecs.bar, { width: 400, height: 300 });
    expect(pngSize(png)).toEqual({ width: 800, height: 600 });
  });

  test('a chart of another size in between does not change the next one', async () => {
    const before = await renderChart(sampleSpecs.line);
    await renderChart(sampleSpecs.kpi, { width: 400, height: 300 });
    await renderChart(sampleSpecs.kpi);
    expect((await renderChart(sampleSpecs.line)).equals(before)).toBe(true);
  });

  test('writes even a one-letter title', async () => {
    const titled = await decodePng(await renderChart({ ...sampleSpecs.bar, title: 'Q' }));
    const untitled = await decodePng(await renderChart({ ...sampleSpecs.bar, title: '' }));
    expect(countInkPixels(titled, TITLE, 100)).toBeGreaterThan(50);
    expect(countInkPixels(untitled, TITLE, 100)).toBe(0);
  });

  test('draws a doughnut of too many parts as a bar chart', async () => {
    const labels = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
    const parts = {
      ...sampleSpecs.doughnut,
      labels,
      series: [{ name: 'Orders', values: labels.map((_, i) => 9 - i) }],
    };
    const asBar = await renderChart({ ...parts, kind: 'bar' });
    expect((await renderChart(parts)).equals(asBar)).toBe(true);
  });

  test('folds more than eight series into Other', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...sampleSpecs.line.series[i % 3]!, name: `Series ${i}` }));
    const folded = await renderChart({ ...sampleSpecs.line, series: foldSeries(many) });
    expect((await renderChart({ ...sampleSpecs.line, series: many })).equals(folded)).toBe(true);
  });

  test.each<[string, ChartSpec]>([
    ['no labels', { ...sampleSpecs.bar, labels: [], series: [{ name: 'Sales', values: [] }] }],
    ['no series', { ...sampleSpecs.bar, series: [] }],
    ['only missing values', { ...sampleSpecs.bar, series: [{ name: 'Sales', values: [null, null, null, null] }] }],
    ['no points', { ...sampleSpecs.scatter, points: [], trend: undefined }],
    ['empty bins', { ...sampleSpecs.histogram, bins: [{ from: 0, to: 1, count: 0 }] }],
  ])('refuses %s with EMPTY_DATA', async (_, spec) => {
    await expect(renderChart(spec)).rejects.toThrow(
      expect.objectContaining({
        name: 'ChartError',
        code: 'EMPTY_DATA',
        message: 'There is no data to draw a chart from.',
      }),
    );
  });

  test('refuses a malformed spec with INVALID_SPEC, keeping the details in cause', async () => {
    const spec = { ...sampleSpecs.bar, series: [{ name: 'Sales', values: [1] }] };
    const error: unknown = await renderChart(spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartError);
    expect(error).toMatchObject({ code: 'INVALID_SPEC' });
    expect((error as ChartError).message).not.toMatch(/series|values/);
    expect(String((error as ChartError).cause)).toMatch(/4 labels/);
  });

  test.each([0, 99, 4001, 800.5])('refuses a width of %p with INVALID_SIZE', async (width) => {
    await expect(renderChart(sampleSpecs.bar, { width })).rejects.toThrow(
      expect.objectContaining({ code: 'INVALID_SIZE' }),
    );
  });
});

// Compared by pixels within a tolerance, not by bytes, so a different zlib or
// antialiasing on another machine does not fail the build.
// Regenerate with: UPDATE_GOLDEN=1 npx jest test/charts/render-chart.test.ts
describe('golden images', () => {
  const goldenDir = path.join(__dirname, 'golden');
  const update = process.env.UPDATE_GOLDEN === '1';
  const MAX_DIFFERENT_SHARE = 0.005;

  test.each(['line', 'horizontal-bar', 'kpi'] as const)('%s matches its golden image', async (kind) => {
    const png = await renderChart(sampleSpecs[kind]);
    const goldenPath = path.join(goldenDir, `${kind}.png`);
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(goldenPath, png);
    }
    const share = differentPixelShare(await decodePng(png), await decodePng(readFileSync(goldenPath)));
    if (share >= MAX_DIFFERENT_SHARE) {
      const actualPath = path.join(os.tmpdir(), `chart-${kind}.actual.png`);
      writeFileSync(actualPath, png);
      throw new Error(`${(share * 100).toFixed(2)}% of pixels differ from ${goldenPath}; see ${actualPath}`);
    }
  });
});
