import { validatePlan } from '../../../workers/plan/validate-plan';
import { metaOf, ORDERS, planOf } from './meta-fixture';
import { expectRejected, rejection } from './rejections';

const revenue = { column: 'Revenue', aggregation: 'sum' };

describe('validatePlan: the schema', () => {
  it('turns schema issues into one readable sentence with the paths at fault', () => {
    const error = rejection(planOf({ measures: [{ column: 'Revenue', aggregation: 'total' }], limit: -3 }));
    expect(error.code).toBe('INVALID_PLAN');
    expect(error.message).toMatch(/^The analysis plan is not valid: measures\[0\]\.aggregation: .*"sum".*; limit: /);
    expect(error.message).not.toContain('\n');
  });

  it('rejects what is not a plan at all', () => {
    expect(rejection(null).message).toMatch(/^The analysis plan is not valid: .*object/);
  });

  it('fills the schema defaults', () => {
    const plan = validatePlan(planOf({ measures: [revenue] }), ORDERS);
    expect(plan).toMatchObject({ dimensions: [], filters: [], share: false });
  });
});

describe('validatePlan: columns', () => {
  it('spells a column as the dataset does when only the case differs', () => {
    const plan = validatePlan(
      planOf({
        measures: [{ column: 'revenue', aggregation: 'sum' }],
        dimensions: [{ column: ' REGION ' }],
        filters: [{ op: 'in', column: 'returned', values: [true] }],
      }),
      ORDERS,
    );
    expect(plan.measures[0]?.column).toBe('Revenue');
    expect(plan.dimensions[0]?.column).toBe('Region');
    expect(plan.filters[0]?.column).toBe('Returned');
  });

  it('names the closest columns for an unknown one, wherever it is used', () => {
    const message = 'There is no column "Revnue". Did you mean "Revenue" or "Revenue Share"?';
    for (const plan of [
      planOf({ measures: [{ column: 'Revnue', aggregation: 'sum' }] }),
      planOf({ measures: [revenue], dimensions: [{ column: 'Revnue' }] }),
      planOf({ measures: [revenue], filters: [{ op: 'in', column: 'Revnue', values: [1] }] }),
      planOf({
        measures: [revenue],
        comparison: {
          column: 'Revnue',
          sides: [
            { label: 'a', values: [1] },
            { label: 'b', values: [2] },
          ],
        },
      }),
    ]) {
      expect(rejection(plan)).toMatchObject({ code: 'UNKNOWN_COLUMN', message });
    }
  });

  it('asks for exact capitals when two columns differ only in case', () => {
    const meta = metaOf([
      { name: 'sales', type: 'decimal', role: 'measure', unit: null },
      { name: 'Sales', type: 'decimal', role: 'measure', unit: null },
    ]);
    const error = rejection(planOf({ measures: [{ column: 'SALES', aggregation: 'sum' }] }), meta);
    expect(error.code).toBe('AMBIGUOUS_COLUMN');
    expect(error.message).toBe('"SALES" could be "sales" and "Sales"; name the column with its exact capitals.');
  });

  it('takes a column whose name holds a double quote', () => {
    const plan = validatePlan(planOf({ measures: [{ column: 'We"ird', aggregation: 'count_distinct' }] }), ORDERS);
    expect(plan.measures[0]?.column).toBe('We"ird');
  });
});

describe('validatePlan: measures', () => {
  it.each([
    ['sum', 'Revenue'],
    ['avg', 'Revenue Share'],
    ['median', 'Quantity'],
    ['min', 'Order Date'],
    ['max', 'Shipped At'],
    ['count', 'Region'],
    ['count', null],
    ['count_distinct', 'Customer ID'],
  ])('accepts %s of %s', (aggregation, column) => {
    expect(() => validatePlan(planOf({ measures: [{ column, aggregation }] }), ORDERS)).not.toThrow();
  });

  it.each([
    ['sum', 'Region', /^"Region" holds categories, so it has no total\./],
    ['avg', 'Order Date', /^"Order Date" holds dates, so it has no average\./],
    ['median', 'Returned', /^"Returned" holds yes\/no values, so it has no median\./],
    ['min', 'Customer ID', /^"Customer ID" holds text, so it has no minimum\./],
  ])('refuses %s of %s', (aggregation, column, message) => {
    expectRejected(planOf({ measures: [{ column, aggregation }] }), 'WRONG_COLUMN_KIND', message);
  });

  it('averages a percentage column a plan asks to add up, wherever it is measured', () => {
    const share = { column: 'Revenue Share', aggregation: 'sum' };
    const plan = validatePlan(
      planOf({
        measures: [share, revenue],
        filters: [{ op: 'having', column: 'Region', measure: share, comparator: '>', value: 0.1 }],
      }),
      ORDERS,
    );
    expect(plan.measures).toEqual([{ column: 'Revenue Share', aggregation: 'avg' }, revenue]);
    expect(plan.filters[0]).toMatchObject({ measure: { column: 'Revenue Share', aggregation: 'avg' } });
  });

  it('shows a rate held as fractions as a percentage, and leaves amounts and counts alone', () => {
    const meta = metaOf([
      { name: 'Discount', type: 'decimal', role: 'measure', unit: null, min: 0, max: 0.8 },
      { name: 'Price', type: 'decimal', role: 'measure', unit: null, min: 0.1, max: 0.9 },
    ]);
    const plan = validatePlan(
      planOf({
        measures: [
          { column: 'Discount', aggregation: 'sum' },
          { column: 'Discount', aggregation: 'max' },
          { column: 'Discount', aggregation: 'count' },
          { column: 'Price', aggregation: 'sum' },
        ],
      }),
      meta,
    );
    expect(plan.measures).toEqual([
      { column: 'Discount', aggregation: 'avg', format: 'percent' },
      { column: 'Discount', aggregation: 'max', format: 'percent' },
      { column: 'Discount', aggregation: 'count' },
      { column: 'Price', aggregation: 'sum' },
    ]);
  });

  it.each(['sum', 'count_distinct'])('refuses %s without a column', (aggregation) => {
    expectRejected(planOf({ measures: [{ column: null, aggregation }] }), 'INVALID_PLAN', /needs a column/);
  });
});

describe('validatePlan: dimensions', () => {
  it('takes a grain on dates, timestamps and a year column grouped by year', () => {
    const plan = validatePlan(
      planOf({
        measures: [revenue],
        dimensions: [
          { column: 'Order Date', grain: 'week' },
          { column: 'Year', grain: 'year' },
        ],
      }),
      ORDERS,
    );
    expect(plan.dimensions).toEqual([
      { column: 'Order Date', grain: 'week' },
      { column: 'Year', grain: 'year' },
    ]);
  });

  it('refuses a grain on a column that is not time', () => {
    expectRejected(
      planOf({ measures: [revenue], dimensions: [{ column: 'Region', grain: 'month' }] }),
      'WRONG_COLUMN_KIND',
      /^"Region" holds categories, not dates, so it cannot be grouped by month\.$/,
    );
    expectRejected(
      planOf({ measures: [revenue], dimensions: [{ column: 'Quantity', grain: 'year' }] }),
      'WRONG_COLUMN_KIND',
      /"Quantity" holds whole numbers/,
    );
  });

  it("counts a ratio's periods only of a date column, and only as a distinct count", () => {
    const per = (column: string, aggregation: string) => ({
      ...revenue,
      per: { column, aggregation, grain: 'month' },
    });
    const plan = validatePlan(planOf({ measures: [per('Order Date', 'count_distinct')] }), ORDERS);
    expect(plan.measures[0]?.per).toEqual({ column: 'Order Date', aggregation: 'count_distinct', grain: 'month' });
    expectRejected(planOf({ measures: [per('Region', 'count_distinct')] }), 'INVALID_PLAN', /periods of a date/);
    expectRejected(planOf({ measures: [per('Order Date', 'count')] }), 'INVALID_PLAN', /periods of a date/);
  });

  it('refuses a grain finer than a year on a year column', () => {
    expectRejected(
      planOf({ measures: [revenue], dimensions: [{ column: 'Year', grain: 'month' }] }),
      'WRONG_COLUMN_KIND',
      /^"Year" holds years, so it can be grouped by year but not by month\.$/,
    );
  });
});

describe('validatePlan: plan kinds', () => {
  it('needs two numeric columns for a relationship without groups', () => {
    expectRejected(
      planOf({ kind: 'relationship', measures: [revenue] }),
      'INVALID_PLAN',
      /exactly two measures \(x, then y\); this plan has 1\./,
    );
    expectRejected(
      planOf({ kind: 'relationship', measures: [revenue, { column: 'Region', aggregation: 'sum' }] }),
      'WRONG_COLUMN_KIND',
      /^A relationship needs columns of numbers; "Region" holds categories\.$/,
    );
    expectRejected(
      planOf({ kind: 'relationship', measures: [revenue, { column: null, aggregation: 'count' }] }),
      'INVALID_PLAN',
      /not a count of rows/,
    );
  });

  it('takes aggregated measures for a relationship per group, but not dates', () => {
    const measures = [revenue, { column: null, aggregation: 'count' }];
    expect(() =>
      validatePlan(planOf({ kind: 'relationship', measures, dimensions: [{ column: 'Region' }] }), ORDERS),
    ).not.toThrow();
    expectRejected(
      planOf({
        kind: 'relationship',
        measures: [revenue, { column: 'Order Date', aggregation: 'max' }],
        dimensions: [{ column: 'Region' }],
      }),
      'WRONG_COLUMN_KIND',
      /the maximum of "Order Date" is a date/,
    );
  });

  it('needs one numeric column for a distribution, per row or per group of one dimension', () => {
    expectRejected(
      planOf({ kind: 'distribution', measures: [revenue, revenue] }),
      'INVALID_PLAN',
      /exactly one measure/,
    );
    expectRejected(
      planOf({ kind: 'distribution', measures: [{ column: 'Order Date', aggregation: 'count' }] }),
      'WRONG_COLUMN_KIND',
      /"Order Date" holds dates/,
    );
    expectRejected(
      planOf({ kind: 'distribution', measures: [revenue], dimensions: [{ column: 'Region' }, { column: 'Region' }] }),
      'INVALID_PLAN',
      /drop the other dimensions/,
    );
    expect(
      validatePlan(planOf({ kind: 'distribution', measures: [revenue], dimensions: [{ column: 'Region' }] }), ORDERS)
        .dimensions,
    ).toEqual([{ column: 'Region' }]);
  });

  it('needs a sum or a count for a share, and ignores share outside aggregates', () => {
    expectRejected(
      planOf({
        measures: [{ column: 'Revenue', aggregation: 'avg' }],
        dimensions: [{ column: 'Region' }],
        share: true,
      }),
      'INVALID_PLAN',
      /A share of the total needs a sum or a count/,
    );
    const plan = validatePlan(planOf({ kind: 'distribution', measures: [revenue], share: true }), ORDERS);
    expect(plan.share).toBe(false);
  });
});
