import type { PlanErrorCode } from '../../../workers/plan/plan-errors';
import { validatePlan } from '../../../workers/plan/validate-plan';
import { ORDERS, planOf } from './meta-fixture';
import { expectRejected } from './rejections';

const revenue = { column: 'Revenue', aggregation: 'sum' };

describe('validatePlan: filters', () => {
  const withFilter = (filter: Record<string, unknown>) => planOf({ measures: [revenue], filters: [filter] });

  it('puts values in their column form', () => {
    const plan = validatePlan(
      planOf({
        measures: [revenue],
        filters: [
          { op: 'in', column: 'Quantity', values: ['3', 4] },
          { op: 'not_in', column: 'Region', values: [10024] },
          { op: 'in', column: 'Returned', values: ['yes'] },
          { op: 'range', column: 'Order Date', from: '2016', to: '2016-07' },
          { op: 'range', column: 'Shipped At', from: '2016-01-01T08:30', to: '2016-01-02T00:00:00Z' },
          { op: 'range', column: 'Year', from: '2015', to: 2017 },
        ],
      }),
      ORDERS,
    );
    expect(plan.filters).toEqual([
      { op: 'in', column: 'Quantity', values: [3, 4] },
      { op: 'not_in', column: 'Region', values: ['10024'] },
      { op: 'in', column: 'Returned', values: [true] },
      { op: 'range', column: 'Order Date', from: '2016-01-01', to: '2016-07-01' },
      { op: 'range', column: 'Shipped At', from: '2016-01-01T08:30:00', to: '2016-01-02T00:00:00' },
      { op: 'range', column: 'Year', from: 2015, to: 2017 },
    ]);
  });

  it.each([
    [
      { op: 'in', column: 'Quantity', values: ['three'] },
      'INVALID_VALUE',
      /^"three" cannot be compared with "Quantity", which holds whole numbers\.$/,
    ],
    [
      { op: 'range', column: 'Order Date', from: '2017-02-30' },
      'INVALID_VALUE',
      /holds dates\. Write dates as YYYY-MM-DD\.$/,
    ],
    [
      { op: 'range', column: 'Order Date', from: 'last year' },
      'INVALID_VALUE',
      /^"last year" cannot be compared with "Order Date"/,
    ],
    [
      { op: 'range', column: 'Year', from: '2016-07-01' },
      'INVALID_VALUE',
      /^"Year" holds years; give its bounds as years/,
    ],
    [
      { op: 'range', column: 'Region', from: 'A', to: 'M' },
      'WRONG_COLUMN_KIND',
      /^"Region" holds categories, which have no order/,
    ],
    [{ op: 'range', column: 'Revenue' }, 'INVALID_PLAN', /needs a from, a to, or both/],
    [
      { op: 'range', column: 'Order Date', from: '2017-01-01', to: '2016-01-01' },
      'INVALID_VALUE',
      /is empty: from is included, to is not/,
    ],
    [{ op: 'in', column: 'Returned', values: ['maybe'] }, 'INVALID_VALUE', /holds yes\/no values/],
  ])('refuses %j', (filter, code, message) => {
    expectRejected(withFilter(filter), code as PlanErrorCode, message);
  });
});

describe('validatePlan: comparisons', () => {
  const comparing = (column: string, sides: unknown[]) =>
    planOf({ measures: [revenue], comparison: { column, sides } });

  it('takes periods of a time column and values of a dimension', () => {
    const years = validatePlan(
      comparing('Order Date', [
        { label: '2016', from: '2016', to: '2017' },
        { label: 'H1 2017', from: '2017-01-01', to: '2017-07-01' },
      ]),
      ORDERS,
    );
    expect(years.comparison?.sides).toEqual([
      { label: '2016', from: '2016-01-01', to: '2017-01-01' },
      { label: 'H1 2017', from: '2017-01-01', to: '2017-07-01' },
    ]);
    const regions = validatePlan(
      comparing('region', [
        { label: 'West', values: ['West'] },
        { label: 'East', values: ['East'] },
      ]),
      ORDERS,
    );
    expect(regions.comparison?.column).toBe('Region');
  });

  it('needs a period or values on each side, not both', () => {
    expectRejected(
      comparing('Order Date', [{ label: 'a', from: '2016' }, { label: 'b' }]),
      'INVALID_PLAN',
      /^The comparison side "b" needs either a period \(from\/to\) or a list of values, not neither\.$/,
    );
    expectRejected(
      comparing('Order Date', [
        { label: 'a', from: '2016', values: ['2016-01-01'] },
        { label: 'b', from: '2017' },
      ]),
      'INVALID_PLAN',
      /not both/,
    );
  });

  it('needs distinct labels', () => {
    expectRejected(
      comparing('Region', [
        { label: 'x', values: ['West'] },
        { label: 'x', values: ['East'] },
      ]),
      'INVALID_PLAN',
      /both labelled "x"/,
    );
  });

  it('refuses a period of a column without order', () => {
    expectRejected(
      comparing('Region', [
        { label: 'a', from: 'A' },
        { label: 'b', from: 'M' },
      ]),
      'WRONG_COLUMN_KIND',
      /no order/,
    );
  });
});
