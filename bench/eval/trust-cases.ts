import { join } from 'node:path';
import { SUPERSTORE_CSV, vegaDataset } from '../../test/support/datasets';
import type { EvalCase, EvalDataset } from './eval-cases';

/**
 * Questions a new user's trial answered with confidence and wrongly: rates
 * added up ("overall discount" as 1,561), a measure's word taken for a
 * filter, a negation dropped. Each is now answered right (or declined); the
 * SQL is written by hand over DuckDB's own reading of the file.
 */

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'rates');
const S = `read_csv('${SUPERSTORE_CSV}')`;
const month = (expr: string) => `strftime(date_trunc('month', ${expr}), '%Y-%m-%d')`;

const SUPERSTORE_TRUST: EvalCase[] = [
  { question: 'overall discount', sql: `SELECT avg(Discount) FROM ${S}` },
  { question: 'total discount by region', sql: `SELECT Region, avg(Discount) FROM ${S} GROUP BY 1` },
  { question: 'sum of discount by month', sql: `SELECT ${month('"Order Date"')}, avg(Discount) FROM ${S} GROUP BY 1` },
  { question: 'share of discount by region', decline: true },
  {
    question: 'profit margin by sub-category, worst first',
    sql: `SELECT "Sub-Category", sum(Profit) / sum(Sales) m FROM ${S} GROUP BY 1 ORDER BY m LIMIT 10`,
  },
  {
    kind: 'which',
    question: 'which state has the lowest profit',
    match: 'first',
    sql: `SELECT State, sum(Profit) p FROM ${S} GROUP BY 1 ORDER BY p LIMIT 1`,
  },
  // Every month of the year, not the strongest 10 of 12.
  {
    kind: 'cyclic',
    question: 'which month of the year is strongest for sales',
    match: 'cells',
    sql: `SELECT sum(Sales) FROM ${S} GROUP BY month("Order Date")`,
  },
  // "customers" says whom the filter keeps: one total, not the top 20 customers.
  {
    kind: 'negation',
    question: 'sales for customers not in the Consumer segment',
    sql: `SELECT sum(Sales) FROM ${S} WHERE Segment <> 'Consumer'`,
  },
  {
    question: 'sales for customers in the Consumer segment',
    sql: `SELECT sum(Sales) FROM ${S} WHERE Segment = 'Consumer'`,
  },
  {
    kind: 'ratio',
    question: 'average sales per order',
    sql: `SELECT sum(Sales) / count(DISTINCT "Order ID") FROM ${S}`,
  },
  // An order over 500 is one whose lines add up to over 500, not one with a line over 500.
  {
    question: 'how many orders had Sales over 500',
    sql: `SELECT count(*) FROM (SELECT "Order ID" FROM ${S} GROUP BY 1 HAVING sum(Sales) > 500)`,
  },
  {
    question: 'how many orders over $500',
    sql: `SELECT count(*) FROM (SELECT "Order ID" FROM ${S} GROUP BY 1 HAVING sum(Sales) > 500)`,
  },
  {
    question: 'how many customers spent over $5,000',
    sql: `SELECT count(*) FROM (SELECT "Customer ID" FROM ${S} GROUP BY 1 HAVING sum(Sales) > 5000)`,
  },
  {
    question: 'how many orders in 2017 had sales over 1000',
    sql: `SELECT count(*) FROM (SELECT "Order ID" FROM ${S} WHERE year("Order Date") = 2017 GROUP BY 1 HAVING sum(Sales) > 1000)`,
  },
  // A discount does not add up: an order with a line discounted over half.
  {
    question: 'how many orders had a discount over 0.5',
    sql: `SELECT count(DISTINCT "Order ID") FROM ${S} WHERE Discount > 0.5`,
  },
  { question: 'number of rows with sales over 500', sql: `SELECT count(*) FROM ${S} WHERE Sales > 500` },
  { question: 'how many rows over $500', decline: true },
  {
    question: 'orders that lost money',
    sql: `SELECT count(*) FROM (SELECT "Order ID" FROM ${S} GROUP BY 1 HAVING sum(Profit) < 0)`,
  },
  {
    question: 'number of orders with negative profit',
    sql: `SELECT count(*) FROM (SELECT "Order ID" FROM ${S} GROUP BY 1 HAVING sum(Profit) < 0)`,
  },
];

const W = `read_csv('${vegaDataset('seattle-weather.csv')}')`;

/** "rain" is both a weather and the precipitation measure: the measure, unless the days are counted. */
const SEATTLE_TRUST: EvalCase[] = [
  {
    kind: 'cyclic',
    question: 'which month of the year has the most rain',
    match: 'cells',
    sql: `SELECT sum(precipitation) FROM ${W} GROUP BY month(date)`,
  },
  {
    question: 'rain by year',
    sql: `SELECT strftime(date_trunc('year', date), '%Y-%m-%d'), sum(precipitation) FROM ${W} GROUP BY 1`,
  },
  { question: 'rain in 2014', sql: `SELECT sum(precipitation) FROM ${W} WHERE year(date) = 2014` },
  { question: 'how many rainy days', sql: `SELECT count(DISTINCT date) FROM ${W} WHERE weather = 'rain'` },
  { question: 'rain days', sql: `SELECT count(*) FROM ${W} WHERE weather = 'rain'` },
  { question: 'days with no precipitation', sql: `SELECT count(*) FROM ${W} WHERE precipitation = 0` },
  {
    question: 'how many days had no rain',
    sql: `SELECT count(DISTINCT date) FROM ${W} WHERE precipitation = 0`,
  },
  {
    kind: 'which',
    question: 'which weather type is windiest',
    match: 'first',
    sql: `SELECT weather, avg(wind) w FROM ${W} GROUP BY 1 ORDER BY w DESC LIMIT 1`,
  },
  {
    kind: 'typo',
    question: 'wich weather has the higest wind',
    match: 'first',
    sql: `SELECT weather, avg(wind) w FROM ${W} GROUP BY 1 ORDER BY w DESC LIMIT 1`,
  },
];

const T = `read_csv('${vegaDataset('stocks.csv')}')`;

const STOCKS_TRUST: EvalCase[] = [
  { question: 'highest price for each symbol', sql: `SELECT symbol, max(price) FROM ${T} GROUP BY 1` },
  { question: 'lowest price for each symbol', sql: `SELECT symbol, min(price) FROM ${T} GROUP BY 1` },
];

/** Revenue, profit and a "Margin %" column written as "42.9%". */
const MARGINS_CSV = join(FIXTURES, 'margins.csv');
const M = `read_csv('${MARGINS_CSV}')`;
const marginPercent = `CAST(rtrim("Margin %", '%') AS DOUBLE) / 100`;

const MARGIN_TRUST: EvalCase[] = [
  { question: 'what is our overall margin', sql: `SELECT sum(Profit) / sum(Revenue) FROM ${M}` },
  { question: 'total margin by region', sql: `SELECT Region, sum(Profit) / sum(Revenue) FROM ${M} GROUP BY 1` },
  {
    question: 'overall margin by month',
    sql: `SELECT ${month('Month')}, sum(Profit) / sum(Revenue) FROM ${M} GROUP BY 1`,
  },
  { question: 'average margin', sql: `SELECT avg(${marginPercent}) FROM ${M}` },
];

/** A European export: semicolons, decimal commas and a "Rabatt" column written as "3,5 %". */
const RABATTE_CSV = join(FIXTURES, 'rabatte.csv');
const R = `read_csv('${RABATTE_CSV}', delim = ';', all_varchar = true)`;
const rabatt = `CAST(replace(rtrim(Rabatt, ' %'), ',', '.') AS DOUBLE) / 100`;

const RABATT_TRUST: EvalCase[] = [
  { question: 'overall Rabatt', sql: `SELECT avg(${rabatt}) FROM ${R}` },
  { question: 'total Rabatt by Kunde', sql: `SELECT Kunde, avg(${rabatt}) FROM ${R} GROUP BY 1` },
];

const H = `read_csv('${vegaDataset('gapminder-health-income.csv')}')`;

/** A country column with one row per country: a label to rank by, its top 20 when no N is asked. */
const GAPMINDER_TRUST: EvalCase[] = [
  {
    question: 'top 5 countries by income',
    sql: `SELECT country, sum(income) i FROM ${H} GROUP BY 1 ORDER BY i DESC LIMIT 5`,
  },
  {
    kind: 'which',
    question: 'which country has the highest health',
    match: 'first',
    sql: `SELECT country, sum(health) h FROM ${H} GROUP BY 1 ORDER BY h DESC LIMIT 1`,
  },
  {
    question: 'income by country',
    sql: `SELECT country, sum(income) i FROM ${H} GROUP BY 1 ORDER BY i DESC LIMIT 20`,
  },
  { question: 'how many countries', sql: `SELECT count(DISTINCT country) FROM ${H}` },
];

export const TRUST_DATASETS: EvalDataset[] = [
  { name: 'Sample Superstore (trial)', path: SUPERSTORE_CSV, cases: SUPERSTORE_TRUST },
  { name: 'seattle-weather (trial)', path: vegaDataset('seattle-weather.csv'), cases: SEATTLE_TRUST },
  { name: 'stocks (trial)', path: vegaDataset('stocks.csv'), cases: STOCKS_TRUST },
  { name: 'margins', path: MARGINS_CSV, cases: MARGIN_TRUST },
  { name: 'rabatte', path: RABATTE_CSV, cases: RABATT_TRUST },
  { name: 'gapminder-health-income (trial)', path: vegaDataset('gapminder-health-income.csv'), cases: GAPMINDER_TRUST },
];
