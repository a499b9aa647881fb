import { compilePlan } from '../../../workers/plan/compile-plan';
import { validatePlan } from '../../../workers/plan/validate-plan';
import { ORDERS, planOf } from './meta-fixture';

const compile = (parts: Record<string, unknown>) => compilePlan(validatePlan(planOf(parts), ORDERS), ORDERS, 'dataset');

describe('compilePlan: values never enter the SQL', () => {
  const hostile = `West'; DROP TABLE dataset; --`;

  it.each([
    ['a filter value', { filters: [{ op: 'in', column: 'Region', values: [hostile] }] }],
    ['an excluded value', { filters: [{ op: 'not_in', column: 'Region', values: [hostile] }] }],
    [
      'a comparison value and label',
      {
        comparison: {
          column: 'Region',
          sides: [
            { label: hostile, values: [hostile] },
            { label: 'East', values: ['East'] },
          ],
        },
      },
    ],
  ])('binds %s', (_what, parts) => {
    const { sql, params } = compile({ measures: [{ column: 'Revenue', aggregation: 'sum' }], ...parts });
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain("'; ");
    expect(Object.values(params)).toContain(hostile);
  });

  it('binds bounds and limits', () => {
    const { sql, params } = compile({
      measures: [{ column: 'Revenue', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
      filters: [
        { op: 'range', column: 'Order Date', from: '2016-01-01', to: '2017-01-01' },
        { op: 'range', column: 'Quantity', from: 12345 },
      ],
      limit: 7,
    });
    // A top 7 by the measure fetches an eighth group, to tell whether the cut goes through a tie.
    for (const value of ['2016-01-01', '2017-01-01', '12345', '8']) expect(sql).not.toContain(value);
    expect(Object.values(params)).toEqual(expect.arrayContaining(['2016-01-01', '2017-01-01', 12345, 8]));
  });

  it('quotes every identifier, doubling quotes inside names', () => {
    const { sql } = compile({
      measures: [{ column: 'Revenue', aggregation: 'sum' }],
      dimensions: [{ column: 'We"ird' }],
    });
    expect(sql).toContain('"We""ird" AS g0');
    expect(sql).toContain('FROM "dataset"');
  });

  it('gives the same SQL and parameters for the same plan', () => {
    const parts = {
      measures: [{ column: 'Revenue', aggregation: 'sum' }],
      filters: [{ op: 'in', column: 'Region', values: ['West'] }],
    };
    expect(compile(parts)).toEqual(compile(parts));
  });
});

describe('compilePlan: result columns', () => {
  it('names measures for people and keeps the aggregation as the source', () => {
    const measures = [
      ['sum', 'Revenue', 'Total Revenue', 'USD'],
      ['avg', 'Revenue Share', 'Average Revenue Share', 'percent'],
      ['median', 'Revenue', 'Median Revenue', 'USD'],
      ['min', 'Revenue', 'Min Revenue', 'USD'],
      ['max', 'Order Date', 'Max Order Date', null],
      ['count', null, 'Count', null],
      ['count', 'Region', 'Count of Region', null],
      ['count_distinct', 'Customer ID', 'Distinct Customer ID', null],
    ] as const;
    for (const [aggregation, column, name, unit] of measures) {
      const { columns } = compile({ measures: [{ column, aggregation }] });
      expect(columns).toEqual([
        expect.objectContaining({ name, unit, role: 'measure', source: { column, aggregation } }),
      ]);
    }
  });

  it('types a min or max of dates as a date', () => {
    const { columns } = compile({
      measures: [
        { column: 'Order Date', aggregation: 'min' },
        { column: 'Shipped At', aggregation: 'max' },
      ],
    });
    expect(columns.map((c) => c.type)).toEqual(['date', 'datetime']);
  });

  it('describes time groups with their grain', () => {
    const { columns } = compile({
      measures: [{ column: 'Revenue', aggregation: 'sum' }],
      dimensions: [
        { column: 'Order Date', grain: 'month' },
        { column: 'Year', grain: 'year' },
      ],
    });
    expect(columns.slice(0, 2)).toEqual([
      { name: 'Order Date', type: 'date', role: 'time', unit: null, grain: 'month' },
      { name: 'Year', type: 'number', role: 'time', unit: null, grain: 'year' },
    ]);
  });

  it('adds a share in percent after the measures', () => {
    const { columns } = compile({
      measures: [{ column: 'Revenue', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
      share: true,
    });
    expect(columns.map((c) => [c.name, c.unit])).toEqual([
      ['Region', null],
      ['Total Revenue', 'USD'],
      ['Share of Total Revenue', 'percent'],
    ]);
  });

  it('names a period comparison "Period" and a value comparison after its column', () => {
    const sides = (key: 'from' | 'values', a: unknown, b: unknown) => [
      { label: 'a', [key]: a },
      { label: 'b', [key]: b },
    ];
    const byPeriod = compile({
      measures: [{ column: null, aggregation: 'count' }],
      comparison: { column: 'Order Date', sides: sides('from', '2016', '2017') },
    });
    const byValue = compile({
      measures: [{ column: null, aggregation: 'count' }],
      comparison: { column: 'Region', sides: sides('values', ['West'], ['East']) },
    });
    expect(byPeriod.columns[0]).toEqual({ name: 'Period', type: 'text', role: 'dimension', unit: null });
    expect(byValue.columns[0]?.name).toBe('Region');
  });

  it('keeps names apart when a measure would repeat a column name', () => {
    const { columns, sql } = compile({
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'Count' }],
    });
    expect(columns.map((c) => c.name)).toEqual(['Count', 'Count (2)']);
    expect(sql).toContain('count(*) AS "Count (2)"');
  });
});
