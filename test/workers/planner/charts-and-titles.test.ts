import { expectNotUnderstood, expectPlan, plannerData, type PlannerData } from './planner-data';

describe('chart choice', () => {
  let superstore: PlannerData;
  beforeAll(async () => {
    superstore = await plannerData('superstore');
  });

  it.each([
    ['monthly sales', 'line'],
    ['monthly sales by region', 'line'],
    ['sales by region', 'bar'],
    ['top 5 states by profit', 'bar'],
    ['which month had the highest sales', 'bar'],
    ['share of sales by segment', 'doughnut'],
    ['share of sales by sub-category', 'bar'],
    ['share of sales by region over time', 'stacked-bar'],
    ['discount vs profit', 'scatter'],
    ['distribution of sales', 'histogram'],
    ['total sales', 'kpi'],
    ['total sales and profit', 'table'],
    ['2016 vs 2017', 'bar'],
    ['sales by region as a line chart', 'line'],
    ['sales by state as a table', 'table'],
    ['sales by region as horizontal bars', 'horizontal-bar'],
    ['sales by region and category stacked', 'stacked-bar'],
    ['sales by segment as a pie', 'doughnut'],
  ])('"%s" → %s', (question, chart) => {
    expect(expectPlan(superstore, question).chart).toBe(chart);
  });

  it('refuses a chart that cannot show the answer', () => {
    expect(expectNotUnderstood(superstore, 'total sales as a pie chart').reason).toMatch(/share of what/i);
    expect(expectNotUnderstood(superstore, 'sales by region as a kpi').reason).toMatch(
      /single number cannot show groups/,
    );
    expect(expectNotUnderstood(superstore, 'sales by region as a histogram').reason).toMatch(
      /histogram needs one column/,
    );
  });
});

describe('titles', () => {
  let superstore: PlannerData;
  beforeAll(async () => {
    superstore = await plannerData('superstore');
  });

  it.each([
    ['total sales by region in 2016', 'Total Sales by Region, 2016'],
    ['top 5 customers by profit', 'Top 5 Customer Name by Total Profit'],
    ['which state has the highest profit', 'State with the Highest Total Profit'],
    ['share of sales by segment', 'Share of Sales by Segment'],
    ['discount vs profit', 'Discount vs Profit'],
    ['distribution of sales', 'Distribution of Sales'],
    ['sales 2016 vs 2017', 'Total Sales, 2016 vs 2017'],
    ['number of customers by segment', 'Number of Customers by Segment'],
    ['how many cities', 'Number of Cities'],
    ['average discount by month in the West', 'Average Discount by Month, West'],
    ['sales excluding Furniture', 'Total Sales, excluding Furniture'],
    ['sales, profit and quantity by category', 'Total Sales, Total Profit and Total Quantity by Category'],
    ['sales in the last 3 months', 'Total Sales, last 3 months (Oct 2017 – Dec 2017)'],
  ])('"%s" → "%s"', (question, title) => {
    expect(expectPlan(superstore, question).title).toBe(title);
  });
});
