import type { TimePoint } from '../../../workers/answer/result-view';
import { digestSeries } from '../../../workers/digest/digest-series';
import { changeScore, newTrend, recordValue, unusualChange } from '../../../workers/digest/series-signals';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { allRows } from '../plan/plan-runner';

// Integration: real files through the real ingest and DuckDB; every number is checked against
// SQL written here by hand over DuckDB's own read_csv of the same file.
let superstore: Loaded;
let seattle: Loaded;
let iowa: Loaded;

beforeAll(async () => {
  [superstore, seattle, iowa] = await Promise.all([
    load(SUPERSTORE_CSV),
    load(vegaDataset('seattle-weather.csv')),
    load(vegaDataset('iowa-electricity.csv')),
  ]);
});
afterAll(() => {
  for (const data of [superstore, seattle, iowa]) data.connection.closeSync();
});

const SUPERSTORE = `read_csv('${SUPERSTORE_CSV}')`;

async function handSeries(data: Loaded, sql: string): Promise<TimePoint[]> {
  const rows = await allRows(data, `SELECT strftime(period, '%Y-%m-%d') AS period, value FROM (${sql}) ORDER BY 1`);
  return rows.map((row) => ({ iso: String(row.period), value: Number(row.value) }));
}

function expectSameSeries(actual: readonly TimePoint[], expected: readonly TimePoint[]): void {
  expect(actual.map((point) => point.iso.slice(0, 10))).toEqual(expected.map((point) => point.iso));
  actual.forEach((point, i) => expect(point.value).toBeCloseTo(expected[i]!.value, 6));
}

/** The modified z-score of each period's change against all earlier changes, by SQL: lag, median and MAD in DuckDB. */
async function handScores(data: Loaded, seriesSql: string): Promise<Map<string, number | null>> {
  const rows = await allRows(
    data,
    `WITH s AS (${seriesSql}),
          c AS (SELECT period, value - lag(value) OVER (ORDER BY period) AS change FROM s),
          e AS (SELECT t.period AS cut, t.change AS latest, x.change
                FROM c t JOIN c x ON x.period < t.period AND x.change IS NOT NULL WHERE t.change IS NOT NULL),
          m AS (SELECT cut, any_value(latest) AS latest, median(change) AS med, count(*) AS n FROM e GROUP BY cut),
          d AS (SELECT e.cut, median(abs(e.change - m.med)) AS mad FROM e JOIN m USING (cut) GROUP BY e.cut)
     SELECT strftime(m.cut, '%Y-%m-%d') AS period,
            CASE WHEN m.n < 8 OR d.mad = 0 THEN NULL ELSE 0.6745 * (m.latest - m.med) / d.mad END AS score
     FROM m JOIN d USING (cut)`,
  );
  return new Map(rows.map((row) => [String(row.period), row.score === null ? null : Number(row.score)]));
}

describe('the digest series, from the plan language', () => {
  it('superstore weekly: sum of Sales per ISO week, the partial last week (data ends Sat 30 Dec 2017) left out', async () => {
    const series = await digestSeries(superstore.connection, superstore.meta, superstore.table, {
      measure: { column: 'Sales', aggregation: 'sum' },
      timeColumn: 'Order Date',
      grain: 'week',
      filters: [],
    });
    const expected = await handSeries(
      superstore,
      `SELECT date_trunc('week', "Order Date") AS period, sum(Sales) AS value FROM ${SUPERSTORE} GROUP BY 1 ORDER BY 1`,
    );
    expect(series.partial?.iso.slice(0, 10)).toBe('2017-12-25');
    expectSameSeries(series.complete, expected.slice(0, -1));
  });

  it('superstore monthly: sum of Profit in the West, every month complete', async () => {
    const series = await digestSeries(superstore.connection, superstore.meta, superstore.table, {
      measure: { column: 'Profit', aggregation: 'sum' },
      timeColumn: 'Order Date',
      grain: 'month',
      filters: [{ op: 'in', column: 'Region', values: ['West'] }],
    });
    const expected = await handSeries(
      superstore,
      `SELECT date_trunc('month', "Order Date") AS period, sum(Profit) AS value FROM ${SUPERSTORE}
       WHERE Region = 'West' GROUP BY 1 ORDER BY 1`,
    );
    expect(series.partial).toBeNull();
    expectSameSeries(series.complete, expected);
  });

  it('seattle weather monthly: mean of temp_max', async () => {
    const series = await digestSeries(seattle.connection, seattle.meta, seattle.table, {
      measure: { column: 'temp_max', aggregation: 'avg' },
      timeColumn: 'date',
      grain: 'month',
      filters: [],
    });
    const expected = await handSeries(
      seattle,
      `SELECT date_trunc('month', date) AS period, avg(temp_max) AS value
       FROM read_csv('${vegaDataset('seattle-weather.csv')}') GROUP BY 1 ORDER BY 1`,
    );
    expect(series.complete).toHaveLength(48);
    expectSameSeries(series.complete, expected);
  });

  it('iowa electricity yearly: total net generation', async () => {
    const series = await digestSeries(iowa.connection, iowa.meta, iowa.table, {
      measure: { column: 'net_generation', aggregation: 'sum' },
      timeColumn: 'year',
      grain: 'year',
      filters: [],
    });
    const expected = await handSeries(
      iowa,
      `SELECT date_trunc('year', year) AS period, sum(net_generation) AS value
       FROM read_csv('${vegaDataset('iowa-electricity.csv')}') GROUP BY 1 ORDER BY 1`,
    );
    expectSameSeries(series.complete, expected);
  });
});

describe('unusual change, record and new trend on real series', () => {
  const weeklySql = `SELECT date_trunc('week', "Order Date") AS period, sum(Sales) AS value FROM ${SUPERSTORE} GROUP BY 1`;

  it('scores every week’s change as the hand-written SQL does, and finds some weeks unusual', async () => {
    const { complete } = await digestSeries(superstore.connection, superstore.meta, superstore.table, {
      measure: { column: 'Sales', aggregation: 'sum' },
      timeColumn: 'Order Date',
      grain: 'week',
      filters: [],
    });
    const expected = await handScores(superstore, weeklySql);
    let unusual = 0;
    for (let i = 1; i < complete.length; i++) {
      const upTo = complete.slice(0, i + 1);
      const score = expected.get(complete[i]!.iso.slice(0, 10));
      const scored = changeScore(upTo);
      if (score === null || score === undefined) expect(scored).toBeUndefined();
      else expect(scored?.score).toBeCloseTo(score, 6);
      expect(Boolean(unusualChange(upTo))).toBe(score !== null && score !== undefined && Math.abs(score) >= 3.5);
      if (unusualChange(upTo)) unusual += 1;
    }
    // Nine weeks give eight earlier changes: the first week that can be scored.
    expect(changeScore(complete.slice(0, 9))).toBeUndefined();
    expect(changeScore(complete.slice(0, 10))).toBeDefined();
    expect(unusual).toBeGreaterThan(0);
  });

  it('seattle monthly temp_max: records and new trends agree with SQL over every month', async () => {
    const { complete } = await digestSeries(seattle.connection, seattle.meta, seattle.table, {
      measure: { column: 'temp_max', aggregation: 'max' },
      timeColumn: 'date',
      grain: 'month',
      filters: [],
    });
    const hand = await allRows(
      seattle,
      `WITH s AS (SELECT date_trunc('month', date) AS period, max(temp_max) AS value
                  FROM read_csv('${vegaDataset('seattle-weather.csv')}') GROUP BY 1),
            w AS (SELECT period, value,
                    max(value) OVER (ORDER BY period ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS high_before,
                    min(value) OVER (ORDER BY period ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS low_before,
                    row_number() OVER (ORDER BY period) AS n,
                    sign(value - lag(value) OVER (ORDER BY period)) AS s0
                  FROM s),
            t AS (SELECT *, lag(s0, 1) OVER (ORDER BY period) AS s1, lag(s0, 2) OVER (ORDER BY period) AS s2,
                    lag(s0, 3) OVER (ORDER BY period) AS s3, lag(s0, 4) OVER (ORDER BY period) AS s4,
                    lag(s0, 5) OVER (ORDER BY period) AS s5 FROM w)
       SELECT period, value, n,
              CASE WHEN n >= 6 AND value > high_before THEN 'high' WHEN n >= 6 AND value < low_before THEN 'low' END AS record,
              CASE WHEN s5 IS NOT NULL AND s0 <> 0 AND s0 = s1 AND s1 = s2 AND s3 = -s0 AND s4 = -s0 AND s5 = -s0
                   THEN CASE WHEN s0 > 0 THEN 'up' ELSE 'down' END END AS trend
       FROM t ORDER BY period`,
    );
    expect(hand).toHaveLength(complete.length);
    hand.forEach((row, i) => {
      const upTo = complete.slice(0, i + 1);
      expect(recordValue(upTo)?.kind ?? null).toBe(row.record ?? null);
      expect(newTrend(upTo)?.direction ?? null).toBe(row.trend ?? null);
    });
    // Seattle's monthly highs rise each spring and fall each autumn: turns must be found.
    expect(hand.filter((row) => row.trend !== null).length).toBeGreaterThan(0);
  });

  it('iowa yearly: a record high or low is named with the previous record', async () => {
    const { complete } = await digestSeries(iowa.connection, iowa.meta, iowa.table, {
      measure: { column: 'net_generation', aggregation: 'sum' },
      timeColumn: 'year',
      grain: 'year',
      filters: [{ op: 'in', column: 'source', values: ['Renewables'] }],
    });
    const [row] = await allRows(
      iowa,
      `SELECT max(net_generation) FILTER (WHERE year < (SELECT max(year) FROM read_csv('${vegaDataset('iowa-electricity.csv')}'))) AS high_before,
              strftime(arg_max(year, net_generation) FILTER (WHERE year < (SELECT max(year) FROM read_csv('${vegaDataset('iowa-electricity.csv')}'))), '%Y') AS high_year,
              max_by(net_generation, year) AS latest, count(*) AS n
       FROM read_csv('${vegaDataset('iowa-electricity.csv')}') WHERE source = 'Renewables'`,
    );
    const record = recordValue(complete);
    // Renewables grew almost every year; SQL confirms the last year beat every earlier one.
    expect(Number(row!.latest)).toBeGreaterThan(Number(row!.high_before));
    expect(record).toMatchObject({ kind: 'high', value: Number(row!.latest), periods: Number(row!.n) });
    expect(record?.previous.value).toBeCloseTo(Number(row!.high_before), 6);
    expect(record?.previous.iso.slice(0, 4)).toBe(String(row!.high_year));
  });
});
