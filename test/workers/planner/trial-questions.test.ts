import { planQuestion } from '../../../workers/planner/offline-planner';
import { expectNotUnderstood, expectPlan, plannerData } from './planner-data';

/** Questions a new user's trial saw declined, each with a plain reading the planner now takes and says. */
describe("questions from a new user's trial", () => {
  it('reads "average sales per order" as average order value', async () => {
    expect(expectPlan(await plannerData('superstore'), 'average sales per order').measures).toEqual([
      {
        column: 'Sales',
        aggregation: 'sum',
        per: { column: 'Order ID', aggregation: 'count_distinct' },
        label: 'Sales per Order',
      },
    ]);
  });

  it.each([
    ['highest price for each symbol', 'max'],
    ['lowest price for each symbol', 'min'],
  ])('reads "%s" as the %s of every symbol, all shown', async (question, aggregation) => {
    const data = await plannerData('stocks');
    const plan = expectPlan(data, question);
    expect(plan).toMatchObject({ measures: [{ column: 'price', aggregation }], dimensions: [{ column: 'symbol' }] });
    expect(plan.limit).toBeUndefined();
    expect(plan.topPerGroup).toBeUndefined();
  });

  // "the busiest hour of the day" was rewritten "which hour of the had the highest count day", and declined.
  it.each([
    ['github', 'busiest hour of the day', 'hour_of_day', 'count'],
    ['github', 'busiest day of the week', 'day_of_week', 'count'],
    ['seattle', 'rainiest month of the year', 'month_of_year', 'precipitation'],
  ] as const)('%s: reads "%s" as a ranking over the cycle', async (name, question, cycle, column) => {
    const plan = expectPlan(await plannerData(name), question);
    expect(plan.dimensions).toMatchObject([{ cycle }]);
    expect(plan.measures).toMatchObject([{ column, aggregation: 'sum' }]);
    expect(plan.sort).toMatchObject({ direction: 'desc' });
  });

  it('still declines a ranking of a total named outright within each group', async () => {
    const outcome = planQuestion('highest total price for each symbol', await plannerData('stocks'));
    expect(outcome.kind).toBe('not-understood');
  });

  it.each(['days with no precipitation', 'precipitation of 0', 'how many days had no rain'])(
    'reads "%s" as the dry days, a count',
    async (question) => {
      const plan = expectPlan(await plannerData('seattle'), question);
      expect(plan.filters).toEqual([{ op: 'compare', column: 'precipitation', comparator: '<=', value: 0 }]);
      expect(plan.measures[0]?.aggregation).toMatch(/^count/);
    },
  );

  it('reads no zero filter on a column that can be negative: "no profit" could be a loss', async () => {
    const outcome = planQuestion('orders with no profit', await plannerData('superstore'));
    expect(outcome.kind).toBe('not-understood');
  });

  it.each(['which weather type is windiest', 'wich weather has the higest wind'])('answers "%s"', async (question) => {
    const outcome = planQuestion(question, await plannerData('seattle'));
    if (outcome.kind !== 'plan') throw new Error(outcome.reason);
    expect(outcome.plan).toMatchObject({
      measures: [{ column: 'wind', aggregation: 'avg' }],
      dimensions: [{ column: 'weather' }],
      sort: { by: 'measure', direction: 'desc' },
    });
  });
});

/** A second trial, on an exported sales report and a European one. */
describe("questions from a second new user's trial", () => {
  it.each(['overall margin', 'total margin by region'])(
    'averages "%s" over a margin of fractions with losses among them, shown as a percentage',
    async (question) => {
      const plan = expectPlan(await plannerData('salesExport'), question);
      expect(plan.measures).toEqual([
        expect.objectContaining({ column: 'Margin', aggregation: 'avg', format: 'percent' }),
      ]);
    },
  );

  it.each([
    ['average Growth % by Region', 'Growth %', 'salesExport'],
    ['average Marge % by Kategorie', 'Marge %', 'umsatz'],
  ] as const)('reads the "%%" in "%s" as part of the name %s, not as a share', async (question, column, name) => {
    const plan = expectPlan(await plannerData(name), question);
    expect(plan.share).toBe(false);
    expect(plan.measures).toEqual([expect.objectContaining({ column, aggregation: 'avg' })]);
  });

  it('still reads a "%" before a total as a share', async () => {
    expect(expectPlan(await plannerData('salesExport'), '% of revenue by region').share).toBe(true);
  });

  it.each(['average revenue per order', 'average order value'])(
    'declines "%s" where no column identifies an order, and says how to ask per row',
    async (question) => {
      const outcome = expectNotUnderstood(await plannerData('salesExport'), question);
      expect(outcome.reason).toMatch(/order ID column.*per row/);
    },
  );

  it('reads "average revenue per row" as the plain average', async () => {
    expect(expectPlan(await plannerData('salesExport'), 'average revenue per row').measures).toEqual([
      expect.objectContaining({ column: 'Revenue', aggregation: 'avg' }),
    ]);
  });

  it('reads "highest sales on average" by month of the year as the average of each month\'s total over the years', async () => {
    const plan = expectPlan(
      await plannerData('superstore'),
      'which month of the year has the highest sales on average',
    );
    expect(plan.dimensions).toEqual([{ column: 'Order Date', cycle: 'month_of_year' }]);
    expect(plan.measures).toEqual([
      {
        column: 'Sales',
        aggregation: 'sum',
        per: { column: 'Order Date', aggregation: 'count_distinct', grain: 'month' },
        label: 'Average Monthly Sales',
      },
    ]);
  });

  it('still averages a rate over the rows "on average"', async () => {
    const plan = expectPlan(
      await plannerData('superstore'),
      'which month of the year has the highest discount on average',
    );
    expect(plan.measures).toEqual([expect.objectContaining({ column: 'Discount', aggregation: 'avg' })]);
  });
});

describe('a condition on an amount when the question counts orders or customers', () => {
  const orderTotal = (value: number) => ({
    op: 'having',
    column: 'Order ID',
    measure: { column: 'Sales', aggregation: 'sum' },
    comparator: '>',
    value,
  });

  it.each(['how many orders had Sales over 500', 'how many orders over $500'])(
    'reads "%s" as orders whose total is over 500, and says so',
    async (question) => {
      const outcome = planQuestion(question, await plannerData('superstore'));
      if (outcome.kind !== 'plan') throw new Error(outcome.reason);
      expect(outcome.plan.filters).toEqual([orderTotal(500)]);
      expect(outcome.plan.measures).toEqual([
        expect.objectContaining({ column: 'Order ID', aggregation: 'count_distinct' }),
      ]);
      expect(outcome.understood.join('; ')).toContain("each order's rows added up, not single rows");
    },
  );

  it('keeps a rate as a condition on single rows: a total of discounts means nothing', async () => {
    const plan = expectPlan(await plannerData('superstore'), 'how many orders had a discount over 0.5');
    expect(plan.filters).toEqual([{ op: 'compare', column: 'Discount', comparator: '>', value: 0.5 }]);
  });

  it('keeps rows as rows', async () => {
    const plan = expectPlan(await plannerData('superstore'), 'number of rows with sales over 500');
    expect(plan.filters).toEqual([{ op: 'compare', column: 'Sales', comparator: '>', value: 500 }]);
  });

  it('declines a dollar amount of rows when sales and profit are both money', async () => {
    expect(planQuestion('how many rows over $500', await plannerData('superstore')).kind).toBe('not-understood');
  });

  it.each(['orders that lost money', 'number of orders with negative profit'])(
    'counts the orders whose total profit is below zero for "%s"',
    async (question) => {
      const plan = expectPlan(await plannerData('superstore'), question);
      expect(plan.filters).toEqual([
        {
          op: 'having',
          column: 'Order ID',
          measure: { column: 'Profit', aggregation: 'sum' },
          comparator: '<',
          value: 0,
        },
      ]);
      expect(plan.measures[0]).toMatchObject({ column: 'Order ID', aggregation: 'count_distinct' });
    },
  );
});

describe('a column of names with one row per member (187 countries)', () => {
  it.each([
    ['top 5 countries by income', 5],
    ['which country has the highest health', 10],
  ])('ranks by it for "%s"', async (question, limit) => {
    const plan = expectPlan(await plannerData('gapminder'), question);
    expect(plan).toMatchObject({
      dimensions: [{ column: 'country' }],
      sort: { by: 'measure', direction: 'desc' },
      limit,
    });
  });

  it('groups by it showing the top 20, and says so', async () => {
    const outcome = planQuestion('income by country', await plannerData('gapminder'));
    if (outcome.kind !== 'plan') throw new Error(outcome.reason);
    expect(outcome.plan).toMatchObject({ dimensions: [{ column: 'country' }], limit: 20 });
    expect(outcome.understood).toContain('showing the top 20 of 187 country values');
  });

  it('still declines grouping by an id code: 5,009 order IDs are not a chart', async () => {
    const outcome = planQuestion('sales by order id', await plannerData('superstore'));
    expect(outcome.kind).toBe('not-understood');
  });
});
