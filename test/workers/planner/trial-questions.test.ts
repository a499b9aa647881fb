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
