import { describeFilters, scopeClause, scopeList } from '../../../workers/answer/filter-words';
import type { Filter } from '../../../workers/plan/analysis-plan';
import { superstoreMeta as meta } from './answer-fixtures';

function period(from?: string, to?: string): string {
  return scopeList(describeFilters([{ op: 'range', column: 'Order Date', from, to }], meta));
}

describe('describeFilters', () => {
  test.each([
    ['2016-01-01', '2017-01-01', '2016'],
    ['2014-01-01', '2017-01-01', '2014\u20132016'],
    ['2017-07-01', '2017-10-01', 'Q3 2017'],
    ['2016-03-01', '2016-04-01', 'Mar 2016'],
    ['2016-03-05', '2016-03-06', '2016-03-05'],
    ['2016-03-05', '2016-04-10', '2016-03-05 to 2016-04-09'],
    ['2016-02-01', '2016-05-01', '2016-02-01 to 2016-04-30'],
  ])('names the period from %s to %s (exclusive) as %s', (from, to, expected) => {
    expect(period(from, to)).toBe(expected);
  });

  test('names open time ranges', () => {
    expect(period('2016-03-05')).toBe('since 2016-03-05');
    expect(period(undefined, '2016-03-05')).toBe('before 2016-03-05');
  });

  test('lists values, counting those past three', () => {
    const filters: Filter[] = [
      { op: 'in', column: 'Region', values: ['West', 'East'] },
      { op: 'not_in', column: 'Category', values: ['Furniture'] },
      { op: 'in', column: 'Sub-Category', values: ['Art', 'Paper', 'Labels', 'Binders', 'Storage'] },
    ];
    const scope = describeFilters(filters, meta);
    expect(scope.conditions).toEqual([
      'Region = West or East',
      'Category \u2260 Furniture',
      'Sub-Category = Art, Paper, Labels or 2 more',
    ]);
    expect(scope.numbers).toEqual([2]);
  });

  test('prints number bounds in the column unit, the upper one exclusive', () => {
    const scope = describeFilters([{ op: 'range', column: 'Sales', from: 100, to: 25000 }], meta);
    expect(scope).toEqual({ conditions: ['$100 \u2264 Sales < $25K'], periods: [], numbers: [100, 25000] });
  });

  test('reads as a clause after a noun', () => {
    const filters: Filter[] = [
      { op: 'in', column: 'Region', values: ['West'] },
      { op: 'range', column: 'Order Date', from: '2016-01-01', to: '2017-01-01' },
    ];
    expect(scopeClause(describeFilters(filters, meta))).toBe(' where Region = West in 2016');
    expect(scopeClause(describeFilters(filters.slice(1), meta))).toBe(' in 2016');
    expect(scopeClause(describeFilters([], meta))).toBe('');
  });

  test('skips a range open at both ends', () => {
    expect(scopeList(describeFilters([{ op: 'range', column: 'Sales' }], meta))).toBe('');
  });
});
