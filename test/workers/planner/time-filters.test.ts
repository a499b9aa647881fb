import { expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

const range = (column: string, from?: string | number, to?: string | number) => ({
  filters: [{ op: 'range', column, from, to }],
});

/**
 * Time filters relative to the data, not to today: Superstore ends on
 * 2017-12-30, stocks on 2010-03-01 (monthly), seattle-weather on 2015-12-31,
 * iowa-electricity on 2017-01-01 (yearly).
 */
const CASES: [DatasetName, string, object][] = [
  ['superstore', 'sales in 2016', range('Order Date', '2016-01-01', '2017-01-01')],
  ['superstore', 'sales in Q3 2017', range('Order Date', '2017-07-01', '2017-10-01')],
  ['superstore', 'sales in 2017 Q3', range('Order Date', '2017-07-01', '2017-10-01')],
  ['superstore', 'sales in the third quarter of 2017', range('Order Date', '2017-07-01', '2017-10-01')],
  ['superstore', 'sales in Q3', range('Order Date', '2017-07-01', '2017-10-01')],
  ['superstore', 'profit last quarter', range('Order Date', '2017-10-01', '2018-01-01')],
  ['superstore', 'sales last year', range('Order Date', '2017-01-01', '2018-01-01')],
  ['superstore', 'sales last month', range('Order Date', '2017-12-01', '2018-01-01')],
  ['superstore', 'sales in the last 3 months', range('Order Date', '2017-10-01', '2018-01-01')],
  ['superstore', 'sales between March and June 2016', range('Order Date', '2016-03-01', '2016-07-01')],
  ['superstore', 'sales from 2015 to 2016', range('Order Date', '2015-01-01', '2017-01-01')],
  ['superstore', 'sales since 2015', { filters: [{ op: 'range', column: 'Order Date', from: '2015-01-01' }] }],
  ['superstore', 'sales before 2016', { filters: [{ op: 'range', column: 'Order Date', to: '2016-01-01' }] }],
  ['superstore', 'sales in March 2016', range('Order Date', '2016-03-01', '2016-04-01')],
  ['superstore', 'sales in 2016-03', range('Order Date', '2016-03-01', '2016-04-01')],
  ['superstore', 'sales on 2016-03-15', range('Order Date', '2016-03-15', '2016-03-16')],
  ['superstore', 'sales 2016-2017', range('Order Date', '2016-01-01', '2018-01-01')],
  ['superstore', 'sales in 2016 and 2017 by month', range('Order Date', '2016-01-01', '2018-01-01')],
  ['superstore', 'sales by ship date in 2016', range('Ship Date', '2016-01-01', '2017-01-01')],
  ['stocks', 'price last year', range('date', '2009-01-01', '2010-01-01')],
  ['stocks', 'average price in the 2000s by symbol', range('date', '2000-01-01', '2010-01-01')],
  ['stocks', 'price last quarter', range('date', '2010-01-01', '2010-04-01')],
  ['stocks', 'price this year', range('date', '2010-01-01', '2011-01-01')],
  ['seattle', 'precipitation last month', range('date', '2015-12-01', '2016-01-01')],
  ['seattle', 'wind in May 2014', range('date', '2014-05-01', '2014-06-01')],
  ['iowa', 'net generation last year', range('year', '2017-01-01', '2018-01-01')],
  ['birdstrikes', 'cost in 1995', range('Flight Date', '1995-01-01', '1996-01-01')],
];

describe('time filters', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });

  it('names the period in the title', async () => {
    const superstore = await plannerData('superstore');
    expect(expectPlan(superstore, 'total sales by region in 2016').title).toBe('Total Sales by Region, 2016');
    expect(expectPlan(superstore, 'sales between March and June 2016').title).toBe('Total Sales, Mar 2016 – Jun 2016');
  });
});
