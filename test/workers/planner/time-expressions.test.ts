import { findTimeExpressions, type TimeExpression } from '../../../workers/planner/time-expressions';
import {
  isComplete,
  latestComplete,
  monthPeriod,
  quarterPeriod,
  yearPeriod,
  type DataRange,
} from '../../../workers/planner/time-periods';
import { tokenize } from '../../../workers/planner/question-tokens';

const SUPERSTORE: DataRange = { from: '2014-01-03', to: '2017-12-30', grain: 'day' };
const STOCKS: DataRange = { from: '2000-01-01', to: '2010-03-01', grain: 'month' };

function expressions(text: string, range = SUPERSTORE): TimeExpression[] {
  const tokens = tokenize(text);
  return findTimeExpressions(
    tokens,
    tokens.map(() => false),
    range,
  ).map((m) => m.expression);
}

describe('findTimeExpressions', () => {
  it.each([
    ['in 2016', { kind: 'period', period: { start: '2016-01-01', end: '2017-01-01', label: '2016' } }],
    ['Q3/2017', { kind: 'period', period: { start: '2017-07-01', label: 'Q3 2017' } }],
    ['first half of 2016', { kind: 'period', period: { start: '2016-01-01', end: '2016-07-01', label: 'H1 2016' } }],
    ['March 15, 2016', { kind: 'period', period: { start: '2016-03-15', end: '2016-03-16' } }],
    ['between March and June 2016', { kind: 'range', from: '2016-03-01', to: '2016-07-01' }],
    ['from Nov 2016 to Feb', { kind: 'range', from: '2016-11-01', to: '2017-03-01' }],
    ['2016-17', { kind: 'range', from: '2016-01-01', to: '2018-01-01' }],
    ['since March 2016', { kind: 'range', from: '2016-03-01', label: 'since Mar 2016' }],
    ['after 2015', { kind: 'range', from: '2016-01-01', label: 'after 2015' }],
    ['until 2015', { kind: 'range', to: '2016-01-01', label: 'through 2015' }],
    ['prior to 2015', { kind: 'range', to: '2015-01-01' }],
    ['year to date', { kind: 'range', from: '2017-01-01', to: '2017-12-31' }],
    ['the past 2 quarters', { kind: 'range', from: '2017-07-01', to: '2018-01-01' }],
    ['this month', { kind: 'period', period: { start: '2017-12-01' } }],
    ['month over month', { kind: 'grain', grain: 'month' }],
    ['over the years', { kind: 'grain', grain: 'year' }],
    ['by date', { kind: 'grain', grain: 'auto' }],
    ['in the 1990s', { kind: 'range', from: '1990-01-01', to: '2000-01-01', label: '1990–1999' }],
    ["in the 1980's", { kind: 'range', from: '1980-01-01', to: '1990-01-01' }],
    ['in the 1900s', { kind: 'range', from: '1900-01-01', to: '2000-01-01', label: '1900–1999' }],
    ['in the 2000s', { kind: 'range', from: '2000-01-01', to: '2010-01-01', label: '2000–2009' }],
  ])('"%s"', (text, expected) => {
    expect(expressions(text)).toMatchObject([expected]);
  });

  it('reads a year and a spaced "s" as no decade', () => {
    expect(expressions('1990 s')).toMatchObject([{ period: { label: '1990' } }]);
  });

  it('gives yearless periods the latest year in which all of them hold data', () => {
    expect(expressions('Q3 vs Q2', STOCKS)).toMatchObject([
      { period: { label: 'Q3 2009' } },
      { period: { label: 'Q2 2009' } },
    ]);
    expect(expressions('March vs April 2016')).toMatchObject([
      { period: { label: 'Mar 2016' } },
      { period: { label: 'Apr 2016' } },
    ]);
  });

  it('reads "may" as a month only where a month fits', () => {
    expect(expressions('may I see sales')).toEqual([]);
    expect(expressions('sales in May')).toMatchObject([{ period: { label: 'May 2017' } }]);
    expect(expressions('May 2016 sales')).toMatchObject([{ period: { label: 'May 2016' } }]);
  });

  it('leaves "last" alone when no period follows', () => {
    expect(expressions('last 5 customers')).toEqual([]);
  });

  it('keeps bare grain nouns apart from groupings', () => {
    expect(expressions('which month')).toEqual([{ kind: 'grain', grain: 'month', bare: true }]);
    expect(expressions('per month')).toEqual([{ kind: 'grain', grain: 'month' }]);
  });
});

describe('complete periods', () => {
  it('lets daily data stop a few days short of a long period', () => {
    expect(isComplete(yearPeriod(2017), SUPERSTORE)).toBe(true);
    expect(isComplete(quarterPeriod(2017, 4), SUPERSTORE)).toBe(true);
    expect(isComplete(monthPeriod(2017, 12), SUPERSTORE)).toBe(true);
    expect(isComplete(yearPeriod(2017), { ...SUPERSTORE, to: '2017-11-30' })).toBe(false);
  });

  it('needs the last step of coarse data', () => {
    expect(latestComplete('year', STOCKS).label).toBe('2009');
    expect(latestComplete('quarter', STOCKS).label).toBe('Q1 2010');
    expect(latestComplete('month', STOCKS).label).toBe('Mar 2010');
    expect(latestComplete('year', { from: '2001-01-01', to: '2017-01-01', grain: 'year' }).label).toBe('2017');
  });

  it('counts weeks from Monday', () => {
    expect(latestComplete('week', SUPERSTORE).label).toBe('week of 2017-12-18');
  });
});
