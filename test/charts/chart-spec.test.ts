import { chartSpecSchema } from '../../charts';

const line = {
  kind: 'line',
  title: 'Sales',
  x: { title: 'Month', scale: 'time', grain: 'month' },
  y: { title: 'Sales', unit: { kind: 'currency', code: 'USD' } },
  labels: ['2016-01-01', '2016-02-01'],
  series: [{ name: 'Sales', values: [1, null] }],
};

describe('chartSpecSchema', () => {
  test('accepts a line chart with a gap', () => {
    expect(chartSpecSchema.safeParse(line).success).toBe(true);
  });

  test('refuses a series whose length differs from the labels', () => {
    const result = chartSpecSchema.safeParse({ ...line, series: [{ name: 'Sales', values: [1] }] });
    expect(result.error?.issues[0]?.path).toEqual(['series', 0, 'values']);
  });

  test('refuses a time label that is not a date', () => {
    const result = chartSpecSchema.safeParse({ ...line, labels: ['2016-01-01', 'February'] });
    expect(result.error?.issues[0]?.path).toEqual(['labels', 1]);
  });

  test('category labels may be any text', () => {
    const spec = { ...line, x: { title: 'Region', scale: 'category' }, labels: ['East', 'West'] };
    expect(chartSpecSchema.safeParse(spec).success).toBe(true);
  });

  test.each([
    ['an unknown kind', { ...line, kind: 'pie' }],
    ['a currency that is not an ISO code', { ...line, y: { title: 'Sales', unit: { kind: 'currency', code: '$' } } }],
    ['a non-finite value', { ...line, series: [{ name: 'Sales', values: [1, Number.POSITIVE_INFINITY] }] }],
    [
      'a correlation above one',
      {
        kind: 'scatter',
        title: 't',
        x: { title: 'a' },
        y: { title: 'b' },
        points: [],
        trend: { slope: 1, intercept: 0, r: 1.5 },
      },
    ],
    [
      'a fractional bin count',
      { kind: 'histogram', title: 't', x: { title: 'a' }, y: { title: 'b' }, bins: [{ from: 0, to: 1, count: 1.5 }] },
    ],
  ])('refuses %s', (_, spec) => {
    expect(chartSpecSchema.safeParse(spec).success).toBe(false);
  });

  test('accepts a KPI with a delta that is better when it falls', () => {
    const kpi = {
      kind: 'kpi',
      title: 'Cost',
      value: 12.5,
      label: 'per order',
      delta: { value: -0.1, label: 'vs May', better: 'down' },
    };
    expect(chartSpecSchema.safeParse(kpi).success).toBe(true);
  });
});
