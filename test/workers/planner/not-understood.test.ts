import { expectNotUnderstood, plannerData, type DatasetName, type PlannerData } from './planner-data';

/**
 * Questions the planner must refuse rather than answer with a guess: each
 * comes back with what it did understand, why it stopped, and three
 * suggestions that plan on the same dataset.
 */
const CASES: [DatasetName, string, RegExp][] = [
  ['superstore', 'sales by flavour', /no column like "flavour"/],
  ['superstore', "what's the weather tomorrow", /forecast/],
  ['superstore', 'asdf qwer', /"asdf qwer"/],
  ['superstore', 'what is the meaning of life', /meaning/],
  ['superstore', 'profit per employee', /employee ID column/],
  ['superstore', 'cumulative sales', /"cumulative"/],
  ['superstore', 'sales over 500', /"500"/],
  ['superstore', 'sales for the North region', /"North"/],
  ['superstore', 'sales in 2030', /covers 2014-01-03 to 2017-12-30/],
  ['superstore', 'sales in Q5 2017', /"Q5"/],
  ['superstore', 'top 5', /what to measure/],
  ['superstore', 'by region', /what to measure by Region/],
  ['superstore', 'West', /what to measure/],
  ['superstore', 'average', /"average" of what/],
  ['superstore', 'sales by region by category by segment', /at most two/],
  ['superstore', 'sales by order id', /Order ID has 5,009 different values/],
  ['superstore', 'share of sales', /share of what/],
  ['superstore', 'share of orders by region', /share needs a total/],
  ['superstore', 'AAPL price', /"AAPL"/],
  ['superstore', 'help', /questions this data can answer/],
  ['seattle', 'temperature forecast for next week', /forecast/],
  ['github', 'how many days', /counting its values would count times, not days/],
  ['superstore', 'top 0 customers by sales', /"top 0" is not a number of rows to show/],
  // Regression: "average" was dropped and the maximum answered as if it had been asked for.
  ['seattle', 'average max temperature', /what "average" applies to/],
  ['seattle', "what's the weather tomorrow", /forecast/],
  ['iowa', 'generation in March 2010', /one value per year/],
  ['birdstrikes', 'wildlife by state', /Wildlife Size or Wildlife Species/],
  ['birdstrikes', 'amount by state', /what to measure/],
  ['stocks', 'price in 2012', /covers 2000-01-01 to 2010-03-01/],
  ['employment', 'jobs by industry', /"jobs"|"industry"/],
  // "Best selling" is units or revenue alike; where the data has both, guessing would be confidently wrong.
  ['superstore', 'best selling category for each segment', /could mean Sales or Quantity/],
  // Typos are corrected only to one word: a short word, or one as near to two, is not guessed at.
  ['superstore', 'sales in Texs', /"Texs"/],
];

describe('not understood', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, reason) => {
    expect(expectNotUnderstood(data.get(name) as PlannerData, question).reason).toMatch(reason);
  });

  it('says what it did understand', async () => {
    const superstore = await plannerData('superstore');
    const outcome = expectNotUnderstood(superstore, 'revenue by flavour in 2016');
    expect(outcome.understood).toEqual(
      expect.arrayContaining([
        'measure: Sales (from "revenue")',
        'filter: Order Date 2016 (from 2016-01-01 to 2017-01-01)',
      ]),
    );
  });
});
