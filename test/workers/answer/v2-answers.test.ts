import { chartSpecSchema } from '../../../charts';
import { buildAnswer } from '../../../workers/answer/answer';
import { quoteLiteral } from '../../../workers/engine/duckdb';
import { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { firstRow, runOn } from '../plan/plan-runner';

/**
 * Answers to the plan kinds of version 2 on the real Superstore file: the
 * headline states the number that hand-written SQL over `read_csv` gives,
 * rounded as people read it, and the chart is one the renderer accepts.
 */
let store: Loaded;
beforeAll(async () => {
  store = await load(SUPERSTORE_CSV);
});

const STORE = `read_csv(${quoteLiteral(SUPERSTORE_CSV)})`;

async function answer(parts: Record<string, unknown>) {
  const run = await runOn(store, parts);
  const plan = AnalysisPlan.parse({ version: 2, kind: 'aggregate', chart: 'bar', title: 'test', ...parts });
  return { run, answer: buildAnswer(plan, run.result, store.meta) };
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

test('a margin reads as a percentage', async () => {
  const { answer: a } = await answer({
    measures: [
      {
        column: 'Profit',
        aggregation: 'sum',
        per: { column: 'Sales', aggregation: 'sum' },
        format: 'percent',
        label: 'Profit Margin',
      },
    ],
    dimensions: [{ column: 'Category' }],
  });
  const e = await firstRow(
    store,
    `SELECT "Category" AS c, sum("Profit") / sum("Sales") AS m FROM ${STORE} GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  );
  expect(a.headline).toBe(`${String(e.c)} had the highest Profit Margin: ${pct(Number(e.m))}.`);
  expect(chartSpecSchema.safeParse(a.chart).success).toBe(true);
});

test('this year against last names both years and says the year is the latest in the data', async () => {
  const { answer: a } = await answer({
    measures: [{ column: 'Sales', aggregation: 'sum' }],
    change: { column: 'Order Date', grain: 'year', period: 'latest', against: 'previous' },
    chart: 'kpi',
  });
  const e = await firstRow(
    store,
    `SELECT sum("Sales") FILTER (year("Order Date") = 2017) AS cur, sum("Sales") FILTER (year("Order Date") = 2016) AS base FROM ${STORE}`,
  );
  const [cur, base] = [Number(e.cur), Number(e.base)];
  expect(a.headline).toBe(
    `Sales were ${(cur / 1000).toFixed(1)}K in 2017, the latest year in the data, up ${pct((cur - base) / base)} on 2016 (${(base / 1000).toFixed(1)}K).`,
  );
  expect(a.chart).toMatchObject({ kind: 'kpi', delta: { label: 'vs 2016' } });
});

test('growth by segment names the segment that rose most and both periods', async () => {
  const { answer: a } = await answer({
    measures: [{ column: 'Profit', aggregation: 'sum' }],
    dimensions: [{ column: 'Segment' }],
    change: { column: 'Order Date', grain: 'year', period: '2017', against: '2016' },
  });
  const e = await firstRow(
    store,
    `SELECT "Segment" AS s, sum("Profit") FILTER (year("Order Date") = 2017) - sum("Profit") FILTER (year("Order Date") = 2016) AS d
     FROM ${STORE} GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  );
  expect(a.headline).toMatch(
    new RegExp(`^Profit for ${String(e.s)} rose most in 2017 vs 2016: up [\\d.,K]+ \\(\\+[\\d.]+%\\)`),
  );
  expect(a.insightNumbers.some((n) => Math.abs(n - Number(e.d)) < 1e-6)).toBe(true);
  expect(a.chart).toMatchObject({ kind: 'bar', series: [{ name: '2016' }, { name: '2017' }] });
});

test('top 2 in each region names each region’s leader, drawn as one bar per region and member', async () => {
  const { answer: a } = await answer({
    measures: [{ column: 'Sales', aggregation: 'sum' }],
    dimensions: [{ column: 'Region' }, { column: 'Sub-Category' }],
    topPerGroup: { n: 2 },
  });
  const e = await firstRow(
    store,
    `SELECT arg_max(c, s) AS c FROM (SELECT "Sub-Category" AS c, sum("Sales") AS s FROM ${STORE} WHERE "Region" = 'Central' GROUP BY 1)`,
  );
  expect(a.headline).toMatch(new RegExp(`^Top Sub-Category by Sales in each Region: ${String(e.c)} in Central \\(`));
  expect(a.chart).toMatchObject({ kind: 'horizontal-bar' });
  expect((a.chart as { labels: string[] }).labels).toHaveLength(8);
});

test('orders by weekday are drawn Monday first', async () => {
  const { answer: a } = await answer({
    measures: [{ column: 'Order ID', aggregation: 'count_distinct' }],
    dimensions: [{ column: 'Order Date', cycle: 'day_of_week' }],
  });
  expect((a.chart as { labels: string[] }).labels[0]).toBe('Monday');
});

test('the latest six months are named with their dates', async () => {
  const { answer: a } = await answer({
    measures: [{ column: 'Sales', aggregation: 'sum' }],
    filters: [{ op: 'latest', column: 'Order Date', grain: 'month', count: 6 }],
  });
  expect(a.headline).toContain('in the latest 6 months in the data (Jul 2017 to Dec 2017)');
});
