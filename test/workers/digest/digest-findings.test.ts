import { formatNumber } from '../../../charts';
import { chartUnit } from '../../../workers/answer/chart-unit';
import { digestFindings } from '../../../workers/digest/digest-findings';
import { digestMeasure } from '../../../workers/digest/digest-measure';
import { driversChartSpec, seriesChartSpec } from '../../../workers/digest/digest-charts';
import { digestReply } from '../../../workers/digest/digest-reply';
import { digestText, noNewDataText, type DigestFindings } from '../../../workers/digest/digest-words';
import { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { allRows } from '../plan/plan-runner';

// Integration: a whole digest computed on real files; the numbers it states come from hand-written SQL.
let superstore: Loaded;
let seattle: Loaded;

beforeAll(async () => {
  [superstore, seattle] = await Promise.all([load(SUPERSTORE_CSV), load(vegaDataset('seattle-weather.csv'))]);
});
afterAll(() => {
  superstore.connection.closeSync();
  seattle.connection.closeSync();
});

const planOf = (parts: Record<string, unknown>) =>
  AnalysisPlan.parse({ version: 2, kind: 'aggregate', chart: 'bar', title: 'digest', filters: [], ...parts });

describe('a whole digest', () => {
  it('monthly “sales by region”: December 2017 (the data ends on the 30th) against November, drivers by Region', async () => {
    const plan = planOf({ measures: [{ column: 'Sales', aggregation: 'sum' }], dimensions: [{ column: 'Region' }] });
    const what = digestMeasure(plan, superstore.meta, { every: 'month', day: 1 })!;
    expect(what).toMatchObject({ timeColumn: 'Order Date', grain: 'month' });
    const findings = (await digestFindings(superstore.connection, superstore.meta, superstore.table, plan, what))!;
    const [row] = await allRows(
      superstore,
      `SELECT sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-12-01' AND "Order Date" < DATE '2018-01-01') AS cur,
              sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-11-01' AND "Order Date" < DATE '2017-12-01') AS prev
       FROM read_csv('${SUPERSTORE_CSV}')`,
    );
    const money = (value: number) => formatNumber(value, chartUnit(superstore.column('Sales').unit), { compact: true });
    const text = digestText(findings);
    expect(findings.drivers?.dimension).toBe('Region');
    expect(text.headline).toContain(`${money(Number(row!.cur))} in Dec 2017`);
    expect(text.headline).toContain(`down ${money(Number(row!.prev) - Number(row!.cur))}`);
    expect(text.insights.some((line) => line.startsWith('Drivers by Region: '))).toBe(true);
    expect(text.insights.filter((line) => line.includes('partial'))).toEqual([]);

    // Regions that rose while the total fell took back part of the fall: said as a person would.
    const regions = await allRows(
      superstore,
      `SELECT Region AS region,
              sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-12-01' AND "Order Date" < DATE '2018-01-01')
            - sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-11-01' AND "Order Date" < DATE '2017-12-01') AS change
       FROM read_csv('${SUPERSTORE_CSV}') GROUP BY Region ORDER BY abs(change) DESC`,
    );
    const fall = Number(row!.cur) - Number(row!.prev);
    const against = regions.filter((r) => Number(r.change) > 0);
    expect(against.length).toBeGreaterThan(0);
    const detractors = against.map(
      (r) =>
        `${String(r.region)} (+${money(Number(r.change))}, offset ${Math.round((Number(r.change) / Math.abs(fall)) * 100)}% of the fall)`,
    );
    expect(text.insights).toContain(`Against the trend: ${detractors.join(', ')}.`);
    expect(text.insights.join('\n')).not.toMatch(/-\d+% of the/);
  });

  it('weekly: names “the week of Dec 25, 2017”, complete as December is though the data ends on Sat, Dec 30, 2017', async () => {
    const plan = planOf({ measures: [{ column: 'Sales', aggregation: 'sum' }], dimensions: [{ column: 'Region' }] });
    const what = digestMeasure(plan, superstore.meta, { every: 'week', weekday: 'MON' })!;
    const findings = (await digestFindings(superstore.connection, superstore.meta, superstore.table, plan, what))!;
    const [row] = await allRows(
      superstore,
      `SELECT sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-12-25' AND "Order Date" < DATE '2018-01-01') AS cur,
              strftime(max("Order Date"), '%Y-%m-%d') AS last
       FROM read_csv('${SUPERSTORE_CSV}')`,
    );
    const money = (value: number) => formatNumber(value, chartUnit(superstore.column('Sales').unit), { compact: true });
    const text = digestText(findings);
    expect(String(row!.last)).toBe('2017-12-30');
    expect(text.headline).toContain(`Total Sales was ${money(Number(row!.cur))} in the week of Dec 25, 2017,`);
    expect(text.headline).toContain('on the week of Dec 18, 2017.');
    // The chart's series ends on the same week as the headline, with the same value.
    expect(findings.series.at(-1)?.iso.slice(0, 10)).toBe('2017-12-25');
    expect(findings.series.at(-1)?.value).toBeCloseTo(Number(row!.cur), 6);
    expect(text.insights.filter((line) => line.includes('partial'))).toEqual([]);
    expect(text.insights.join('\n')).not.toMatch(/\b0% of the change/);
  });

  it('daily at 15:56 on the data’s last day: that day has not ended, so the day before is reported and today is left out', async () => {
    const plan = planOf({ measures: [{ column: 'precipitation', aggregation: 'sum' }], dimensions: [] });
    const what = digestMeasure(plan, seattle.meta, { every: 'day' })!;
    const [row] = await allRows(
      seattle,
      `SELECT strftime(max(date), '%Y-%m-%d') AS last,
              sum(precipitation) FILTER (WHERE date = max_date - 1) AS before_last
       FROM read_csv('${vegaDataset('seattle-weather.csv')}'),
            (SELECT max(date) AS max_date FROM read_csv('${vegaDataset('seattle-weather.csv')}'))`,
    );
    const last = String(row!.last);
    const today = (await digestFindings(seattle.connection, seattle.meta, seattle.table, plan, {
      ...what,
      asOf: last,
    }))!;
    expect(today.headline.periods.current.to.slice(0, 10)).toBe(last);
    expect(today.headline.latest.current).toBeCloseTo(Number(row!.before_last), 9);
    // Left out as a day still going on, not as data that ends early.
    expect(today.headline).toMatchObject({ partialFrom: last });
    expect(today.headline.dataEnds).toBeUndefined();
    // Said in words when the digest has news (a quiet day is one line either way).
    const news = { ...today, headline: { ...today.headline, latest: { ...today.headline.latest, percent: 1 } } };
    expect(digestText(news).insights).toContain('Thu, Dec 31, 2015 is not complete yet and is left out.');
    // The next morning the day has ended: it is reported.
    const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const after = (await digestFindings(seattle.connection, seattle.meta, seattle.table, plan, {
      ...what,
      asOf: next,
    }))!;
    expect(after.headline.periods.current.from.slice(0, 10)).toBe(last);
  });

  it('daily: names days as “Thu, Dec 31, 2015”, not ISO dates', async () => {
    const plan = planOf({ measures: [{ column: 'temp_max', aggregation: 'avg' }], dimensions: [] });
    const what = digestMeasure(plan, seattle.meta, { every: 'day' })!;
    const findings = (await digestFindings(seattle.connection, seattle.meta, seattle.table, plan, what))!;
    const [row] = await allRows(
      seattle,
      `SELECT avg(temp_max) FILTER (WHERE date = DATE '2015-12-31') AS cur FROM read_csv('${vegaDataset('seattle-weather.csv')}')`,
    );
    const text = digestText(findings);
    expect(text.headline).toContain(
      `was ${formatNumber(Number(row!.cur), chartUnit(seattle.column('temp_max').unit), { compact: true })} on Thu, Dec 31, 2015,`,
    );
    expect(text.headline).toContain('on Wed, Dec 30, 2015.');
    expect(text.headline).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('posts the series with December 2017 alone in the highlight colour, and the drivers’ changes as bars', async () => {
    const plan = planOf({ measures: [{ column: 'Sales', aggregation: 'sum' }], dimensions: [{ column: 'Region' }] });
    const what = digestMeasure(plan, superstore.meta, { every: 'month', day: 1 })!;
    const findings = (await digestFindings(superstore.connection, superstore.meta, superstore.table, plan, what))!;
    const rows = await allRows(
      superstore,
      `SELECT Region AS region,
              sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-12-01' AND "Order Date" < DATE '2018-01-01')
            - sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-11-01' AND "Order Date" < DATE '2017-12-01') AS change
       FROM read_csv('${SUPERSTORE_CSV}') GROUP BY Region`,
    );
    const series = seriesChartSpec(findings);
    const drivers = driversChartSpec(findings)!;
    const reply = await digestReply(findings, { question: 'sales by region', source: 'superstore.csv' });

    expect(series.kind === 'stacked-bar' && series.labels.at(-1)).toBe('2017-12-01');
    expect(series.kind === 'stacked-bar' && series.series[1]!.values.filter((value) => value !== null)).toHaveLength(1);
    // The region that fell most leads the drivers of December's fall.
    const [lead] = [...rows].sort((a, b) => Number(a.change) - Number(b.change));
    expect(drivers.kind === 'horizontal-bar' && drivers.labels[0]).toBe(lead!.region);
    expect(drivers.kind === 'horizontal-bar' && drivers.series[0]!.values[0]).toBeCloseTo(Number(lead!.change), 6);
    expect(reply).toMatchObject({ kind: 'digest', tone: 'news', headline: digestText(findings).headline });
    expect(reply.charts.map((chart) => chart.png.subarray(1, 4).toString())).toEqual(['PNG', 'PNG']);
  });

  it('without a dimension in the plan, drivers come from the most explanatory dimension of the file', async () => {
    const plan = planOf({ measures: [{ column: 'precipitation', aggregation: 'sum' }], dimensions: [] });
    const what = digestMeasure(plan, seattle.meta, { every: 'month', day: 'last' })!;
    const findings = (await digestFindings(seattle.connection, seattle.meta, seattle.table, plan, what))!;
    expect(findings.drivers?.dimension).toBe('weather');
    expect(findings.headline.periods.current.from).toBe('2015-12-01');
  });

  it('monthly “average temp_max by weather”: each weather’s part weighs its days, in the measure’s unit with its share of the fall', async () => {
    const plan = planOf({
      measures: [{ column: 'temp_max', aggregation: 'avg' }],
      dimensions: [{ column: 'weather' }],
    });
    const what = digestMeasure(plan, seattle.meta, { every: 'month', day: 1 })!;
    const findings = (await digestFindings(seattle.connection, seattle.meta, seattle.table, plan, what))!;
    const rows = await allRows(
      seattle,
      `WITH m AS (SELECT weather, temp_max, date >= DATE '2015-12-01' AS now FROM read_csv('${vegaDataset('seattle-weather.csv')}')
                  WHERE date >= DATE '2015-11-01' AND date < DATE '2016-01-01'),
            parts AS (SELECT weather,
                        coalesce(sum(temp_max) FILTER (WHERE now), 0) / (SELECT count(temp_max) FROM m WHERE now)
                      - coalesce(sum(temp_max) FILTER (WHERE NOT now), 0) / (SELECT count(temp_max) FROM m WHERE NOT now) AS part
                      FROM m GROUP BY weather)
       SELECT weather, part, part / (SELECT sum(part) FROM parts) AS share FROM parts ORDER BY abs(part) DESC`,
    );
    const text = digestText(findings);
    const line = text.insights.find((insight) => insight.startsWith('Drivers by weather: '));
    const total = rows.reduce((sum, row) => sum + Number(row.part), 0);
    const leading = rows.filter((row) => Math.sign(Number(row.part)) === Math.sign(total))[0]!;
    const money = (value: number) => formatNumber(value, chartUnit(seattle.column('temp_max').unit), { compact: true });
    const sign = Number(leading.part) < 0 ? '\u2212' : '+';
    expect(line).toContain(
      `${String(leading.weather)} (${sign}${money(Math.abs(Number(leading.part)))}, ${Math.round(Number(leading.share) * 100)}% of the ${total < 0 ? 'fall' : 'rise'})`,
    );
  });

  it('members moving both ways by more than the total: their parts in the unit beside the total’s change, no shares above 100%', () => {
    const text = digestText({
      measureName: 'Sales',
      unit: null,
      grain: 'month',
      headline: {
        periods: {
          grain: 'month',
          against: 'previous',
          current: { from: '2017-12-01', to: '2018-01-01' },
          base: { from: '2017-11-01', to: '2017-12-01' },
          currentPartial: false,
        },
        latest: { member: null, current: 8800, base: 10000, change: -1200, percent: -0.12 },
      },
      series: [],
      drivers: {
        dimension: 'Region',
        found: {
          total: -1200,
          drivers: [{ member: 'East', change: -6200, share: 6200 / 1200 }],
          detractors: [{ member: 'South', change: 5000, share: -5000 / 1200 }],
          explained: 1,
        },
      },
    });
    expect(text.insights).toContain('Drivers by Region: East \u22126.2K, South +5K (the total fell 1.2K).');
    expect(text.insights.join(' ')).not.toMatch(/\d{3,}%/);
  });

  it('a small change with nothing else to say is one quiet line', () => {
    const text = digestText({
      measureName: 'Sales',
      unit: null,
      grain: 'week',
      headline: {
        periods: {
          grain: 'week',
          against: 'previous',
          current: { from: '2017-12-18', to: '2017-12-25' },
          base: { from: '2017-12-11', to: '2017-12-18' },
          currentPartial: false,
        },
        latest: { member: null, current: 1020, base: 1000, change: 20, percent: 0.02 },
      },
      series: [],
    });
    expect(text.insights).toEqual([]);
    expect(text.headline).toMatch(/^Nothing notable: Sales was .* up 20 \(2\.0%\)/);
    expect(text.headline).toContain('in the week of Dec 18, 2017');

    const base: DigestFindings = {
      measureName: 'Sales',
      unit: null,
      grain: 'month',
      headline: {
        periods: {
          grain: 'month',
          against: 'previous',
          current: { from: '2017-12-01', to: '2018-01-01' },
          base: { from: '2017-11-01', to: '2017-12-01' },
          currentPartial: false,
        },
        latest: { member: null, current: 1500, base: 1000, change: 500, percent: 0.5 },
      },
      series: [],
      drivers: {
        dimension: 'Region',
        found: {
          total: 500,
          drivers: [
            { member: 'West', change: 498, share: 0.996 },
            { member: 'East', change: 2, share: 0.004 },
          ],
          detractors: [],
          explained: 1,
        },
      },
    };
    const moved = digestText(base);
    expect(moved.insights).toContain('Drivers by Region: West (+498, 100% of the rise).');
    const loss = digestText({
      ...base,
      headline: {
        ...base.headline,
        latest: { ...base.headline.latest, current: -300, base: 200, change: -500, percent: -2.5 },
      },
    });
    expect(loss.headline).toBe('Sales was \u2212300 in Dec 2017, down 500 (250.0%) on Nov 2017.');
    expect(noNewDataText('sales.csv')).toBe('No new data since the last digest: sales.csv has not changed.');
  });
});
