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
  // "on average" over a cycle: each month's total, averaged over the years, not the average order line.
  {
    kind: 'cyclic',
    question: 'which month of the year has the highest sales on average',
    match: 'cells',
    sql: `SELECT sum(Sales) / count(DISTINCT year("Order Date")) FROM ${S} GROUP BY month("Order Date")`,
  },
  {
    kind: 'cyclic',
    question: 'which day of the week has the highest sales on average',
    match: 'cells',
    sql: `SELECT sum(Sales) / count(DISTINCT "Order Date") FROM ${S} GROUP BY dayofweek("Order Date")`,
  },
  {
    kind: 'cyclic',
    question: 'which month of the year has the highest discount on average',
    match: 'cells',
    sql: `SELECT avg(Discount) FROM ${S} GROUP BY month("Order Date")`,
  },
  {
    kind: 'ratio',
    question: 'average sales per order',
    sql: `SELECT sum(Sales) / count(DISTINCT "Order ID") FROM ${S}`,
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

const yearly = (group: string, measure: string, a: number, b: number) =>
  `SELECT ${group}, sum(${measure}) FILTER (year("Order Date") = ${b}) - sum(${measure}) FILTER (year("Order Date") = ${a}) FROM ${S} GROUP BY 1`;

/** Change questions in the forms people write them, casual phrasings, and SQL typed into a question. */
const SUPERSTORE_GROWTH: EvalCase[] = [
  {
    kind: 'change',
    question: 'sales growth by region 2017 vs 2016',
    match: 'cells',
    sql: yearly('Region', 'Sales', 2016, 2017),
  },
  {
    kind: 'change',
    question: 'sales growth by region 2016 vs 2017',
    match: 'cells',
    sql: yearly('Region', 'Sales', 2016, 2017),
  },
  {
    kind: 'change',
    question: 'sales growth by region between 2016 and 2017',
    match: 'cells',
    sql: yearly('Region', 'Sales', 2016, 2017),
  },
  {
    kind: 'change',
    question: 'sales growth by region from 2016 to 2017',
    match: 'cells',
    sql: yearly('Region', 'Sales', 2016, 2017),
  },
  {
    kind: 'change',
    question: 'sales growth between 2016 and 2017',
    match: 'cells',
    sql: `SELECT sum(Sales) FILTER (year("Order Date") = 2017) - sum(Sales) FILTER (year("Order Date") = 2016) FROM ${S}`,
  },
  {
    kind: 'change',
    question: 'how did sales change between 2015 and 2016',
    match: 'cells',
    sql: `SELECT sum(Sales) FILTER (year("Order Date") = 2016) - sum(Sales) FILTER (year("Order Date") = 2015) FROM ${S}`,
  },
  { kind: 'change', question: 'growth by region', match: 'cells', sql: yearly('Region', 'Sales', 2016, 2017) },
  {
    kind: 'change',
    question: 'profit change by category 2015 vs 2014',
    match: 'cells',
    sql: yearly('Category', 'Profit', 2014, 2015),
  },
  {
    kind: 'time-window',
    question: 'sales this year vs last',
    match: 'cells',
    sql: `SELECT sum(Sales) FROM ${S} WHERE year("Order Date") IN (2016, 2017) GROUP BY year("Order Date")`,
  },
  {
    kind: 'time-window',
    question: "how'd furniture do last year",
    sql: `SELECT sum(Sales) FROM ${S} WHERE Category = 'Furniture' AND year("Order Date") = 2017`,
  },
  {
    question: 'hey how much did we make in 2017?',
    sql: `SELECT sum(Sales) FROM ${S} WHERE year("Order Date") = 2017`,
  },
  {
    kind: 'which',
    question: 'which category had the biggest profit drop 2015 vs 2014',
    match: 'first',
    sql: `${yearly('Category', 'Profit', 2014, 2015)} ORDER BY 2 LIMIT 1`,
  },
  {
    kind: 'which',
    question: 'which category declined the most from 2014 to 2015',
    match: 'first',
    sql: `${yearly('Category', 'Sales', 2014, 2015)} ORDER BY 2 LIMIT 1`,
  },
  {
    kind: 'time-window',
    question: 'profit this month vs last',
    match: 'cells',
    sql: `SELECT sum(Profit) FROM ${S} WHERE "Order Date" >= DATE '2017-11-01' GROUP BY month("Order Date")`,
  },
  {
    kind: 'time-window',
    question: 'how did profit do last year',
    sql: `SELECT sum(Profit) FROM ${S} WHERE year("Order Date") = 2017`,
  },
  { question: 'how much did we sell in 2016', sql: `SELECT sum(Sales) FROM ${S} WHERE year("Order Date") = 2016` },
  { question: 'total sales; DROP TABLE superstore; --', decline: true },
  { question: 'sales by region UNION SELECT * FROM orders', decline: true },
  { question: "sales where region = 'West' or 1=1", decline: true },
];

const TRIAL = join(__dirname, '..', '..', 'test', 'fixtures', 'trial');
/** A new user's sales export (the same file the rate cases below read). */
const EXPORT_CSV = join(FIXTURES, 'sales-export.csv');
const SPEND_XLSX = join(TRIAL, 'spend.xlsx');
// The export has a title line, subtotal rows, dates in four formats and revenue written as "$1,086.35".
const E = `(SELECT Region, coalesce(try_strptime("Order Date", '%Y-%m-%d'), try_strptime("Order Date", '%m/%d/%Y'), try_strptime("Order Date", '%d %b %Y'), try_strptime("Order Date", '%b %d, %Y')) d, CAST(replace(replace(Revenue, '$', ''), ',', '') AS DOUBLE) r FROM read_csv('${EXPORT_CSV}', skip = 1, header = true, all_varchar = true))`;

const EXPORT_GROWTH: EvalCase[] = [
  {
    kind: 'which',
    question: 'which region had the biggest revenue drop 2024 vs 2023',
    match: 'first',
    sql: `SELECT Region, sum(r) FILTER (year(d) = 2024) - sum(r) FILTER (year(d) = 2023) c FROM ${E} GROUP BY 1 ORDER BY c LIMIT 1`,
  },
  {
    kind: 'which',
    question: 'which region grew the most from 2023 to 2024',
    match: 'first',
    sql: `SELECT Region, sum(r) FILTER (year(d) = 2024) - sum(r) FILTER (year(d) = 2023) c FROM ${E} GROUP BY 1 ORDER BY c DESC LIMIT 1`,
  },
  { question: 'which region had the smallest revenue drop 2024 vs 2023', decline: true },
];

/** A difference of two columns is not in the plan language: declined, never answered with one of them. */
const SPEND_BUDGET: EvalCase[] = [
  { question: 'which department went most over budget', decline: true },
  { question: 'departments under budget', decline: true },
  { question: 'actual minus budget by department', decline: true },
  { question: 'which department overspent the most', decline: true },
];

/**
 * A sales export with a title line, subtotal rows and a `Margin` of plain
 * fractions, some negative (loss-making orders); `Growth %` written as "9.8%".
 */
const SALES_EXPORT_CSV = join(FIXTURES, 'sales-export.csv');
const X = `(SELECT * FROM read_csv('${SALES_EXPORT_CSV}', skip = 1, all_varchar = true) WHERE "Order Date" IS NOT NULL)`;
const margin = 'CAST(Margin AS DOUBLE)';
const growth = `CAST(rtrim("Growth %", '%') AS DOUBLE) / 100`;
const revenue = `CAST(replace(replace(Revenue, '$', ''), ',', '') AS DOUBLE)`;

const SALES_EXPORT_TRUST: EvalCase[] = [
  { question: 'overall margin', sql: `SELECT avg(${margin}) FROM ${X}` },
  { question: 'total margin by region', sql: `SELECT Region, avg(${margin}) FROM ${X} GROUP BY 1` },
  {
    question: 'average Growth % by Region',
    sql: `SELECT Region, avg(${growth}) FROM ${X} WHERE "Growth %" <> 'NaN' GROUP BY 1`,
  },
  // No column identifies an order: counting distinct order dates is not counting orders.
  { kind: 'ratio', question: 'average revenue per order', decline: true },
  { kind: 'ratio', question: 'average order value', decline: true },
  { question: 'average revenue per row', sql: `SELECT avg(${revenue}) FROM ${X}` },
  { question: 'revenue per row by region', sql: `SELECT Region, avg(${revenue}) FROM ${X} GROUP BY 1` },
];

/** The same orders from a European system: `Marge %` written as "15,10 %". */
const UMSATZ_CSV = join(FIXTURES, 'umsatz-eu.csv');
const U = `read_csv('${UMSATZ_CSV}', delim = ';', all_varchar = true)`;
const marge = `CAST(replace(rtrim("Marge %", ' %'), ',', '.') AS DOUBLE) / 100`;

const UMSATZ_TRUST: EvalCase[] = [
  { question: 'average Marge % by Kategorie', sql: `SELECT Kategorie, avg(${marge}) FROM ${U} GROUP BY 1` },
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
  { name: 'Sample Superstore (growth)', path: SUPERSTORE_CSV, cases: SUPERSTORE_GROWTH },
  { name: 'sales export (trial)', path: EXPORT_CSV, cases: EXPORT_GROWTH },
  { name: 'department spend (trial)', path: SPEND_XLSX, cases: SPEND_BUDGET },
  { name: 'Sample Superstore (trial)', path: SUPERSTORE_CSV, cases: SUPERSTORE_TRUST },
  { name: 'seattle-weather (trial)', path: vegaDataset('seattle-weather.csv'), cases: SEATTLE_TRUST },
  { name: 'stocks (trial)', path: vegaDataset('stocks.csv'), cases: STOCKS_TRUST },
  { name: 'margins', path: MARGINS_CSV, cases: MARGIN_TRUST },
  { name: 'rabatte', path: RABATTE_CSV, cases: RABATT_TRUST },
  { name: 'gapminder-health-income (trial)', path: vegaDataset('gapminder-health-income.csv'), cases: GAPMINDER_TRUST },
  { name: 'sales export (margins)', path: SALES_EXPORT_CSV, cases: SALES_EXPORT_TRUST },
  { name: 'umsatz (trial)', path: UMSATZ_CSV, cases: UMSATZ_TRUST },
];
