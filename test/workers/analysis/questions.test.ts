import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { answerQuestion, type AnsweredQuestion } from '../../../workers/analysis/answer-question';
import { checkCase, expectSameRows, states, type QuestionCase } from '../../support/question-cases';

/** DuckDB's own reading of a file, with its own type detection: the independent side of every check. */
const csv = (path: string) => `read_csv('${path}')`;
const day = (expr: string) => `strftime(${expr}, '%Y-%m-%d')`;
/** The change from the first to the last period of a series `(t, v)`, as a fraction of the first. */
const change = (series: string) => `SELECT (arg_max(v, t) - arg_min(v, t)) / arg_min(v, t) FROM (${series})`;

const S = csv(SUPERSTORE_CSV);

/** The change of a measure's total from 2016 to 2017, the data's two latest complete years, as a fraction. */
const yearOnYear = (measure: string) =>
  `SELECT (sum(${measure}) FILTER (year("Order Date") = 2017) - sum(${measure}) FILTER (year("Order Date") = 2016))
          / sum(${measure}) FILTER (year("Order Date") = 2016) FROM ${S}`;
const superstore: QuestionCase[] = [
  { question: 'total sales', sql: `SELECT sum(Sales) FROM ${S}` },
  { question: 'total revenue', sql: `SELECT sum(Sales) FROM ${S}` },
  { question: 'average profit', sql: `SELECT avg(Profit) FROM ${S}` },
  { question: 'median sales', sql: `SELECT median(Sales) FROM ${S}` },
  { question: 'how many orders', sql: `SELECT count(DISTINCT "Order ID") FROM ${S}` },
  { question: 'sales by region', sql: `SELECT Region, sum(Sales) s FROM ${S} GROUP BY 1 ORDER BY s DESC` },
  { question: 'profit by category', sql: `SELECT Category, sum(Profit) p FROM ${S} GROUP BY 1 ORDER BY p DESC` },
  {
    question: 'average discount by segment',
    sql: `SELECT Segment, avg(Discount) d FROM ${S} GROUP BY 1 ORDER BY d DESC`,
  },
  {
    question: 'total quantity by ship mode',
    sql: `SELECT "Ship Mode", sum(Quantity) q FROM ${S} GROUP BY 1 ORDER BY q DESC`,
  },
  {
    question: 'max discount by sub-category',
    sql: `SELECT "Sub-Category", max(Discount) m FROM ${S} GROUP BY 1 ORDER BY m DESC, 1`,
  },
  {
    question: 'monthly sales',
    sql: `SELECT ${day(`date_trunc('month', "Order Date")`)} m, sum(Sales) FROM ${S} GROUP BY 1 ORDER BY 1`,
    // A seasonal series compares its latest complete years, not its first and last months.
    keySql: yearOnYear('Sales'),
  },
  {
    question: 'quarterly profit',
    sql: `SELECT ${day(`date_trunc('quarter', "Order Date")`)} q, sum(Profit) FROM ${S} GROUP BY 1 ORDER BY 1`,
    keySql: yearOnYear('Profit'),
  },
  {
    question: 'sales by year',
    sql: `SELECT ${day(`date_trunc('year', "Order Date")`)} y, sum(Sales) FROM ${S} GROUP BY 1 ORDER BY 1`,
    keySql: change(`SELECT year("Order Date") t, sum(Sales) v FROM ${S} GROUP BY 1`),
  },
  {
    question: 'top 5 customers by sales',
    sql: `SELECT "Customer Name", sum(Sales) s FROM ${S} GROUP BY 1 ORDER BY s DESC LIMIT 5`,
    key: [0, 1],
  },
  {
    question: 'bottom 3 states by profit',
    sql: `SELECT State, sum(Profit) p FROM ${S} GROUP BY 1 ORDER BY p ASC LIMIT 3`,
    key: [0, 1],
  },
  {
    question: 'which state has the highest profit',
    sql: `SELECT State, sum(Profit) p FROM ${S} GROUP BY 1 ORDER BY p DESC LIMIT 10`,
    key: [0, 1],
  },
  { question: 'sales in the West region', sql: `SELECT sum(Sales) FROM ${S} WHERE Region = 'West'` },
  { question: 'profit for Furniture', sql: `SELECT sum(Profit) FROM ${S} WHERE Category = 'Furniture'` },
  { question: 'sales in 2016', sql: `SELECT sum(Sales) FROM ${S} WHERE year("Order Date") = 2016` },
  {
    question: 'sales in Q3 2017',
    sql: `SELECT sum(Sales) FROM ${S} WHERE "Order Date" >= DATE '2017-07-01' AND "Order Date" < DATE '2017-10-01'`,
  },
  {
    question: 'last quarter sales',
    sql: `SELECT sum(Sales) FROM ${S} WHERE "Order Date" >= DATE '2017-10-01' AND "Order Date" < DATE '2018-01-01'`,
  },
  {
    question: 'monthly sales in 2016',
    sql: `SELECT ${day(`date_trunc('month', "Order Date")`)}, sum(Sales) FROM ${S} WHERE year("Order Date") = 2016 GROUP BY 1 ORDER BY 1`,
    keySql: change(`SELECT month("Order Date") t, sum(Sales) v FROM ${S} WHERE year("Order Date") = 2016 GROUP BY 1`),
  },
  {
    question: 'sales by category in the West',
    sql: `SELECT Category, sum(Sales) s FROM ${S} WHERE Region = 'West' GROUP BY 1 ORDER BY s DESC`,
  },
  {
    question: 'sales between March and June 2016',
    sql: `SELECT sum(Sales) FROM ${S} WHERE "Order Date" >= DATE '2016-03-01' AND "Order Date" < DATE '2016-07-01'`,
  },
  { question: 'sales since 2016', sql: `SELECT sum(Sales) FROM ${S} WHERE "Order Date" >= DATE '2016-01-01'` },
  {
    question: 'sales 2016 vs 2017',
    sql: `SELECT CAST(year("Order Date") AS VARCHAR) y, sum(Sales) FROM ${S} WHERE year("Order Date") IN (2016, 2017) GROUP BY 1 ORDER BY 1`,
    key: [1, 1],
  },
  {
    question: 'profit West vs East',
    sql: `SELECT Region, sum(Profit) FROM ${S} WHERE Region IN ('West', 'East') GROUP BY 1 ORDER BY Region = 'East'`,
    key: [0, 1],
  },
  {
    question: 'share of sales by segment',
    sql: `SELECT Segment, sum(Sales) s, sum(Sales) / sum(sum(Sales)) OVER () FROM ${S} GROUP BY 1 ORDER BY s DESC`,
    key: [0, 1],
  },
  {
    question: 'breakdown of profit by category',
    sql: `SELECT Category, sum(Profit) p, sum(Profit) / sum(sum(Profit)) OVER () FROM ${S} GROUP BY 1 ORDER BY p DESC`,
    key: [0, 1],
  },
  {
    question: 'sales by region and category',
    sql: `SELECT Region, Category, sum(Sales) s FROM ${S} GROUP BY 1, 2 ORDER BY s DESC`,
    key: null,
  },
];

const STOCKS = `(SELECT symbol, strptime(date, '%b %d %Y')::DATE AS d, price FROM read_csv('${vegaDataset('stocks.csv')}', all_varchar = true, types = {'price': 'DOUBLE'}))`;
const stocks: QuestionCase[] = [
  { question: 'average price by symbol', sql: `SELECT symbol, avg(price) p FROM ${STOCKS} GROUP BY 1 ORDER BY p DESC` },
  { question: 'max price by symbol', sql: `SELECT symbol, max(price) p FROM ${STOCKS} GROUP BY 1 ORDER BY p DESC` },
  { question: 'average price in 2008', sql: `SELECT avg(price) FROM ${STOCKS} WHERE year(d) = 2008` },
  {
    question: 'AAPL price over time',
    sql: `SELECT ${day('d')}, avg(price) FROM ${STOCKS} WHERE symbol = 'AAPL' GROUP BY 1 ORDER BY 1`,
    key: null,
  },
  {
    question: 'IBM vs MSFT average price',
    sql: `SELECT symbol, avg(price) FROM ${STOCKS} WHERE symbol IN ('IBM', 'MSFT') GROUP BY 1 ORDER BY symbol = 'MSFT'`,
    key: [0, 1],
  },
  {
    question: 'yearly average price of GOOG',
    sql: `SELECT ${day(`date_trunc('year', d)`)}, avg(price) FROM ${STOCKS} WHERE symbol = 'GOOG' GROUP BY 1 ORDER BY 1`,
    keySql: `SELECT max(p) FROM (SELECT avg(price) p FROM ${STOCKS} WHERE symbol = 'GOOG' GROUP BY year(d))`,
  },
];

const W = csv(vegaDataset('seattle-weather.csv'));
const weather: QuestionCase[] = [
  {
    question: 'total precipitation by year',
    sql: `SELECT ${day(`date_trunc('year', date)`)}, sum(precipitation) FROM ${W} GROUP BY 1 ORDER BY 1`,
    keySql: `SELECT max(p) FROM (SELECT sum(precipitation) p FROM ${W} GROUP BY year(date))`,
  },
  {
    question: 'average temp_max by month',
    sql: `SELECT ${day(`date_trunc('month', date)`)}, avg(temp_max) FROM ${W} GROUP BY 1 ORDER BY 1`,
    key: null,
  },
  { question: 'how many days by weather', sql: `SELECT weather, count(*) n FROM ${W} GROUP BY 1 ORDER BY n DESC` },
  { question: 'average wind by weather', sql: `SELECT weather, avg(wind) w FROM ${W} GROUP BY 1 ORDER BY w DESC` },
  { question: 'highest temp_max in 2015', sql: `SELECT max(temp_max) FROM ${W} WHERE year(date) = 2015` },
  {
    question: 'total precipitation in rain vs snow',
    sql: `SELECT weather, sum(precipitation) FROM ${W} WHERE weather IN ('rain', 'snow') GROUP BY 1 ORDER BY weather = 'snow'`,
    key: [0, 1],
  },
];

const I = csv(vegaDataset('iowa-electricity.csv'));
const iowa: QuestionCase[] = [
  {
    question: 'net_generation by source',
    sql: `SELECT source, sum(net_generation) n FROM ${I} GROUP BY 1 ORDER BY n DESC`,
  },
  {
    question: 'net generation by year',
    sql: `SELECT ${day(`date_trunc('year', year)`)}, sum(net_generation) FROM ${I} GROUP BY 1 ORDER BY 1`,
    keySql: `SELECT max(n) FROM (SELECT sum(net_generation) n FROM ${I} GROUP BY year)`,
  },
  {
    question: 'share of net generation by source',
    sql: `SELECT source, sum(net_generation) n, sum(net_generation) / sum(sum(net_generation)) OVER () FROM ${I} GROUP BY 1 ORDER BY n DESC`,
    key: [0, 1],
  },
  {
    question: 'Renewables net generation over time',
    sql: `SELECT ${day('year')}, sum(net_generation) FROM ${I} WHERE source = 'Renewables' GROUP BY 1 ORDER BY 1`,
    keySql: change(`SELECT year t, net_generation v FROM ${I} WHERE source = 'Renewables'`),
  },
];

const E = csv(vegaDataset('us-employment.csv'));
const employment: QuestionCase[] = [
  {
    question: 'average nonfarm by year',
    sql: `SELECT ${day(`date_trunc('year', month)`)}, avg(nonfarm) FROM ${E} GROUP BY 1 ORDER BY 1`,
    key: null,
  },
  { question: 'total construction in 2010', sql: `SELECT sum(construction) FROM ${E} WHERE year(month) = 2010` },
  { question: 'max government', sql: `SELECT max(government) FROM ${E}` },
  {
    question: 'average manufacturing since 2012',
    sql: `SELECT avg(manufacturing) FROM ${E} WHERE month >= DATE '2012-01-01'`,
  },
];

const B = csv(vegaDataset('birdstrikes.csv'));
const birds: QuestionCase[] = [
  {
    question: 'total cost repair by phase of flight',
    sql: `SELECT "Phase of flight", sum("Cost Repair") c FROM ${B} GROUP BY 1 ORDER BY c DESC`,
    key: [0, 1],
  },
  {
    question: 'average speed by wildlife size',
    sql: `SELECT "Wildlife Size", avg("Speed IAS in knots") s FROM ${B} GROUP BY 1 ORDER BY s DESC`,
    key: [0, 1],
  },
  {
    question: 'count by time of day',
    sql: `SELECT "Time of day", count(*) n FROM ${B} GROUP BY 1 ORDER BY n DESC`,
    key: [0, 1],
  },
  {
    question: 'top 5 origin states by cost total',
    sql: `SELECT "Origin State", sum("Cost Total $") c FROM ${B} GROUP BY 1 ORDER BY c DESC LIMIT 5`,
    key: [0, 1],
  },
];

const DATASETS: [string, string, QuestionCase[]][] = [
  ['Sample Superstore', SUPERSTORE_CSV, superstore],
  ['stocks', vegaDataset('stocks.csv'), stocks],
  ['seattle-weather', vegaDataset('seattle-weather.csv'), weather],
  ['iowa-electricity', vegaDataset('iowa-electricity.csv'), iowa],
  ['us-employment', vegaDataset('us-employment.csv'), employment],
  ['birdstrikes', vegaDataset('birdstrikes.csv'), birds],
];

describe.each(DATASETS)('questions on %s, checked against hand-written SQL', (_name, path, cases) => {
  let data: Loaded;
  beforeAll(async () => {
    data = await load(path);
  });

  it.each(cases.map((c) => [c.question, c] as const))('%s', async (_question, testCase) => {
    await checkCase(data, testCase);
  });
});

describe('relationships, distributions, overviews and follow-ups', () => {
  let superstoreData: Loaded;
  let weatherData: Loaded;
  beforeAll(async () => {
    superstoreData = await load(SUPERSTORE_CSV);
    weatherData = await load(vegaDataset('seattle-weather.csv'));
  });

  async function ask(data: Loaded, question: string, previous?: AnsweredQuestion['plan']) {
    const answer = await answerQuestion(question, { ...data, previous });
    if (answer.kind !== 'answer') throw new Error(`"${question}" was not understood: ${answer.reason}`);
    return answer;
  }

  async function one(data: Loaded, sql: string): Promise<number> {
    const [row = {}] = await data.rows(sql);
    return Number(Object.values(row)[0]);
  }

  it.each([
    ['discount vs profit', 'Profit', 'Discount', 'superstore'],
    ['correlation between sales and profit', 'Profit', 'Sales', 'superstore'],
    ['temp_min vs temp_max', 'temp_max', 'temp_min', 'weather'],
  ])('%s: correlation over every row, stated in the headline', async (question, y, x, which) => {
    const data = which === 'superstore' ? superstoreData : weatherData;
    const path = which === 'superstore' ? SUPERSTORE_CSV : vegaDataset('seattle-weather.csv');
    const answer = await ask(data, question);
    const r = await one(data, `SELECT corr("${y}", "${x}") FROM read_csv('${path}')`);
    expect(answer.plan.kind).toBe('relationship');
    expect(answer.result.relationship?.correlation).toBeCloseTo(r, 9);
    expect(answer.result.relationship?.pairs).toBe(data.meta.rows);
    expect(states(answer.headline, r)).toBe(true);
    expect(answer.chart?.kind).toBe('scatter');
  });

  it.each([
    ['distribution of sales', 'superstore', 9994],
    ['histogram of precipitation', 'weather', 1461],
  ])('%s: bins that hold every row', async (question, which, rows) => {
    const answer = await ask(which === 'superstore' ? superstoreData : weatherData, question);
    expect(answer.plan.kind).toBe('distribution');
    const bins = answer.result.bins ?? [];
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(rows);
    expect(answer.chart?.kind).toBe('histogram');
  });

  it('bins each order\'s total for "distribution of order value"', async () => {
    const answer = await ask(superstoreData, 'distribution of order value');
    expect(answer.plan).toMatchObject({ kind: 'distribution', dimensions: [{ column: 'Order ID' }] });
    const bins = answer.result.bins ?? [];
    const orders = `SELECT sum(Sales) AS total FROM ${S} GROUP BY "Order ID"`;
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(
      await one(superstoreData, `SELECT count(*) FROM (${orders})`),
    );
    const first = bins[0] as { from: number; to: number; count: number };
    const inFirst = await one(
      superstoreData,
      `SELECT count(*) FROM (${orders}) WHERE total >= ${first.from} AND total < ${first.to}`,
    );
    expect(first.count).toBe(inFirst);
  });

  it('answers an empty question with an overview: the main measure over time', async () => {
    const answer = await ask(superstoreData, '');
    const grain = answer.plan.dimensions[0]?.grain;
    expect(answer.plan.dimensions[0]?.column).toBe('Order Date');
    await expectSameRows(
      answer,
      superstoreData.connection,
      `SELECT ${day(`date_trunc('${grain}', "Order Date")`)}, sum(Sales) FROM ${S} GROUP BY 1 ORDER BY 1`,
    );
  });

  it('refines the previous answer in a follow-up instead of starting over', async () => {
    const first = await ask(superstoreData, 'sales by region');
    const second = await ask(superstoreData, 'only 2017', first.plan);
    await expectSameRows(
      second,
      superstoreData.connection,
      `SELECT Region, sum(Sales) s FROM ${S} WHERE year("Order Date") = 2017 GROUP BY 1 ORDER BY s DESC`,
    );
    const third = await ask(superstoreData, 'now by category', second.plan);
    await expectSameRows(
      third,
      superstoreData.connection,
      `SELECT Category, sum(Sales) s FROM ${S} WHERE year("Order Date") = 2017 GROUP BY 1 ORDER BY s DESC`,
    );
    const fourth = await ask(superstoreData, 'as a line chart', first.plan);
    expect(fourth.plan.chart).toBe('line');
  });

  it.each([
    "what's the weather tomorrow",
    'sales by flavour',
    'asdf qwer zxcv',
    'tell me a joke',
    'revenue by planet',
    'forecast profit for 2030',
  ])('declines "%s" with three suggestions that work', async (question) => {
    const answer = await answerQuestion(question, superstoreData);
    expect(answer.kind).toBe('not-understood');
    if (answer.kind !== 'not-understood') return;
    expect(answer.reason.length).toBeGreaterThan(10);
    expect(answer.suggestions).toHaveLength(3);
    for (const suggestion of answer.suggestions) {
      expect((await answerQuestion(suggestion, superstoreData)).kind).toBe('answer');
    }
  });
});

describe('answers that would mislead are not given', () => {
  it('ranks months without calling them parts of a whole', async () => {
    const data = await load(vegaDataset('us-employment.csv'));
    const answer = await answerQuestion('lowest nonfarm month', data);
    if (answer.kind !== 'answer') throw new Error('not understood');
    expect(answer.headline).toMatch(/^Feb 2010 had the lowest nonfarm: 129\.7K\.$/);
    expect(answer.insights.join(' ')).not.toMatch(/ of the (10 shown|total)[;)]|make up/);
  });
});
