import { changeDrivers, concentration, mostExplanatory } from '../../../workers/digest/change-drivers';
import { contributions, memberContributions } from '../../../workers/digest/change-contributions';
import { digestHeadline } from '../../../workers/digest/digest-headline';
import { periodChange, type DigestMeasure } from '../../../workers/digest/period-change';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { allRows } from '../plan/plan-runner';

// Integration: the headline, drivers and concentration of a digest on real files, each number
// checked against SQL written here by hand over DuckDB's own read_csv of the same file.
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
const SEATTLE = `read_csv('${vegaDataset('seattle-weather.csv')}')`;
const IOWA = `read_csv('${vegaDataset('iowa-electricity.csv')}')`;

/** Sum of `measure` per `group` in [from, to) of `time`, by hand. */
async function sums(
  data: Loaded,
  source: string,
  measure: string,
  time: string,
  from: string,
  to: string,
  group?: string,
) {
  const rows = await allRows(
    data,
    `SELECT ${group ? `"${group}"` : `'(total)'`} AS member, sum("${measure}") AS value FROM ${source}
     WHERE "${time}" >= DATE '${from}' AND "${time}" < DATE '${to}' GROUP BY 1`,
  );
  return new Map(rows.map((row) => [String(row.member), Number(row.value)]));
}

const sales = (grain: DigestMeasure['grain']): DigestMeasure => ({
  measure: { column: 'Sales', aggregation: 'sum' },
  timeColumn: 'Order Date',
  grain,
  filters: [],
});

describe('the headline', () => {
  it('superstore monthly: December 2017 (complete: the data ends on the 30th) vs November and vs December 2016', async () => {
    const headline = await digestHeadline(superstore.connection, superstore.meta, superstore.table, sales('month'));
    const nov17 = (await sums(superstore, SUPERSTORE, 'Sales', 'Order Date', '2017-12-01', '2018-01-01')).get(
      '(total)',
    )!;
    const oct17 = (await sums(superstore, SUPERSTORE, 'Sales', 'Order Date', '2017-11-01', '2017-12-01')).get(
      '(total)',
    )!;
    const nov16 = (await sums(superstore, SUPERSTORE, 'Sales', 'Order Date', '2016-12-01', '2017-01-01')).get(
      '(total)',
    )!;
    const [{ last }] = (await allRows(
      superstore,
      `SELECT strftime(max("Order Date"), '%Y-%m-%d') AS last FROM ${SUPERSTORE}`,
    )) as [{ last: string }];
    expect(last).toBe('2017-12-30');
    expect(headline?.periods.current).toEqual({ from: '2017-12-01', to: '2018-01-01' });
    expect(headline?.partialFrom).toBeUndefined();
    expect(headline?.latest.current).toBeCloseTo(nov17, 6);
    expect(headline?.latest.base).toBeCloseTo(oct17, 6);
    expect(headline?.latest.change).toBeCloseTo(nov17 - oct17, 6);
    expect(headline?.latest.percent).toBeCloseTo((nov17 - oct17) / oct17, 9);
    expect(headline?.yearAgo?.periods.base).toEqual({ from: '2016-12-01', to: '2017-01-01' });
    expect(headline?.yearAgo?.change.base).toBeCloseTo(nov16, 6);
    expect(headline?.yearAgo?.change.percent).toBeCloseTo((nov17 - nov16) / nov16, 9);
  });

  it('superstore weekly: the week of 25 Dec 2017 (complete, as December is: the data ends Saturday the 30th) vs the week before and the same ISO week of 2016', async () => {
    const headline = await digestHeadline(superstore.connection, superstore.meta, superstore.table, sales('week'));
    const current = (await sums(superstore, SUPERSTORE, 'Sales', 'Order Date', '2017-12-25', '2018-01-01')).get(
      '(total)',
    )!;
    const before = (await sums(superstore, SUPERSTORE, 'Sales', 'Order Date', '2017-12-18', '2017-12-25')).get(
      '(total)',
    )!;
    expect(headline?.periods.current).toEqual({ from: '2017-12-25', to: '2018-01-01' });
    expect(headline?.partialFrom).toBeUndefined();
    expect(headline?.latest.current).toBeCloseTo(current, 6);
    expect(headline?.latest.base).toBeCloseTo(before, 6);
    const [week52] = await allRows(
      superstore,
      `SELECT sum(Sales) AS s FROM ${SUPERSTORE} WHERE isoyear("Order Date") = 2016 AND week("Order Date") = 52`,
    );
    expect(headline?.yearAgo?.periods.base).toEqual({ from: '2016-12-26', to: '2017-01-02' });
    expect(headline?.yearAgo?.change.base).toBeCloseTo(Number(week52!.s), 6);
    expect(headline?.yearAgo?.change.percent).toBeCloseTo((current - Number(week52!.s)) / Number(week52!.s), 9);
  });

  it('seattle monthly precipitation: December 2015 complete, vs November and vs December 2014', async () => {
    const headline = await digestHeadline(seattle.connection, seattle.meta, seattle.table, {
      measure: { column: 'precipitation', aggregation: 'sum' },
      timeColumn: 'date',
      grain: 'month',
      filters: [],
    });
    const dec15 = (await sums(seattle, SEATTLE, 'precipitation', 'date', '2015-12-01', '2016-01-01')).get('(total)')!;
    const nov15 = (await sums(seattle, SEATTLE, 'precipitation', 'date', '2015-11-01', '2015-12-01')).get('(total)')!;
    const dec14 = (await sums(seattle, SEATTLE, 'precipitation', 'date', '2014-12-01', '2015-01-01')).get('(total)')!;
    expect(headline?.partialFrom).toBeUndefined();
    expect(headline?.latest.current).toBeCloseTo(dec15, 6);
    expect(headline?.latest.base).toBeCloseTo(nov15, 6);
    expect(headline?.yearAgo?.change.base).toBeCloseTo(dec14, 6);
  });

  it('iowa yearly: 2017 vs 2016; a year-earlier comparison of a yearly series is the previous year', async () => {
    const headline = await digestHeadline(iowa.connection, iowa.meta, iowa.table, {
      measure: { column: 'net_generation', aggregation: 'sum' },
      timeColumn: 'year',
      grain: 'year',
      filters: [],
    });
    const y17 = (await sums(iowa, IOWA, 'net_generation', 'year', '2017-01-01', '2018-01-01')).get('(total)')!;
    const y16 = (await sums(iowa, IOWA, 'net_generation', 'year', '2016-01-01', '2017-01-01')).get('(total)')!;
    expect(headline?.latest).toMatchObject({ current: y17, base: y16, change: y17 - y16 });
    expect(headline?.yearAgo?.change.base).toBe(y16);
  });
});

describe('drivers, the most explanatory dimension and concentration', () => {
  it('superstore Dec vs Nov 2017 by Region: each region’s change and share of the total change', async () => {
    const { groups } = await periodChange(
      superstore.connection,
      superstore.meta,
      superstore.table,
      sales('month'),
      'previous',
      'Region',
    );
    const drivers = changeDrivers(contributions(groups)!)!;
    const now = await sums(superstore, SUPERSTORE, 'Sales', 'Order Date', '2017-12-01', '2018-01-01', 'Region');
    const then = await sums(superstore, SUPERSTORE, 'Sales', 'Order Date', '2017-11-01', '2017-12-01', 'Region');
    const total = [...now.keys()].reduce((sum, region) => sum + now.get(region)! - (then.get(region) ?? 0), 0);
    expect(drivers.total).toBeCloseTo(total, 6);
    const expected = [...now.keys()]
      .map((region) => ({ member: region, change: now.get(region)! - (then.get(region) ?? 0) }))
      // Drivers move the way the total did (down, this month).
      .filter((move) => Math.sign(move.change) === Math.sign(total))
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
      .slice(0, 3);
    expect(drivers.drivers.map((driver) => driver.member)).toEqual(expected.map((move) => move.member));
    drivers.drivers.forEach((driver, i) => {
      expect(driver.change).toBeCloseTo(expected[i]!.change, 6);
      expect(driver.share).toBeCloseTo(expected[i]!.change / total, 9);
    });
  });

  it('seattle Dec vs Nov 2015 average temp_max by weather: each weather’s part weighs its days, and the parts add up to the change', async () => {
    const what: DigestMeasure = {
      measure: { column: 'temp_max', aggregation: 'avg' },
      timeColumn: 'date',
      grain: 'month',
      filters: [],
    };
    const { parts } = await memberContributions(seattle.connection, seattle.meta, seattle.table, what, 'weather');
    // A weather's part: its temp_max summed over the month, over all the month's days, minus the same for November.
    const rows = await allRows(
      seattle,
      `WITH m AS (SELECT weather, temp_max, date >= DATE '2015-12-01' AS now FROM ${SEATTLE}
                  WHERE date >= DATE '2015-11-01' AND date < DATE '2016-01-01')
       SELECT weather AS member,
              coalesce(sum(temp_max) FILTER (WHERE now), 0) / (SELECT count(temp_max) FROM m WHERE now)
            - coalesce(sum(temp_max) FILTER (WHERE NOT now), 0) / (SELECT count(temp_max) FROM m WHERE NOT now) AS part,
              (SELECT avg(temp_max) FROM m WHERE now) - (SELECT avg(temp_max) FROM m WHERE NOT now) AS total
       FROM m GROUP BY weather`,
    );
    expect(parts).toHaveLength(rows.length);
    for (const row of rows) {
      expect(parts!.find((part) => part.member === row.member)?.change).toBeCloseTo(Number(row.part), 9);
    }
    const drivers = changeDrivers(parts!)!;
    expect(drivers.total).toBeCloseTo(Number(rows[0]!.total), 9);
    const [sun] = await allRows(
      seattle,
      `SELECT count(*) AS days FROM ${SEATTLE} WHERE weather = 'sun' AND date >= DATE '2015-12-01' AND date < DATE '2016-01-01'`,
    );
    const sunPart = drivers.drivers.concat(drivers.detractors).find((driver) => driver.member === 'sun');
    // The trial's complaint: 4 sunny days of 31 made "54% of the fall". Now the part is the days' weight.
    expect(Number(sun!.days)).toBeLessThan(8);
    expect(Math.abs(sunPart?.change ?? 0)).toBeLessThan(Math.abs(drivers.total));
  });

  it('superstore Dec vs Nov 2017 margin (Profit per Sales) by Region: parts over the whole month’s sales add up to the margin’s change', async () => {
    const what: DigestMeasure = {
      measure: { column: 'Profit', aggregation: 'sum', per: { column: 'Sales', aggregation: 'sum' } },
      timeColumn: 'Order Date',
      grain: 'month',
      filters: [],
    };
    const { parts } = await memberContributions(
      superstore.connection,
      superstore.meta,
      superstore.table,
      what,
      'Region',
    );
    const rows = await allRows(
      superstore,
      `WITH m AS (SELECT Region, Profit, Sales, "Order Date" >= DATE '2017-12-01' AS now FROM ${SUPERSTORE}
                  WHERE "Order Date" >= DATE '2017-11-01' AND "Order Date" < DATE '2018-01-01')
       SELECT Region AS member,
              sum(Profit) FILTER (WHERE now) / (SELECT sum(Sales) FROM m WHERE now)
            - sum(Profit) FILTER (WHERE NOT now) / (SELECT sum(Sales) FROM m WHERE NOT now) AS part
       FROM m GROUP BY Region`,
    );
    for (const row of rows) {
      expect(parts!.find((part) => part.member === row.member)?.change).toBeCloseTo(Number(row.part), 9);
    }
    const sum = parts!.reduce((total, part) => total + part.change, 0);
    const [whole] = await allRows(
      superstore,
      `SELECT sum(Profit) FILTER (WHERE "Order Date" >= DATE '2017-12-01') / sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-12-01')
            - sum(Profit) FILTER (WHERE "Order Date" < DATE '2017-12-01') / sum(Sales) FILTER (WHERE "Order Date" < DATE '2017-12-01') AS change
       FROM ${SUPERSTORE} WHERE "Order Date" >= DATE '2017-11-01' AND "Order Date" < DATE '2018-01-01'`,
    );
    expect(sum).toBeCloseTo(Number(whole!.change), 9);
  });

  it('a median has no member parts: no drivers rather than wrong ones', async () => {
    const what: DigestMeasure = {
      measure: { column: 'Sales', aggregation: 'median' },
      timeColumn: 'Order Date',
      grain: 'month',
      filters: [],
    };
    const { parts } = await memberContributions(
      superstore.connection,
      superstore.meta,
      superstore.table,
      what,
      'Region',
    );
    expect(parts).toBeUndefined();
  });

  it('picks the dimension whose top 3 members hold most of the movement, as SQL ranks them', async () => {
    const dimensions = ['Region', 'Segment', 'Category', 'Sub-Category', 'Ship Mode'];
    const candidates = await Promise.all(
      dimensions.map(async (dimension) => ({
        dimension,
        parts: (
          await memberContributions(superstore.connection, superstore.meta, superstore.table, sales('month'), dimension)
        ).parts!,
      })),
    );
    const best = mostExplanatory(candidates);
    const ranked = await allRows(
      superstore,
      dimensions
        .map(
          (dimension) => `SELECT * FROM (
             WITH moves AS (
               SELECT abs(sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-12-01' AND "Order Date" < DATE '2018-01-01')
                        - coalesce(sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-11-01' AND "Order Date" < DATE '2017-12-01'), 0)) AS m
               FROM ${SUPERSTORE} WHERE "Order Date" >= DATE '2017-11-01' AND "Order Date" < DATE '2018-01-01'
               GROUP BY "${dimension}")
             SELECT '${dimension}' AS dimension,
                    (SELECT sum(m) FROM (SELECT m FROM moves ORDER BY m DESC LIMIT 3)) / (SELECT sum(m) FROM moves) AS explained,
                    (SELECT count(*) FROM moves) AS members)`,
        )
        .join(' UNION ALL ')
        .concat(' ORDER BY explained DESC, members ASC'),
    );
    expect(best?.dimension).toBe(ranked[0]!.dimension);
    expect(best?.drivers.explained).toBeCloseTo(Number(ranked[0]!.explained), 9);
  });

  it('iowa 2017 by source: concentration is one source above half of the total, as SQL computes it', async () => {
    const { groups } = await periodChange(
      iowa.connection,
      iowa.meta,
      iowa.table,
      { measure: { column: 'net_generation', aggregation: 'sum' }, timeColumn: 'year', grain: 'year', filters: [] },
      'previous',
      'source',
    );
    const [row] = await allRows(
      iowa,
      `SELECT arg_max(source, net_generation) AS member, max(net_generation) / sum(net_generation) AS share
       FROM ${IOWA} WHERE year = DATE '2017-01-01'`,
    );
    // Fossil fuels made just over half of Iowa's 2017 generation (SQL says so, not the test).
    expect(Number(row!.share)).toBeGreaterThan(0.5);
    const found = concentration(groups);
    expect(found?.member).toBe(String(row!.member));
    expect(found?.share).toBeCloseTo(Number(row!.share), 9);
    // Superstore's four regions share December's sales with none above half.
    const regions = await periodChange(
      superstore.connection,
      superstore.meta,
      superstore.table,
      sales('month'),
      'previous',
      'Region',
    );
    expect(concentration(regions.groups)).toBeUndefined();
  });

  it('superstore profit by Sub-Category has losses, so no concentration is claimed', async () => {
    const { groups } = await periodChange(
      superstore.connection,
      superstore.meta,
      superstore.table,
      { ...sales('month'), measure: { column: 'Profit', aggregation: 'sum' } },
      'previous',
      'Sub-Category',
    );
    const [negatives] = await allRows(
      superstore,
      `SELECT count(*) AS n FROM (SELECT sum(Profit) AS p FROM ${SUPERSTORE}
       WHERE "Order Date" >= DATE '2017-12-01' AND "Order Date" < DATE '2018-01-01' GROUP BY "Sub-Category") WHERE p < 0`,
    );
    expect(Number(negatives!.n)).toBeGreaterThan(0);
    expect(concentration(groups)).toBeUndefined();
  });
});
