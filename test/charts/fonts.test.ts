import { createCanvas } from '@napi-rs/canvas';
import { ChartError, renderChart, registerChartFonts } from '../../charts';
import { sampleSpecs } from './sample-specs';

// Lambda has no system fonts: a text set in any other family would render
// differently there, or not at all.
describe('fonts', () => {
  test('a missing font folder is a FONT_MISSING error', () => {
    expect(() => registerChartFonts('/nonexistent/fonts')).toThrow(ChartError);
    expect(() => registerChartFonts('/nonexistent/fonts')).toThrow(expect.objectContaining({ code: 'FONT_MISSING' }));
  });

  test('every text of every kind is set in the bundled font', async () => {
    const fonts = new Set<string>();
    const context = Object.getPrototypeOf(createCanvas(1, 1).getContext('2d')) as object;
    const font = Object.getOwnPropertyDescriptor(context, 'font');
    if (font?.set === undefined) throw new Error('the 2D context has no font setter to watch');
    const setFont = font.set;
    Object.defineProperty(context, 'font', {
      ...font,
      set(this: unknown, value: string) {
        fonts.add(value);
        setFont.call(this, value);
      },
    });
    try {
      for (const spec of Object.values(sampleSpecs)) await renderChart(spec);
    } finally {
      Object.defineProperty(context, 'font', font);
    }
    expect(fonts.size).toBeGreaterThan(3);
    expect([...fonts].filter((value) => !/ ChartSans$/.test(value))).toEqual([]);
  });
});
