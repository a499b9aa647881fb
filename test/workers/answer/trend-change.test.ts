import { answerQuestion, type AnsweredQuestion } from '../../../workers/analysis/answer-question';
import { writeHeadline } from '../../../workers/answer/headline';
import { computeInsights, type Insight } from '../../../workers/answer/insights';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { expectSameRows } from '../../support/question-cases';

// Integration: real files through the offline planner, the plan compiler and DuckDB. A trend's
// headline and its change insight must state one change of the series, never two: each is
// checked here against SQL written by hand over DuckDB's own reading of the file.

const SEATTLE = vegaDataset('seattle-weather.csv');
const STOCKS = vegaDataset('stocks.csv');
const STOCK_ROWS = `(SELECT strptime(date, '%b %d %Y')::DATE AS date, price
                     FROM read_csv('${STOCKS}', all_varchar = true, types = {'price': 'DOUBLE'}))`;

async function ask(data: Loaded, question: string): Promise<AnsweredQuestion> {
  const answer = await answerQuestion(question, { connection: data.connection, table: data.table, meta: data.meta });
  if (answer.kind !== 'answer') throw new Error(`"${question}" was not understood: ${answer.reason}`);
  return answer;
}

/** The headline and the change insight as the answer computes them, with their numbers. */
function trendStatements(data: Loaded, answer: AnsweredQuestion) {
  const headline = writeHeadline(answer.plan, answer.result, data.meta);
  const change = computeInsights(answer.plan, answer.result, data.meta).find((i) => i.kind === 'change');
  if (change === undefined) throw new Error(`no change insight in ${JSON.stringify(answer.insights)}`);
  expect(answer.headline).toBe(headline.text);
  expect(answer.insights).toContain(change.text);
  return { headline, change };
}

/** The change insight's numbers in the order it states them: the move, its percent, then both ends. */
function changeNumbers(change: Insight) {
  const [delta, fraction, from, to] = change.numbers;
  return { delta, fraction, from, to };
}

async function one(data: Loaded, sql: string): Promise<Record<string, unknown>> {
  const [row] = await data.rows(sql);
  if (row === undefined) throw new Error(`no row from ${sql}`);
  return row;
}

describe('rainy days per month in Seattle', () => {
  let data: Loaded;
  beforeAll(async () => {
    data = await load(SEATTLE);
  });

  test('the headline and the change insight compare the same two months, and say they are the same month', async () => {
    const answer = await ask(data, 'how many days of rain each month');
    await expectSameRows(
      answer,
      data.connection,
      `SELECT strftime(date_trunc('month', date), '%Y-%m-%d'), count(DISTINCT date)
       FROM read_csv('${SEATTLE}') WHERE weather = 'rain' GROUP BY 1 ORDER BY 1`,
    );
    // The latest month against the same month of the earliest year that has it.
    const ends = await one(
      data,
      `WITH m AS (SELECT date_trunc('month', date) AS month, count(DISTINCT date)::INTEGER AS days
                  FROM read_csv('${SEATTLE}') WHERE weather = 'rain' GROUP BY 1),
            latest AS (SELECT * FROM m ORDER BY month DESC LIMIT 1),
            earliest AS (SELECT m.* FROM m, latest
                         WHERE month(m.month) = month(latest.month) AND m.month < latest.month
                         ORDER BY m.month LIMIT 1)
       SELECT strftime(earliest.month, '%b %Y') AS from_label, earliest.days AS from_days,
              strftime(latest.month, '%b %Y') AS to_label, latest.days AS to_days,
              year(latest.month) - year(earliest.month) AS apart
       FROM earliest, latest`,
    );
    const [before, after] = [Number(ends.from_days), Number(ends.to_days)];
    expect([ends.from_label, ends.to_label, Number(ends.apart)]).toEqual(['Dec 2012', 'Dec 2015', 3]);

    const { headline, change } = trendStatements(data, answer);
    // Not "rose 38.9% from Jan 2012 to Dec 2015" beside "rose by 2 (8.7%) from Dec 2012 to Dec 2015".
    expect(headline.text).toMatch(
      /^Days per month rose 8\.7% from Dec 2012 to Dec 2015 \(the same month three years apart\), peaking in /,
    );
    expect(change.text).toBe(
      `Days rose by ${after - before} (8.7%) from Dec 2012 (${before}) to Dec 2015 (${after}), the same month three years apart.`,
    );
    expect(headline.numbers[0]).toBeCloseTo((after - before) / before, 12);
    expect(changeNumbers(change)).toEqual({
      delta: after - before,
      fraction: headline.numbers[0],
      from: before,
      to: after,
    });
  });

  test('a distinct count of a date column of days is named "days", in the table, the headline and the insights', async () => {
    const answer = await ask(data, 'how many days of rain each month');
    const measure = answer.result.columns.find((c) => c.role === 'measure');
    expect(measure?.name).toBe('Days');
    expect(answer.sql).toContain('AS "Days"');
    expect(answer.plan.title).toBe('Number of Days by Month, rain');
    const [peak] = await data.rows(
      `SELECT strftime(date_trunc('month', date), '%b %Y') AS month, count(DISTINCT date)::INTEGER AS days
       FROM read_csv('${SEATTLE}') WHERE weather = 'rain'
       GROUP BY date_trunc('month', date) ORDER BY days DESC, date_trunc('month', date) LIMIT 1`,
    );
    expect(answer.headline).toContain(`peaking in ${String(peak?.month)} at ${String(peak?.days)}.`);
    expect(answer.insights).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Days peaked in ${String(peak?.month)} at ${String(peak?.days)} and were lowest in `),
      ),
    );
    expect([answer.headline, ...answer.insights].join(' ')).not.toMatch(/distinct date/i);
  });

  test('counted over a year, the days compare the first year with the last', async () => {
    const answer = await ask(data, 'how many days of rain each year');
    const [first, last] = await data.rows(
      `SELECT year(date) AS y, count(DISTINCT date)::INTEGER AS days FROM read_csv('${SEATTLE}')
       WHERE weather = 'rain' AND year(date) IN (2012, 2015) GROUP BY 1 ORDER BY 1`,
    );
    const [before, after] = [Number(first?.days), Number(last?.days)];
    const { headline, change } = trendStatements(data, answer);
    expect(headline.text).toMatch(/^Days per year (rose|fell) [\d.]+% from 2012 to 2015/);
    expect(change.text).toMatch(new RegExp(`from 2012 \\(${before}\\) to 2015 \\(${after}\\)\\.$`));
    expect(headline.numbers[0]).toBeCloseTo(Math.abs(after - before) / before, 12);
    expect(changeNumbers(change).fraction).toBeCloseTo(Math.abs(headline.numbers[0] ?? NaN), 12);
  });
});

describe('Sample Superstore sales', () => {
  let data: Loaded;
  beforeAll(async () => {
    data = await load(SUPERSTORE_CSV);
  });

  test.each(['sales by month', 'sales by quarter', 'revenue trends'])(
    '%s: the headline and the change insight both compare the latest two complete years',
    async (question) => {
      const years = await one(
        data,
        `SELECT sum("Sales") FILTER (year("Order Date") = 2016)::DOUBLE AS before,
                sum("Sales") FILTER (year("Order Date") = 2017)::DOUBLE AS now
         FROM read_csv('${SUPERSTORE_CSV}')`,
      );
      const [before, now] = [Number(years.before), Number(years.now)];
      const { headline, change } = trendStatements(data, await ask(data, question));
      expect(headline.text).toMatch(/ rose 20\.4% in 2017 \(733\.2K\) vs 2016 \(609\.2K\), comparing complete years/);
      expect(change.text).toBe(
        'Sales rose by 124K (20.4%) from 2016 (609.2K) to 2017 (733.2K), comparing complete years.',
      );
      expect(headline.numbers.slice(0, 3)).toEqual(
        [(now - before) / before, now, before].map((n) => expect.closeTo(n, 6)),
      );
      const stated = changeNumbers(change);
      expect(stated.fraction).toBe(headline.numbers[0]);
      expect([stated.from, stated.to]).toEqual([expect.closeTo(before, 6), expect.closeTo(now, 6)]);
    },
  );

  test('weekly sales: both leave the same partial weeks out and compare the same years', async () => {
    const { headline, change } = trendStatements(data, await ask(data, 'sales by week'));
    const cut = '; Week of Dec 30, 2013 and Week of Dec 25, 2017 are partial and left out.';
    expect(headline.text).toMatch(/^Weekly Sales rose [\d.]+% in 2017 .* vs 2016 .*, comparing complete years/);
    expect(headline.text.endsWith(cut)).toBe(true);
    expect(change.text).toMatch(/from 2016 \(.*\) to 2017 \(.*\), comparing complete years;/);
    expect(change.text.endsWith(cut)).toBe(true);
    expect(changeNumbers(change).fraction).toBe(headline.numbers[0]);
  });

  test('the average discount by quarter moves in points, the same quarter three years apart in both', async () => {
    const answer = await ask(data, 'average discount by quarter');
    const ends = await one(
      data,
      `SELECT avg("Discount") FILTER (year("Order Date") = 2014 AND quarter("Order Date") = 4) AS before,
              avg("Discount") FILTER (year("Order Date") = 2017 AND quarter("Order Date") = 4) AS now
       FROM read_csv('${SUPERSTORE_CSV}')`,
    );
    const points = (Number(ends.now) - Number(ends.before)) * 100;
    const { headline, change } = trendStatements(data, answer);
    expect(headline.text).toMatch(
      /^Quarterly average Discount fell 0\.89 percentage points from Q4 2014 to Q4 2017 \(the same quarter three years apart\)/,
    );
    expect(change.text).toMatch(
      /^Average Discount fell by 0\.89 percentage points from Q4 2014 \(16\.8%\) to Q4 2017 \(15\.9%\), the same quarter three years apart\.$/,
    );
    expect(headline.numbers[0]).toBeCloseTo(Math.abs(points), 9);
    expect(change.numbers[0]).toBe(headline.numbers[0]);
  });
});

describe('stock prices', () => {
  let data: Loaded;
  beforeAll(async () => {
    data = await load(STOCKS);
  });

  test('the average price by month compares March with March, ten years apart, in both', async () => {
    const ends = await one(
      data,
      `SELECT avg(price) FILTER (date = DATE '2000-03-01') AS before, avg(price) FILTER (date = DATE '2010-03-01') AS now,
              strftime(max(date), '%Y-%m-%d') AS last FROM ${STOCK_ROWS}`,
    );
    expect(String(ends.last)).toBe('2010-03-01');
    const [before, now] = [Number(ends.before), Number(ends.now)];
    const { headline, change } = trendStatements(data, await ask(data, 'average price by month'));
    expect(headline.text).toMatch(
      /^Monthly average price rose 241% from Mar 2000 to Mar 2010 \(the same month ten years apart\), peaking in Oct 2007/,
    );
    expect(change.text).toBe(
      'Average price rose by 150.7 (241%) from Mar 2000 (62.57) to Mar 2010 (213.3), the same month ten years apart.',
    );
    expect(headline.numbers[0]).toBeCloseTo((now - before) / before, 12);
    expect(changeNumbers(change)).toEqual({
      delta: expect.closeTo(now - before, 9),
      fraction: headline.numbers[0],
      from: expect.closeTo(before, 9),
      to: expect.closeTo(now, 9),
    });
  });

  test('the average price by year leaves the partial last year out of both, and both say so', async () => {
    const ends = await one(
      data,
      `SELECT avg(price) FILTER (year(date) = 2000) AS before, avg(price) FILTER (year(date) = 2009) AS now
       FROM ${STOCK_ROWS}`,
    );
    const [before, now] = [Number(ends.before), Number(ends.now)];
    const { headline, change } = trendStatements(data, await ask(data, 'average price by year'));
    expect(headline.text).toMatch(
      /^Yearly average price rose 243% from 2000 to 2009, .*; 2010 is partial and left out\.$/,
    );
    expect(change.text).toMatch(/ from 2000 \(48\.07\) to 2009 \(164\.6\); 2010 is partial and left out\.$/);
    expect(headline.numbers[0]).toBeCloseTo((now - before) / before, 12);
    expect(changeNumbers(change).fraction).toBe(headline.numbers[0]);
  });
});
