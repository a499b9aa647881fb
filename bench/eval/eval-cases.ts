import { SUPERSTORE_CSV, vegaDataset } from '../../test/support/datasets';
import { KIND_DATASETS } from './kind-cases';

/**
 * One question of the evaluation. `sql` is written by hand over DuckDB's own
 * reading of the file (`read_csv` with its own type detection), sharing
 * nothing with the planners or the compiler; its rows are the right answer,
 * compared as a set (a planner may order ties differently). `decline: true`
 * marks a question the bot should refuse; `after` makes it a follow-up to an
 * earlier question of the same dataset, answered by the same planner.
 */
export interface EvalCase {
  question: string;
  sql?: string;
  decline?: true;
  after?: string;
  /** What the question asks for, for the report by kind; absent: `plain`, `follow-up` or `decline`. */
  kind?: QuestionKind;
  /**
   * How the answer's rows are held to the SQL's: `rows` (default) the same rows as a set; `cells` as many
   * rows, each expected row's cells within an answer row; `first` the answer's first row holds the one expected row.
   */
  match?: 'rows' | 'cells' | 'first';
}

export const QUESTION_KINDS = [
  'plain',
  'follow-up',
  'decline',
  'ratio',
  'change',
  'period-over-period',
  'first-vs-last',
  'time-window',
  'cyclic',
  'top-per-group',
  'which',
  'superlative',
  'number-filter',
  'negation',
  'several-values',
  'distinct-count',
  'typo',
  'both-sides',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A case's kind: as tagged, else from its shape. */
export function kindOf(testCase: EvalCase): QuestionKind {
  if (testCase.kind) return testCase.kind;
  if (testCase.decline) return 'decline';
  return testCase.after ? 'follow-up' : 'plain';
}

export interface EvalDataset {
  name: string;
  path: string;
  cases: EvalCase[];
}

const csv = (path: string) => `read_csv('${path}')`;
const day = (expr: string) => `strftime(${expr}, '%Y-%m-%d')`;
const share = (measure: string, group: string, from: string) =>
  `SELECT ${group}, sum(${measure}) s, sum(${measure}) / sum(sum(${measure})) OVER () FROM ${from} GROUP BY 1`;

const S = csv(SUPERSTORE_CSV);
const superstore: EvalCase[] = [
  { question: 'total sales', sql: `SELECT sum(Sales) FROM ${S}` },
  { question: 'total revenue', sql: `SELECT sum(Sales) FROM ${S}` },
  { question: 'average profit', sql: `SELECT avg(Profit) FROM ${S}` },
  { question: 'median sales', sql: `SELECT median(Sales) FROM ${S}` },
  { question: 'how many orders', sql: `SELECT count(DISTINCT "Order ID") FROM ${S}` },
  { question: 'how many customers', sql: `SELECT count(DISTINCT "Customer ID") FROM ${S}` },
  { question: 'total quantity', sql: `SELECT sum(Quantity) FROM ${S}` },
  { question: 'sales by region', sql: `SELECT Region, sum(Sales) FROM ${S} GROUP BY 1` },
  { question: 'profit by category', sql: `SELECT Category, sum(Profit) FROM ${S} GROUP BY 1` },
  { question: 'average discount by segment', sql: `SELECT Segment, avg(Discount) FROM ${S} GROUP BY 1` },
  { question: 'total quantity by ship mode', sql: `SELECT "Ship Mode", sum(Quantity) FROM ${S} GROUP BY 1` },
  { question: 'max discount by sub-category', sql: `SELECT "Sub-Category", max(Discount) FROM ${S} GROUP BY 1` },
  { question: 'average sales by ship mode', sql: `SELECT "Ship Mode", avg(Sales) FROM ${S} GROUP BY 1` },
  { question: 'profit by sub-category', sql: `SELECT "Sub-Category", sum(Profit) FROM ${S} GROUP BY 1` },
  {
    question: 'monthly sales',
    sql: `SELECT ${day(`date_trunc('month', "Order Date")`)}, sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    question: 'quarterly profit',
    sql: `SELECT ${day(`date_trunc('quarter', "Order Date")`)}, sum(Profit) FROM ${S} GROUP BY 1`,
  },
  {
    question: 'sales by year',
    sql: `SELECT ${day(`date_trunc('year', "Order Date")`)}, sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    question: 'top 5 customers by sales',
    sql: `SELECT "Customer Name", sum(Sales) s FROM ${S} GROUP BY 1 ORDER BY s DESC LIMIT 5`,
  },
  {
    question: 'bottom 3 states by profit',
    sql: `SELECT State, sum(Profit) p FROM ${S} GROUP BY 1 ORDER BY p ASC LIMIT 3`,
  },
  {
    question: 'top 3 sub-categories by profit',
    sql: `SELECT "Sub-Category", sum(Profit) p FROM ${S} GROUP BY 1 ORDER BY p DESC LIMIT 3`,
  },
  {
    question: 'top 10 cities by sales',
    sql: `SELECT City, sum(Sales) s FROM ${S} GROUP BY 1 ORDER BY s DESC LIMIT 10`,
  },
  { question: 'sales in the West region', sql: `SELECT sum(Sales) FROM ${S} WHERE Region = 'West'` },
  { question: 'profit for Furniture', sql: `SELECT sum(Profit) FROM ${S} WHERE Category = 'Furniture'` },
  { question: 'sales in Texas', sql: `SELECT sum(Sales) FROM ${S} WHERE State = 'Texas'` },
  { question: 'sales in 2016', sql: `SELECT sum(Sales) FROM ${S} WHERE year("Order Date") = 2016` },
  {
    question: 'sales in Q3 2017',
    sql: `SELECT sum(Sales) FROM ${S} WHERE "Order Date" >= DATE '2017-07-01' AND "Order Date" < DATE '2017-10-01'`,
  },
  {
    question: 'monthly sales in 2016',
    sql: `SELECT ${day(`date_trunc('month', "Order Date")`)}, sum(Sales) FROM ${S} WHERE year("Order Date") = 2016 GROUP BY 1`,
  },
  {
    question: 'sales by category in the West',
    sql: `SELECT Category, sum(Sales) FROM ${S} WHERE Region = 'West' GROUP BY 1`,
  },
  {
    question: 'sales between March and June 2016',
    sql: `SELECT sum(Sales) FROM ${S} WHERE "Order Date" >= DATE '2016-03-01' AND "Order Date" < DATE '2016-07-01'`,
  },
  { question: 'sales since 2016', sql: `SELECT sum(Sales) FROM ${S} WHERE "Order Date" >= DATE '2016-01-01'` },
  {
    question: 'sales 2016 vs 2017',
    sql: `SELECT CAST(year("Order Date") AS VARCHAR), sum(Sales) FROM ${S} WHERE year("Order Date") IN (2016, 2017) GROUP BY 1`,
  },
  {
    question: 'profit West vs East',
    sql: `SELECT Region, sum(Profit) FROM ${S} WHERE Region IN ('West', 'East') GROUP BY 1`,
  },
  { question: 'share of sales by segment', sql: share('Sales', 'Segment', S) },
  { question: 'sales by region and category', sql: `SELECT Region, Category, sum(Sales) FROM ${S} GROUP BY 1, 2` },
  { question: 'sales by region', sql: `SELECT Region, sum(Sales) FROM ${S} GROUP BY 1` },
  {
    question: 'only 2017',
    after: 'sales by region',
    sql: `SELECT Region, sum(Sales) FROM ${S} WHERE year("Order Date") = 2017 GROUP BY 1`,
  },
  {
    question: 'now by category',
    after: 'only 2017',
    sql: `SELECT Category, sum(Sales) FROM ${S} WHERE year("Order Date") = 2017 GROUP BY 1`,
  },
  {
    question: 'what about profit',
    after: 'profit by category',
    sql: `SELECT Category, sum(Profit) FROM ${S} GROUP BY 1`,
  },
  {
    question: 'top 3 instead',
    after: 'top 5 customers by sales',
    sql: `SELECT "Customer Name", sum(Sales) s FROM ${S} GROUP BY 1 ORDER BY s DESC LIMIT 3`,
  },
  {
    question: 'profit margin by sub-category and region',
    kind: 'ratio',
    sql: `SELECT "Sub-Category", Region, sum(Profit) / sum(Sales) FROM ${S} GROUP BY 1, 2`,
  },
  {
    question: 'which month had the biggest jump in sales over the month before',
    kind: 'period-over-period',
    match: 'first',
    sql: `SELECT ${day('m')}, s - lag(s) OVER (ORDER BY m) j
          FROM (SELECT date_trunc('month', "Order Date") m, sum(Sales) s FROM ${S} GROUP BY 1)
          ORDER BY j DESC NULLS LAST LIMIT 1`,
  },
  {
    question: 'average order value in 2016',
    kind: 'ratio',
    sql: `SELECT sum(Sales) / count(DISTINCT "Order ID") FROM ${S} WHERE year("Order Date") = 2016`,
  },
  { question: "what's the weather tomorrow", decline: true },
  { question: 'sales by flavour', decline: true },
  { question: 'asdf qwer zxcv', decline: true },
  { question: 'tell me a joke', decline: true },
  { question: 'revenue by planet', decline: true },
  { question: 'forecast profit for 2030', decline: true },
  { question: 'sales in 2031', decline: true },
];

const STOCKS = `(SELECT symbol, strptime(date, '%b %d %Y')::DATE AS d, price FROM read_csv('${vegaDataset('stocks.csv')}', all_varchar = true, types = {'price': 'DOUBLE'}))`;
const stocks: EvalCase[] = [
  { question: 'average price by symbol', sql: `SELECT symbol, avg(price) FROM ${STOCKS} GROUP BY 1` },
  { question: 'max price by symbol', sql: `SELECT symbol, max(price) FROM ${STOCKS} GROUP BY 1` },
  { question: 'average price in 2008', sql: `SELECT avg(price) FROM ${STOCKS} WHERE year(d) = 2008` },
  {
    question: 'AAPL price over time',
    sql: `SELECT ${day('d')}, avg(price) FROM ${STOCKS} WHERE symbol = 'AAPL' GROUP BY 1`,
  },
  {
    question: 'IBM vs MSFT average price',
    sql: `SELECT symbol, avg(price) FROM ${STOCKS} WHERE symbol IN ('IBM', 'MSFT') GROUP BY 1`,
  },
  {
    question: 'yearly average price of GOOG',
    sql: `SELECT ${day(`date_trunc('year', d)`)}, avg(price) FROM ${STOCKS} WHERE symbol = 'GOOG' GROUP BY 1`,
  },
  { question: 'lowest price of AMZN', sql: `SELECT min(price) FROM ${STOCKS} WHERE symbol = 'AMZN'` },
  { question: 'how many rows per symbol', sql: `SELECT symbol, count(*) FROM ${STOCKS} GROUP BY 1` },
  {
    question: 'only 2009',
    after: 'average price by symbol',
    sql: `SELECT symbol, avg(price) FROM ${STOCKS} WHERE year(d) = 2009 GROUP BY 1`,
  },
  { question: 'dividend yield by symbol', decline: true },
];

const W = csv(vegaDataset('seattle-weather.csv'));
const weather: EvalCase[] = [
  {
    question: 'total precipitation by year',
    sql: `SELECT ${day(`date_trunc('year', date)`)}, sum(precipitation) FROM ${W} GROUP BY 1`,
  },
  {
    question: 'average temp_max by month',
    sql: `SELECT ${day(`date_trunc('month', date)`)}, avg(temp_max) FROM ${W} GROUP BY 1`,
  },
  { question: 'how many days by weather', sql: `SELECT weather, count(*) FROM ${W} GROUP BY 1` },
  { question: 'average wind by weather', sql: `SELECT weather, avg(wind) FROM ${W} GROUP BY 1` },
  { question: 'highest temp_max in 2015', sql: `SELECT max(temp_max) FROM ${W} WHERE year(date) = 2015` },
  {
    question: 'total precipitation in rain vs snow',
    sql: `SELECT weather, sum(precipitation) FROM ${W} WHERE weather IN ('rain', 'snow') GROUP BY 1`,
  },
  { question: 'lowest temp_min', sql: `SELECT min(temp_min) FROM ${W}` },
  { question: 'average precipitation in 2014', sql: `SELECT avg(precipitation) FROM ${W} WHERE year(date) = 2014` },
  {
    question: 'now by weather',
    after: 'average precipitation in 2014',
    sql: `SELECT weather, avg(precipitation) FROM ${W} WHERE year(date) = 2014 GROUP BY 1`,
  },
  { question: 'humidity by month', decline: true },
];

const I = csv(vegaDataset('iowa-electricity.csv'));
const iowa: EvalCase[] = [
  { question: 'net_generation by source', sql: `SELECT source, sum(net_generation) FROM ${I} GROUP BY 1` },
  {
    question: 'net generation by year',
    sql: `SELECT ${day(`date_trunc('year', year)`)}, sum(net_generation) FROM ${I} GROUP BY 1`,
  },
  { question: 'share of net generation by source', sql: share('net_generation', 'source', I) },
  {
    question: 'Renewables net generation over time',
    sql: `SELECT ${day('year')}, sum(net_generation) FROM ${I} WHERE source = 'Renewables' GROUP BY 1`,
  },
  { question: 'total net generation in 2010', sql: `SELECT sum(net_generation) FROM ${I} WHERE year(year) = 2010` },
  { question: 'max net generation by source', sql: `SELECT source, max(net_generation) FROM ${I} GROUP BY 1` },
  { question: 'electricity price by source', decline: true },
];

const E = csv(vegaDataset('us-employment.csv'));
const employment: EvalCase[] = [
  {
    question: 'average nonfarm by year',
    sql: `SELECT ${day(`date_trunc('year', month)`)}, avg(nonfarm) FROM ${E} GROUP BY 1`,
  },
  { question: 'total construction in 2010', sql: `SELECT sum(construction) FROM ${E} WHERE year(month) = 2010` },
  { question: 'max government', sql: `SELECT max(government) FROM ${E}` },
  {
    question: 'average manufacturing since 2012',
    sql: `SELECT avg(manufacturing) FROM ${E} WHERE month >= DATE '2012-01-01'`,
  },
  { question: 'average mining_and_logging', sql: `SELECT avg(mining_and_logging) FROM ${E}` },
  { question: 'unemployment rate by state', decline: true },
];

const B = csv(vegaDataset('birdstrikes.csv'));
const birds: EvalCase[] = [
  {
    question: 'total cost repair by phase of flight',
    sql: `SELECT "Phase of flight", sum("Cost Repair") FROM ${B} GROUP BY 1`,
  },
  {
    question: 'average speed by wildlife size',
    sql: `SELECT "Wildlife Size", avg("Speed IAS in knots") FROM ${B} GROUP BY 1`,
  },
  { question: 'count by time of day', sql: `SELECT "Time of day", count(*) FROM ${B} GROUP BY 1` },
  {
    question: 'top 5 origin states by cost total',
    sql: `SELECT "Origin State", sum("Cost Total $") c FROM ${B} GROUP BY 1 ORDER BY c DESC LIMIT 5`,
  },
  { question: 'how many strikes by wildlife size', sql: `SELECT "Wildlife Size", count(*) FROM ${B} GROUP BY 1` },
  { question: 'total cost repair', sql: `SELECT sum("Cost Repair") FROM ${B}` },
  { question: 'average altitude of the planes', decline: true },
];

const BASE_DATASETS: EvalDataset[] = [
  { name: 'Sample Superstore', path: SUPERSTORE_CSV, cases: superstore },
  { name: 'stocks', path: vegaDataset('stocks.csv'), cases: stocks },
  { name: 'seattle-weather', path: vegaDataset('seattle-weather.csv'), cases: weather },
  { name: 'iowa-electricity', path: vegaDataset('iowa-electricity.csv'), cases: iowa },
  { name: 'us-employment', path: vegaDataset('us-employment.csv'), cases: employment },
  { name: 'birdstrikes', path: vegaDataset('birdstrikes.csv'), cases: birds },
];

/** Every question, one entry per file: the first questions of each file, then its questions by kind. */
export const EVAL_DATASETS: EvalDataset[] = [
  ...BASE_DATASETS.map((base) => ({
    ...base,
    cases: [...base.cases, ...KIND_DATASETS.filter((k) => k.path === base.path).flatMap((k) => k.cases)],
  })),
  ...KIND_DATASETS.filter((k) => !BASE_DATASETS.some((base) => base.path === k.path)),
];
