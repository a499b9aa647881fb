import { SUPERSTORE_CSV, vegaDataset } from '../../test/support/datasets';
import type { EvalCase, EvalDataset } from './eval-cases';
import { TRUST_DATASETS } from './trust-cases';

/**
 * The questions managers actually ask, by kind: ratios, changes, cycles,
 * rankings inside groups, "which", superlatives without a measure word,
 * numbers as people write them, negation, several values, distinct counts
 * and typos. Each must be answered right or declined, never answered
 * otherwise: they are the regression corpus of the coverage check, and part
 * of `npm run eval`.
 *
 * Where the shape of an answer is a choice (labels of compared periods, a
 * change shown with or without both levels), the SQL selects only the cells
 * any right answer must show, and `match: 'cells'` checks that each expected
 * row is within an answer row; `match: 'first'` checks the answer's first row
 * ("which…" names the member and its value first) against the expected rows, which list every tie for first.
 */

const csv = (path: string) => `read_csv('${path}')`;
const day = (expr: string) => `strftime(${expr}, '%Y-%m-%d')`;

const S = csv(SUPERSTORE_CSV);
/** Per-group totals of two years and their difference. */
const change = (group: string, measure: string, from: string, a: number, b: number) =>
  `SELECT ${group}, sum(${measure}) FILTER (year(${from}) = ${b}) - sum(${measure}) FILTER (year(${from}) = ${a}) FROM ${S} GROUP BY 1`;
/** The best `n` members of `member` within each `group`; ties go to the first member in order, as the planner's answer does. */
const topPerGroup = (from: string, group: string, member: string, measure: string, n: number, dir = 'DESC') =>
  `SELECT g, m, v FROM (SELECT ${group} g, ${member} m, ${measure} v, row_number() OVER (PARTITION BY ${group} ORDER BY ${measure} ${dir}, ${member}) r FROM ${from} GROUP BY 1, 2) WHERE r <= ${n}`;

/** Each group's part of the grand total. */
const share = (measure: string, group: string) =>
  `SELECT ${group}, sum(${measure}), sum(${measure}) / sum(sum(${measure})) OVER () FROM ${S} GROUP BY 1`;

const SUPERSTORE_KINDS: EvalCase[] = [
  {
    kind: 'ratio',
    question: 'profit as a percentage of sales by category',
    sql: `SELECT Category, sum(Profit) / sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'profit as a % of revenue by region',
    sql: `SELECT Region, sum(Profit) / sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'profit as a share of sales in 2017',
    sql: `SELECT sum(Profit) / sum(Sales) FROM ${S} WHERE year("Order Date") = 2017`,
  },
  { kind: 'ratio', question: 'sales as a percentage of the total by region', sql: share('Sales', 'Region') },
  {
    kind: 'ratio',
    question: 'what share came from the West',
    sql: `SELECT sum(Sales) FILTER (Region = 'West') / sum(Sales) FROM ${S}`,
  },
  {
    kind: 'ratio',
    question: 'what share of sales came from Furniture in the West',
    sql: `SELECT sum(Sales) FILTER (Category = 'Furniture') / sum(Sales) FROM ${S} WHERE Region = 'West'`,
  },
  {
    kind: 'ratio',
    question: 'share of Furniture in West sales',
    sql: `SELECT sum(Sales) FILTER (Category = 'Furniture') / sum(Sales) FROM ${S} WHERE Region = 'West'`,
  },
  {
    kind: 'ratio',
    question: 'what share of West sales came from Furniture',
    sql: `SELECT sum(Sales) FILTER (Category = 'Furniture') / sum(Sales) FROM ${S} WHERE Region = 'West'`,
  },
  {
    kind: 'ratio',
    question: 'what share of profit comes from Technology by year',
    sql: `SELECT ${day(`date_trunc('year', "Order Date")`)}, sum(Profit) FILTER (Category = 'Technology') / sum(Profit) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'what share of sales came from Furniture by region',
    sql: `SELECT Region, sum(Sales) FILTER (Category = 'Furniture') / sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'share of Furniture in sales by region',
    sql: `SELECT Region, sum(Sales) FILTER (Category = 'Furniture') / sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    // Furniture's sales, split by region: each region's part of them.
    kind: 'ratio',
    question: 'share of Furniture sales by region',
    sql: `SELECT Region, sum(Sales), sum(Sales) / sum(sum(Sales)) OVER () FROM ${S} WHERE Category = 'Furniture' GROUP BY 1`,
  },
  // Two values and nothing to say which is the part: asked, never guessed.
  { kind: 'decline', question: 'share of sales in the West and Furniture', decline: true },
  {
    kind: 'period-over-period',
    question: 'which month had the biggest jump in sales',
    match: 'first',
    sql: `SELECT ${day('m')}, s - lag(s) OVER (ORDER BY m) j
          FROM (SELECT date_trunc('month', "Order Date") m, sum(Sales) s FROM ${S} GROUP BY 1)
          ORDER BY j DESC NULLS LAST LIMIT 1`,
  },
  {
    kind: 'period-over-period',
    question: 'which quarter had the biggest drop in profit',
    match: 'first',
    sql: `SELECT ${day('q')}, p - lag(p) OVER (ORDER BY q) j
          FROM (SELECT date_trunc('quarter', "Order Date") q, sum(Profit) p FROM ${S} GROUP BY 1)
          ORDER BY j ASC NULLS LAST LIMIT 1`,
  },
  {
    kind: 'period-over-period',
    question: 'top 3 months by sales growth',
    match: 'cells',
    sql: `SELECT ${day('m')}, s - lag(s) OVER (ORDER BY m) j
          FROM (SELECT date_trunc('month', "Order Date") m, sum(Sales) s FROM ${S} GROUP BY 1)
          ORDER BY j DESC NULLS LAST LIMIT 3`,
  },
  {
    kind: 'ratio',
    question: 'profit margin by region',
    sql: `SELECT Region, sum(Profit) / sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'profit per unit by category',
    sql: `SELECT Category, sum(Profit) / sum(Quantity) FROM ${S} GROUP BY 1`,
  },
  { kind: 'ratio', question: 'revenue per order', sql: `SELECT sum(Sales) / count(DISTINCT "Order ID") FROM ${S}` },
  { kind: 'ratio', question: 'average order value', sql: `SELECT sum(Sales) / count(DISTINCT "Order ID") FROM ${S}` },
  {
    kind: 'ratio',
    question: 'average order value by segment',
    sql: `SELECT Segment, sum(Sales) / count(DISTINCT "Order ID") FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'sales per customer by region',
    sql: `SELECT Region, sum(Sales) / count(DISTINCT "Customer ID") FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'profit margin in 2017',
    sql: `SELECT sum(Profit) / sum(Sales) FROM ${S} WHERE year("Order Date") = 2017`,
  },
  {
    kind: 'ratio',
    question: 'margin by sub-category',
    sql: `SELECT "Sub-Category", sum(Profit) / sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'change',
    question: 'profit growth by segment 2016 to 2017',
    match: 'cells',
    sql: change('Segment', 'Profit', '"Order Date"', 2016, 2017),
  },
  {
    kind: 'change',
    question: 'how did sales change by region from 2015 to 2016',
    match: 'cells',
    sql: change('Region', 'Sales', '"Order Date"', 2015, 2016),
  },
  {
    kind: 'change',
    question: 'sales change by category',
    match: 'cells',
    sql: change('Category', 'Sales', '"Order Date"', 2016, 2017),
  },
  // A series of changes lists every period; the first has none before it in the rows read, so its change is empty.
  {
    kind: 'period-over-period',
    question: 'year over year sales growth',
    match: 'cells',
    sql: `SELECT s - lag(s) OVER (ORDER BY y) FROM (SELECT year("Order Date") y, sum(Sales) s FROM ${S} GROUP BY 1)`,
  },
  {
    kind: 'period-over-period',
    question: 'month-over-month change in sales in 2017',
    match: 'cells',
    sql: `SELECT s - lag(s) OVER (ORDER BY m) FROM (SELECT month("Order Date") m, sum(Sales) s FROM ${S} WHERE year("Order Date") = 2017 GROUP BY 1)`,
  },
  {
    kind: 'time-window',
    question: 'how are we tracking on revenue compared to last year?',
    match: 'cells',
    sql: `SELECT sum(Sales) FROM ${S} WHERE year("Order Date") IN (2016, 2017) GROUP BY year("Order Date")`,
  },
  {
    kind: 'time-window',
    question: 'sales this year vs last year',
    match: 'cells',
    sql: `SELECT sum(Sales) FROM ${S} WHERE year("Order Date") IN (2016, 2017) GROUP BY year("Order Date")`,
  },
  {
    kind: 'time-window',
    question: 'sales in the last 6 months',
    sql: `SELECT sum(Sales) FROM ${S} WHERE "Order Date" >= DATE '2017-07-01'`,
  },
  {
    kind: 'time-window',
    question: 'year to date sales',
    sql: `SELECT sum(Sales) FROM ${S} WHERE year("Order Date") = 2017`,
  },
  {
    kind: 'time-window',
    question: 'profit by category in the last 3 months',
    sql: `SELECT Category, sum(Profit) FROM ${S} WHERE "Order Date" >= DATE '2017-10-01' GROUP BY 1`,
  },
  {
    kind: 'first-vs-last',
    question: 'our first quarter vs our latest quarter',
    match: 'cells',
    sql: `SELECT sum(Sales) FROM ${S} WHERE "Order Date" < DATE '2014-04-01' OR "Order Date" >= DATE '2017-10-01' GROUP BY "Order Date" < DATE '2014-04-01'`,
  },
  {
    kind: 'cyclic',
    question: 'orders by weekday',
    match: 'cells',
    sql: `SELECT dayname("Order Date"), count(DISTINCT "Order ID") FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'cyclic',
    question: 'sales by day of week',
    match: 'cells',
    sql: `SELECT dayname("Order Date"), sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'cyclic',
    question: 'revenue by month of the year across all years',
    match: 'cells',
    sql: `SELECT monthname("Order Date"), sum(Sales) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'cyclic',
    question: 'profit by quarter of the year',
    match: 'cells',
    sql: `SELECT sum(Profit) FROM ${S} GROUP BY quarter("Order Date")`,
  },
  {
    kind: 'top-per-group',
    question: 'top 2 products in each region',
    match: 'cells',
    sql: topPerGroup(S, 'Region', '"Product Name"', 'sum(Sales)', 2),
  },
  {
    kind: 'top-per-group',
    question: 'top sub-category in each region by profit',
    match: 'cells',
    sql: topPerGroup(S, 'Region', '"Sub-Category"', 'sum(Profit)', 1),
  },
  {
    kind: 'top-per-group',
    question: 'best selling category for each segment',
    match: 'cells',
    sql: topPerGroup(S, 'Segment', 'Category', 'sum(Sales)', 1),
  },
  {
    kind: 'which',
    question: 'which region had the highest profit',
    match: 'first',
    sql: `SELECT Region, sum(Profit) p FROM ${S} GROUP BY 1 ORDER BY p DESC LIMIT 1`,
  },
  {
    kind: 'which',
    question: 'which category had the lowest sales in 2016',
    match: 'first',
    sql: `SELECT Category, sum(Sales) s FROM ${S} WHERE year("Order Date") = 2016 GROUP BY 1 ORDER BY s LIMIT 1`,
  },
  {
    kind: 'which',
    question: 'which state has the most customers',
    match: 'first',
    sql: `SELECT State, count(DISTINCT "Customer ID") c FROM ${S} GROUP BY 1 ORDER BY c DESC LIMIT 1`,
  },
  {
    kind: 'which',
    question: 'which ship mode had the highest total quantity in the West',
    match: 'first',
    sql: `SELECT "Ship Mode", sum(Quantity) q FROM ${S} WHERE Region = 'West' GROUP BY 1 ORDER BY q DESC LIMIT 1`,
  },
  {
    kind: 'superlative',
    question: 'most profitable region',
    match: 'first',
    sql: `SELECT Region, sum(Profit) p FROM ${S} GROUP BY 1 ORDER BY p DESC LIMIT 1`,
  },
  {
    kind: 'superlative',
    question: 'most popular product',
    match: 'first',
    sql: `SELECT "Product Name", sum(Quantity) q FROM ${S} GROUP BY 1 ORDER BY q DESC LIMIT 1`,
  },
  {
    kind: 'superlative',
    question: 'least profitable sub-category',
    match: 'first',
    sql: `SELECT "Sub-Category", sum(Profit) p FROM ${S} GROUP BY 1 ORDER BY p LIMIT 1`,
  },
  {
    kind: 'number-filter',
    question: 'profit from sales over $5,000',
    sql: `SELECT sum(Profit) FROM ${S} WHERE Sales > 5000`,
  },
  {
    kind: 'number-filter',
    question: 'number of rows with more than 10 units',
    sql: `SELECT count(*) FROM ${S} WHERE Quantity > 10`,
  },
  {
    kind: 'number-filter',
    question: 'total sales with a discount of at least 0.5',
    sql: `SELECT sum(Sales) FROM ${S} WHERE Discount >= 0.5`,
  },
  {
    kind: 'negation',
    question: 'sales excluding Furniture',
    sql: `SELECT sum(Sales) FROM ${S} WHERE Category <> 'Furniture'`,
  },
  {
    kind: 'negation',
    question: 'profit by region except Central',
    sql: `SELECT Region, sum(Profit) FROM ${S} WHERE Region <> 'Central' GROUP BY 1`,
  },
  {
    kind: 'negation',
    question: 'sales by segment other than Consumer',
    sql: `SELECT Segment, sum(Sales) FROM ${S} WHERE Segment <> 'Consumer' GROUP BY 1`,
  },
  {
    kind: 'several-values',
    question: 'sales for Technology and Furniture',
    sql: `SELECT sum(Sales) FROM ${S} WHERE Category IN ('Technology', 'Furniture')`,
  },
  {
    kind: 'several-values',
    question: 'profit in California, Texas and New York',
    sql: `SELECT sum(Profit) FROM ${S} WHERE State IN ('California', 'Texas', 'New York')`,
  },
  {
    kind: 'distinct-count',
    question: 'how many customers bought in 2017',
    sql: `SELECT count(DISTINCT "Customer ID") FROM ${S} WHERE year("Order Date") = 2017`,
  },
  {
    kind: 'distinct-count',
    question: 'how many products were sold in the West',
    sql: `SELECT count(DISTINCT "Product ID") FROM ${S} WHERE Region = 'West'`,
  },
  {
    // An order lost money when its lines' profit adds up to less than zero, not when one line did.
    kind: 'distinct-count',
    question: 'how many orders lost money',
    sql: `SELECT count(*) FROM (SELECT "Order ID" FROM ${S} GROUP BY 1 HAVING sum(Profit) < 0)`,
  },
  {
    kind: 'distinct-count',
    question: 'how many customers were unprofitable in 2017',
    sql: `SELECT count(*) FROM (SELECT "Customer ID" FROM ${S} WHERE year("Order Date") = 2017 GROUP BY 1 HAVING sum(Profit) < 0)`,
  },
  {
    kind: 'distinct-count',
    question: 'number of orders that made a profit in the West',
    sql: `SELECT count(*) FROM (SELECT "Order ID" FROM ${S} WHERE Region = 'West' GROUP BY 1 HAVING sum(Profit) > 0)`,
  },
  { kind: 'decline', question: 'which regions lost money', decline: true },
  { kind: 'typo', question: 'proft by cateogry', sql: `SELECT Category, sum(Profit) FROM ${S} GROUP BY 1` },
  { kind: 'typo', question: 'sales by regoin', sql: `SELECT Region, sum(Sales) FROM ${S} GROUP BY 1` },
  {
    kind: 'typo',
    question: 'avrage discount by segmnet',
    sql: `SELECT Segment, avg(Discount) FROM ${S} GROUP BY 1`,
  },
  { kind: 'typo', question: 'sales in Califronia', sql: `SELECT sum(Sales) FROM ${S} WHERE State = 'California'` },
  {
    kind: 'ratio',
    question: 'profit margin by category in 2016',
    sql: `SELECT Category, sum(Profit) / sum(Sales) FROM ${S} WHERE year("Order Date") = 2016 GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'sales per unit by region',
    sql: `SELECT Region, sum(Sales) / sum(Quantity) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'average order value by year',
    sql: `SELECT ${day(`date_trunc('year', "Order Date")`)}, sum(Sales) / count(DISTINCT "Order ID") FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'cyclic',
    question: 'average discount by day of week',
    match: 'cells',
    sql: `SELECT dayname("Order Date"), avg(Discount) FROM ${S} GROUP BY 1`,
  },
  {
    kind: 'cyclic',
    question: 'number of orders by month of the year in 2017',
    match: 'cells',
    sql: `SELECT monthname("Order Date"), count(DISTINCT "Order ID") FROM ${S} WHERE year("Order Date") = 2017 GROUP BY 1`,
  },
  // Dates without times have no hour of day: declined, never answered by day.
  { kind: 'decline', question: 'sales by hour of day', decline: true },
  {
    kind: 'change',
    question: 'quantity change by region from 2016 to 2017',
    match: 'cells',
    sql: change('Region', 'Quantity', '"Order Date"', 2016, 2017),
  },
  {
    kind: 'period-over-period',
    question: 'quarter over quarter sales growth',
    match: 'cells',
    sql: `SELECT s - lag(s) OVER (ORDER BY q) FROM (SELECT date_trunc('quarter', "Order Date") q, sum(Sales) s FROM ${S} GROUP BY 1)`,
  },
  {
    kind: 'top-per-group',
    question: 'top 3 customers in each segment by sales',
    match: 'cells',
    sql: topPerGroup(S, 'Segment', '"Customer Name"', 'sum(Sales)', 3),
  },
  {
    kind: 'top-per-group',
    question: 'bottom 2 sub-categories in each region by profit',
    match: 'cells',
    sql: topPerGroup(S, 'Region', '"Sub-Category"', 'sum(Profit)', 2, 'ASC'),
  },
  { kind: 'typo', question: 'sales in Pennsylvnia', sql: `SELECT sum(Sales) FROM ${S} WHERE State = 'Pennsylvania'` },
  {
    kind: 'typo',
    question: 'average discount by regoin and segmnet',
    sql: `SELECT Region, Segment, avg(Discount) FROM ${S} GROUP BY 1, 2`,
  },
  // A word under five letters is too short to take for a typo of another ("Texs"): declined.
  { kind: 'decline', question: 'sales in Texs', decline: true },
  { kind: 'decline', question: 'what will sales be next quarter', decline: true },
  { kind: 'decline', question: 'customer satisfaction by region', decline: true },
];

const W = csv(vegaDataset('seattle-weather.csv'));
const SEATTLE_KINDS: EvalCase[] = [
  {
    kind: 'cyclic',
    question: 'total precipitation by day of week',
    match: 'cells',
    sql: `SELECT dayname(date), sum(precipitation) FROM ${W} GROUP BY 1`,
  },
  {
    kind: 'period-over-period',
    question: 'month over month change in average wind in 2015',
    match: 'cells',
    sql: `SELECT w - lag(w) OVER (ORDER BY m) FROM (SELECT month(date) m, avg(wind) w FROM ${W} WHERE year(date) = 2015 GROUP BY 1)`,
  },
  {
    kind: 'typo',
    question: 'average temp_max by wether',
    sql: `SELECT weather, avg(temp_max) FROM ${W} GROUP BY 1`,
  },
  {
    kind: 'superlative',
    question: 'rainiest month',
    match: 'first',
    sql: `SELECT ${day(`date_trunc('month', date)`)}, sum(precipitation) p FROM ${W} GROUP BY 1 ORDER BY p DESC LIMIT 1`,
  },
  {
    // "Which month" over four years reads as a calendar month, and Read as says so.
    kind: 'superlative',
    question: 'which month was rainiest',
    match: 'first',
    sql: `SELECT ${day(`date_trunc('month', date)`)}, sum(precipitation) p FROM ${W} GROUP BY 1 ORDER BY p DESC LIMIT 1`,
  },
  {
    kind: 'superlative',
    question: 'which month of the year is rainiest',
    match: 'first',
    sql: `SELECT monthname(date), sum(precipitation) p FROM ${W} GROUP BY 1 ORDER BY p DESC LIMIT 1`,
  },
  {
    kind: 'plain',
    question: 'how many days of each weather type',
    sql: `SELECT weather, count(*) FROM ${W} GROUP BY 1`,
  },
  { kind: 'plain', question: 'number of days by weather type', sql: `SELECT weather, count(*) FROM ${W} GROUP BY 1` },
  {
    kind: 'superlative',
    question: 'windiest year',
    match: 'first',
    sql: `SELECT ${day(`date_trunc('year', date)`)}, avg(wind) w FROM ${W} GROUP BY 1 ORDER BY w DESC LIMIT 1`,
  },
  {
    kind: 'which',
    question: 'which month had the most precipitation',
    match: 'first',
    sql: `SELECT ${day(`date_trunc('month', date)`)}, sum(precipitation) p FROM ${W} GROUP BY 1 ORDER BY p DESC LIMIT 1`,
  },
  {
    kind: 'cyclic',
    question: 'total precipitation by month of the year',
    match: 'cells',
    sql: `SELECT monthname(date), sum(precipitation) FROM ${W} GROUP BY 1`,
  },
  {
    kind: 'cyclic',
    question: 'average temp_max by month of the year',
    match: 'cells',
    sql: `SELECT monthname(date), avg(temp_max) FROM ${W} GROUP BY 1`,
  },
  {
    kind: 'number-filter',
    question: 'days with more than 20 precipitation',
    sql: `SELECT count(*) FROM ${W} WHERE precipitation > 20`,
  },
  {
    kind: 'negation',
    question: 'how many days other than sun',
    sql: `SELECT count(DISTINCT date) FROM ${W} WHERE weather <> 'sun'`,
  },
  {
    kind: 'several-values',
    question: 'how many days of rain or snow',
    sql: `SELECT count(DISTINCT date) FROM ${W} WHERE weather IN ('rain', 'snow')`,
  },
  {
    kind: 'change',
    question: 'how did total precipitation change from 2012 to 2015',
    match: 'cells',
    sql: `SELECT sum(precipitation) FROM ${W} WHERE year(date) IN (2012, 2015) GROUP BY year(date)`,
  },
  {
    kind: 'typo',
    question: 'total precipitaton by weather',
    sql: `SELECT weather, sum(precipitation) FROM ${W} GROUP BY 1`,
  },
  {
    kind: 'which',
    question: 'which day was the hottest',
    match: 'first',
    sql: `SELECT ${day('date')}, max(temp_max) t FROM ${W} GROUP BY 1 ORDER BY t DESC LIMIT 1`,
  },
];

const WX = csv(vegaDataset('weather.csv'));
const WEATHER_KINDS: EvalCase[] = [
  {
    kind: 'plain',
    question: 'average temp_max by location',
    sql: `SELECT location, avg(temp_max) FROM ${WX} GROUP BY 1`,
  },
  {
    kind: 'which',
    question: 'which location had the most precipitation',
    match: 'first',
    sql: `SELECT location, sum(precipitation) p FROM ${WX} GROUP BY 1 ORDER BY p DESC LIMIT 1`,
  },
  {
    kind: 'both-sides',
    question: 'average wind in Seattle vs New York',
    match: 'cells',
    sql: `SELECT avg(wind) FROM ${WX} GROUP BY location`,
  },
  {
    kind: 'distinct-count',
    question: 'how many rainy days in Seattle in 2015',
    sql: `SELECT count(DISTINCT date) FROM ${WX} WHERE location = 'Seattle' AND weather = 'rain' AND year(date) = 2015`,
  },
  {
    kind: 'negation',
    question: 'precipitation excluding Seattle',
    sql: `SELECT sum(precipitation) FROM ${WX} WHERE location <> 'Seattle'`,
  },
  {
    kind: 'change',
    question: 'average temp_max change from 2012 to 2015 for each location',
    match: 'cells',
    sql: `SELECT location, avg(temp_max) FILTER (year(date) = 2015) - avg(temp_max) FILTER (year(date) = 2012) FROM ${WX} GROUP BY 1`,
  },
  {
    kind: 'top-per-group',
    question: 'wettest month in each location',
    match: 'cells',
    sql: topPerGroup(WX, 'location', day(`date_trunc('month', date)`), 'sum(precipitation)', 1),
  },
  {
    kind: 'cyclic',
    question: 'average temp_min by weekday',
    match: 'cells',
    sql: `SELECT dayname(date), avg(temp_min) FROM ${WX} GROUP BY 1`,
  },
  {
    kind: 'plain',
    question: 'average temp_min by year',
    sql: `SELECT ${day(`date_trunc('year', date)`)}, avg(temp_min) FROM ${WX} GROUP BY 1`,
  },
];

const D = csv(vegaDataset('disasters.csv'));
const DISASTER_KINDS: EvalCase[] = [
  { kind: 'plain', question: 'deaths by entity', sql: `SELECT Entity, sum(Deaths) FROM ${D} GROUP BY 1` },
  {
    kind: 'plain',
    question: 'deaths from Earthquake',
    sql: `SELECT sum(Deaths) FROM ${D} WHERE Entity = 'Earthquake'`,
  },
  { kind: 'plain', question: 'deaths in 2010', sql: `SELECT sum(Deaths) FROM ${D} WHERE Year = 2010` },
  {
    kind: 'plain',
    question: 'top 3 entities by deaths',
    sql: `SELECT Entity, sum(Deaths) d FROM ${D} GROUP BY 1 ORDER BY d DESC LIMIT 3`,
  },
  {
    kind: 'negation',
    question: 'deaths excluding All natural disasters',
    sql: `SELECT sum(Deaths) FROM ${D} WHERE Entity <> 'All natural disasters'`,
  },
  {
    kind: 'both-sides',
    question: 'deaths Flood vs Drought',
    match: 'cells',
    sql: `SELECT sum(Deaths) FROM ${D} WHERE Entity IN ('Flood', 'Drought') GROUP BY Entity`,
  },
  {
    kind: 'which',
    question: 'which entity had the most deaths excluding All natural disasters',
    match: 'first',
    sql: `SELECT Entity, sum(Deaths) d FROM ${D} WHERE Entity <> 'All natural disasters' GROUP BY 1 ORDER BY d DESC LIMIT 1`,
  },
  {
    kind: 'superlative',
    question: 'deadliest year for Earthquake',
    match: 'first',
    sql: `SELECT Year, sum(Deaths) d FROM ${D} WHERE Entity = 'Earthquake' GROUP BY 1 ORDER BY d DESC LIMIT 1`,
  },
  {
    kind: 'change',
    question: 'deaths change from 2000 to 2010 by entity',
    match: 'cells',
    sql: `SELECT Entity, sum(Deaths) FILTER (Year = 2010) - sum(Deaths) FILTER (Year = 2000) FROM ${D} WHERE Year IN (2000, 2010) GROUP BY 1`,
  },
  {
    kind: 'change',
    question: 'change in deaths by entity from 1990 to 2015',
    match: 'cells',
    sql: `SELECT Entity, sum(Deaths) FILTER (Year = 2015) - sum(Deaths) FILTER (Year = 1990) FROM ${D} WHERE Year IN (1990, 2015) GROUP BY 1`,
  },
  {
    kind: 'change',
    question: 'deaths change by entity',
    match: 'cells',
    sql: `SELECT Entity, sum(Deaths) FILTER (Year = 2017) - sum(Deaths) FILTER (Year = 2016) FROM ${D} WHERE Year IN (2016, 2017) GROUP BY 1`,
  },
  {
    kind: 'number-filter',
    question: 'how many years had over 100k deaths from Drought',
    sql: `SELECT count(*) FROM ${D} WHERE Entity = 'Drought' AND Deaths > 100000`,
  },
  {
    kind: 'top-per-group',
    question: 'deadliest year for each entity',
    match: 'cells',
    sql: topPerGroup(D, 'Entity', 'Year', 'sum(Deaths)', 1),
  },
];

const G = csv(vegaDataset('github.csv'));
const GITHUB_KINDS: EvalCase[] = [
  { kind: 'plain', question: 'total count', sql: `SELECT sum(count) FROM ${G}` },
  {
    kind: 'plain',
    question: 'total count in January 2015',
    sql: `SELECT sum(count) FROM ${G} WHERE time >= TIMESTAMP '2015-01-01' AND time < TIMESTAMP '2015-02-01'`,
  },
  {
    kind: 'cyclic',
    question: 'total count by hour of day',
    match: 'cells',
    sql: `SELECT sum(count) FROM ${G} GROUP BY hour(time)`,
  },
  {
    kind: 'cyclic',
    question: 'total count by weekday',
    match: 'cells',
    sql: `SELECT dayname(time), sum(count) FROM ${G} GROUP BY 1`,
  },
  {
    kind: 'period-over-period',
    question: 'week-over-week change in total count',
    match: 'cells',
    sql: `SELECT c - lag(c) OVER (ORDER BY w) FROM (SELECT date_trunc('week', time) w, sum(count) c FROM ${G} GROUP BY 1)`,
  },
  {
    kind: 'superlative',
    question: 'busiest month',
    match: 'first',
    sql: `SELECT ${day(`date_trunc('month', time)`)}, sum(count) c FROM ${G} GROUP BY 1 ORDER BY c DESC LIMIT 1`,
  },
];

const T = csv(vegaDataset('global-temp.csv'));
const GLOBAL_TEMP_KINDS: EvalCase[] = [
  { kind: 'plain', question: 'average temp', sql: `SELECT avg(temp) FROM ${T}` },
  { kind: 'plain', question: 'max temp', sql: `SELECT max(temp) FROM ${T}` },
  { kind: 'plain', question: 'average temp since 2000', sql: `SELECT avg(temp) FROM ${T} WHERE year >= 2000` },
  {
    kind: 'superlative',
    question: 'hottest year',
    match: 'first',
    sql: `SELECT year, avg(temp) t FROM ${T} GROUP BY 1 ORDER BY t DESC LIMIT 1`,
  },
  {
    kind: 'superlative',
    question: 'coldest year',
    match: 'first',
    sql: `SELECT year, avg(temp) t FROM ${T} GROUP BY 1 ORDER BY t LIMIT 1`,
  },
  {
    kind: 'change',
    question: 'temp change from 1900 to 2000',
    match: 'cells',
    sql: `SELECT avg(temp) FROM ${T} WHERE year IN (1900, 2000) GROUP BY year`,
  },
  {
    kind: 'first-vs-last',
    question: 'first year vs last year',
    match: 'cells',
    sql: `SELECT avg(temp) FROM ${T} WHERE year IN (1880, 2023) GROUP BY year`,
  },
  {
    kind: 'number-filter',
    question: 'how many years with temp above 0.5',
    sql: `SELECT count(*) FROM ${T} WHERE temp > 0.5`,
  },
];

const L = csv(vegaDataset('la-riots.csv'));
const LA_RIOTS_KINDS: EvalCase[] = [
  { kind: 'plain', question: 'count by neighborhood', sql: `SELECT neighborhood, count(*) FROM ${L} GROUP BY 1` },
  { kind: 'plain', question: 'average age by gender', sql: `SELECT gender, avg(age) FROM ${L} GROUP BY 1` },
  { kind: 'plain', question: 'average age by race', sql: `SELECT race, avg(age) FROM ${L} GROUP BY 1` },
  {
    kind: 'which',
    question: 'which neighborhood had the most deaths',
    match: 'first',
    sql: `SELECT neighborhood, count(*) FROM ${L} GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) = 1`,
  },
  {
    kind: 'which',
    question: 'which race had the highest average age',
    match: 'first',
    sql: `SELECT race, avg(age) a FROM ${L} GROUP BY 1 ORDER BY a DESC LIMIT 1`,
  },
  {
    kind: 'negation',
    question: 'count by race excluding Not riot-related',
    sql: `SELECT race, count(*) FROM ${L} WHERE type <> 'Not riot-related' GROUP BY 1`,
  },
  {
    kind: 'number-filter',
    question: 'how many people over 40',
    sql: `SELECT count(*) FROM ${L} WHERE age > 40`,
  },
];

const GM = csv(vegaDataset('gapminder-health-income.csv'));
const GAPMINDER_KINDS: EvalCase[] = [
  { kind: 'plain', question: 'average income by region', sql: `SELECT region, avg(income) FROM ${GM} GROUP BY 1` },
  {
    kind: 'plain',
    question: 'total population by region',
    sql: `SELECT region, sum(population) FROM ${GM} GROUP BY 1`,
  },
  {
    kind: 'which',
    question: 'which region has the highest average income',
    match: 'first',
    sql: `SELECT region, avg(income) i FROM ${GM} GROUP BY 1 ORDER BY i DESC LIMIT 1`,
  },
  {
    kind: 'superlative',
    question: 'richest country',
    match: 'first',
    sql: `SELECT country, income FROM ${GM} ORDER BY income DESC LIMIT 1`,
  },
  {
    kind: 'superlative',
    question: 'most populous region',
    match: 'first',
    sql: `SELECT region, sum(population) p FROM ${GM} GROUP BY 1 ORDER BY p DESC LIMIT 1`,
  },
  {
    kind: 'number-filter',
    question: 'how many countries with income over 50,000',
    sql: `SELECT count(DISTINCT country) FROM ${GM} WHERE income > 50000`,
  },
  {
    kind: 'negation',
    question: 'average health excluding europe_central_asia',
    sql: `SELECT avg(health) FROM ${GM} WHERE region <> 'europe_central_asia'`,
  },
  {
    kind: 'ratio',
    question: 'income per person by region',
    sql: `SELECT region, sum(income) / sum(population) FROM ${GM} GROUP BY 1`,
  },
];

const H = csv(vegaDataset('population_engineers_hurricanes.csv'));
const HURRICANE_KINDS: EvalCase[] = [
  { kind: 'plain', question: 'total population', sql: `SELECT sum(population) FROM ${H}` },
  { kind: 'plain', question: 'average engineers', sql: `SELECT avg(engineers) FROM ${H}` },
  {
    kind: 'which',
    question: 'which state had the most hurricanes',
    match: 'first',
    sql: `SELECT state, sum(hurricanes) h FROM ${H} GROUP BY 1 ORDER BY h DESC LIMIT 1`,
  },
  {
    kind: 'number-filter',
    question: 'how many states with more than 10 hurricanes',
    sql: `SELECT count(DISTINCT state) FROM ${H} WHERE hurricanes > 10`,
  },
  {
    kind: 'ratio',
    question: 'population per hurricane',
    sql: `SELECT sum(population) / sum(hurricanes) FROM ${H}`,
  },
];

const ST = `(SELECT symbol, strptime(date, '%b %d %Y')::DATE AS d, price FROM read_csv('${vegaDataset('stocks.csv')}', all_varchar = true, types = {'price': 'DOUBLE'}))`;
const STOCK_KINDS: EvalCase[] = [
  {
    kind: 'which',
    question: 'which symbol had the highest average price',
    match: 'first',
    sql: `SELECT symbol, avg(price) p FROM ${ST} GROUP BY 1 ORDER BY p DESC LIMIT 1`,
  },
  {
    kind: 'negation',
    question: 'average price other than GOOG',
    sql: `SELECT avg(price) FROM ${ST} WHERE symbol <> 'GOOG'`,
  },
  {
    kind: 'change',
    question: 'how did the average price change from 2008 to 2009 for each symbol',
    match: 'cells',
    sql: `SELECT symbol, avg(price) FILTER (year(d) = 2009) - avg(price) FILTER (year(d) = 2008) FROM ${ST} GROUP BY 1`,
  },
  {
    kind: 'top-per-group',
    question: 'which symbol had the highest average price in each year',
    match: 'cells',
    sql: topPerGroup(ST, day(`date_trunc('year', d)`), 'symbol', 'avg(price)', 1),
  },
  {
    kind: 'number-filter',
    question: 'how many months was the AAPL price over $100',
    sql: `SELECT count(*) FROM ${ST} WHERE symbol = 'AAPL' AND price > 100`,
  },
  { kind: 'typo', question: 'average price by symbl', sql: `SELECT symbol, avg(price) FROM ${ST} GROUP BY 1` },
  {
    kind: 'first-vs-last',
    question: 'MSFT price in the first month vs the last month',
    match: 'cells',
    sql: `SELECT avg(price) FROM ${ST} WHERE symbol = 'MSFT' AND d IN (DATE '2000-01-01', DATE '2010-03-01') GROUP BY d`,
  },
];

const B = csv(vegaDataset('birdstrikes.csv'));
const BIRD_KINDS: EvalCase[] = [
  {
    kind: 'superlative',
    question: 'costliest phase of flight',
    match: 'first',
    sql: `SELECT "Phase of flight", sum("Cost Total $") c FROM ${B} GROUP BY 1 ORDER BY c DESC LIMIT 1`,
  },
  {
    kind: 'which',
    question: 'which phase of flight had the most strikes',
    match: 'first',
    sql: `SELECT "Phase of flight", count(*) c FROM ${B} GROUP BY 1 ORDER BY c DESC LIMIT 1`,
  },
  {
    kind: 'number-filter',
    question: 'strikes costing more than $100,000',
    sql: `SELECT count(*) FROM ${B} WHERE "Cost Total $" > 100000`,
  },
  {
    kind: 'distinct-count',
    question: 'how many species were struck in Texas',
    sql: `SELECT count(DISTINCT "Wildlife Species") FROM ${B} WHERE "Origin State" = 'Texas'`,
  },
  {
    kind: 'cyclic',
    question: 'strikes by month of the year',
    match: 'cells',
    sql: `SELECT monthname("Flight Date"), count(*) FROM ${B} GROUP BY 1`,
  },
  {
    kind: 'top-per-group',
    question: 'top 2 species in each phase of flight',
    match: 'cells',
    sql: topPerGroup(B, '"Phase of flight"', '"Wildlife Species"', 'count(*)', 2),
  },
];

const I = csv(vegaDataset('iowa-electricity.csv'));
const IOWA_KINDS: EvalCase[] = [
  {
    kind: 'change',
    question: 'net generation change by source from 2001 to 2017',
    match: 'cells',
    sql: `SELECT source, sum(net_generation) FILTER (year(year) = 2017) - sum(net_generation) FILTER (year(year) = 2001) FROM ${I} GROUP BY 1`,
  },
  {
    kind: 'change',
    question: 'change in net generation by source from 2001 to 2017',
    match: 'cells',
    sql: `SELECT source, sum(net_generation) FILTER (year(year) = 2017) - sum(net_generation) FILTER (year(year) = 2001) FROM ${I} GROUP BY 1`,
  },
  {
    kind: 'ratio',
    question: 'share of Renewables in net generation by year',
    match: 'cells',
    sql: `SELECT sum(net_generation) FILTER (source = 'Renewables') / sum(net_generation) FROM ${I} GROUP BY year`,
  },
  {
    // Found by a trial: answered as a share of rows, 33.3% every year (one row per source and year).
    kind: 'ratio',
    question: 'share of renewables over time',
    match: 'cells',
    sql: `SELECT sum(net_generation) FILTER (source = 'Renewables') / sum(net_generation) FROM ${I} GROUP BY year`,
  },
  {
    kind: 'ratio',
    question: 'what % of rows are renewables',
    sql: `SELECT count(*) FILTER (source = 'Renewables') / count(*) FROM ${I}`,
  },
  {
    kind: 'which',
    question: 'which source generated the most in 2017',
    match: 'first',
    sql: `SELECT source, sum(net_generation) g FROM ${I} WHERE year(year) = 2017 GROUP BY 1 ORDER BY g DESC LIMIT 1`,
  },
];

/** The corpus by file. */
export const KIND_DATASETS: EvalDataset[] = [
  { name: 'Sample Superstore', path: SUPERSTORE_CSV, cases: SUPERSTORE_KINDS },
  { name: 'stocks', path: vegaDataset('stocks.csv'), cases: STOCK_KINDS },
  { name: 'seattle-weather', path: vegaDataset('seattle-weather.csv'), cases: SEATTLE_KINDS },
  { name: 'iowa-electricity', path: vegaDataset('iowa-electricity.csv'), cases: IOWA_KINDS },
  { name: 'birdstrikes', path: vegaDataset('birdstrikes.csv'), cases: BIRD_KINDS },
  { name: 'weather', path: vegaDataset('weather.csv'), cases: WEATHER_KINDS },
  { name: 'disasters', path: vegaDataset('disasters.csv'), cases: DISASTER_KINDS },
  { name: 'github', path: vegaDataset('github.csv'), cases: GITHUB_KINDS },
  { name: 'global-temp', path: vegaDataset('global-temp.csv'), cases: GLOBAL_TEMP_KINDS },
  { name: 'la-riots', path: vegaDataset('la-riots.csv'), cases: LA_RIOTS_KINDS },
  { name: 'gapminder-health-income', path: vegaDataset('gapminder-health-income.csv'), cases: GAPMINDER_KINDS },
  {
    name: 'population_engineers_hurricanes',
    path: vegaDataset('population_engineers_hurricanes.csv'),
    cases: HURRICANE_KINDS,
  },
  ...TRUST_DATASETS,
];
