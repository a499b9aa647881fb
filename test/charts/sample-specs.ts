import type { ChartSpec } from '../../charts';

// A fixed linear congruential generator: the same numbers on every machine,
// so the golden images never change because of the data.
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const usd = { kind: 'currency', code: 'USD' } as const;

const months = Array.from({ length: 36 }, (_, i) => {
  const year = 2015 + Math.floor(i / 12);
  return `${year}-${String((i % 12) + 1).padStart(2, '0')}-01`;
});

function monthlySeries(name: string, base: number, seed: number) {
  const random = seeded(seed);
  return {
    name,
    values: months.map((_, i) => Math.round(base * (1 + i * 0.02) * (0.8 + 0.4 * random() + 0.25 * Math.sin(i / 1.9)))),
  };
}

/** One spec of every kind, with data shaped like the Superstore orders. */
export const sampleSpecs = {
  line: {
    kind: 'line',
    title: 'Monthly sales by category',
    subtitle: 'Superstore orders, Jan 2015 – Dec 2017',
    x: { title: 'Month', scale: 'time', grain: 'month' },
    y: { title: 'Sales', unit: usd },
    labels: months,
    series: [
      monthlySeries('Technology', 52000, 1),
      monthlySeries('Furniture', 41000, 2),
      monthlySeries('Office Supplies', 38000, 3),
    ],
  },
  bar: {
    kind: 'bar',
    title: 'Sales by region',
    x: { title: 'Region', scale: 'category' },
    y: { title: 'Sales', unit: usd },
    labels: ['Central', 'East', 'South', 'West'],
    series: [{ name: 'Sales', values: [501240, 678781, 391722, 725458] }],
  },
  'horizontal-bar': {
    kind: 'horizontal-bar',
    title: 'Profit by sub-category',
    subtitle: 'Tables and bookcases lose money',
    x: { title: 'Sub-category', scale: 'category' },
    y: { title: 'Profit', unit: usd },
    labels: [
      'Copiers',
      'Phones',
      'Accessories',
      'Paper',
      'Binders',
      'Chairs',
      'Storage',
      'Appliances',
      'Furnishings',
      'Bookcases',
      'Tables and conference furniture',
    ],
    series: [
      { name: 'Profit', values: [55618, 44516, 41937, 34054, 30222, 26590, 21279, 18138, 13059, -3473, -17725] },
    ],
  },
  'stacked-bar': {
    kind: 'stacked-bar',
    title: 'Share of sales by segment',
    x: { title: 'Quarter', scale: 'time', grain: 'quarter' },
    y: { title: 'Share', unit: { kind: 'percent' } },
    labels: ['2017-01-01', '2017-04-01', '2017-07-01', '2017-10-01'],
    series: [
      { name: 'Consumer', values: [0.52, 0.49, 0.5, 0.47] },
      { name: 'Corporate', values: [0.3, 0.31, 0.29, 0.33] },
      { name: 'Home Office', values: [0.18, 0.2, 0.21, 0.2] },
    ],
  },
  doughnut: {
    kind: 'doughnut',
    title: 'Orders by ship mode',
    x: { title: 'Ship mode', scale: 'category' },
    y: { title: 'Orders', unit: { kind: 'number' } },
    labels: ['Standard Class', 'Second Class', 'First Class', 'Same Day'],
    series: [{ name: 'Orders', values: [5968, 1945, 1538, 543] }],
  },
  scatter: {
    kind: 'scatter',
    title: 'Discount against profit margin',
    x: { title: 'Discount', unit: { kind: 'percent' } },
    y: { title: 'Profit margin', unit: { kind: 'percent' } },
    points: (() => {
      const random = seeded(7);
      return Array.from({ length: 180 }, () => {
        const x = Math.round(random() * 16) / 20;
        return { x, y: 0.28 - 0.9 * x + (random() - 0.5) * 0.35 };
      });
    })(),
    trend: { slope: -0.9, intercept: 0.28, r: -0.83 },
  },
  histogram: {
    kind: 'histogram',
    title: 'Order values',
    x: { title: 'Order value', unit: usd },
    y: { title: 'Orders' },
    bins: [120, 840, 1530, 1710, 1490, 1120, 790, 520, 340, 210, 120, 60].map((count, i) => ({
      from: i * 50,
      to: (i + 1) * 50,
      count,
    })),
  },
  kpi: {
    kind: 'kpi',
    title: 'Revenue this quarter',
    subtitle: 'Q4 2017, all regions',
    value: 2297201,
    label: 'Total sales',
    unit: usd,
    delta: { value: 0.125, label: 'vs Q4 2016' },
  },
} satisfies Record<ChartSpec['kind'], ChartSpec>;
