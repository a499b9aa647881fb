import { ChartError, formatDate, formatNumber, titleWithUnit, type TimeGrain, type Unit } from '../../charts';

const usd: Unit = { kind: 'currency', code: 'USD' };
const eur: Unit = { kind: 'currency', code: 'EUR' };
const gbp: Unit = { kind: 'currency', code: 'GBP' };
const jpy: Unit = { kind: 'currency', code: 'JPY' };
const chf: Unit = { kind: 'currency', code: 'CHF' };
const percent: Unit = { kind: 'percent' };
const number: Unit = { kind: 'number' };

describe('formatNumber', () => {
  test.each<[number, Unit | undefined, { compact?: boolean; digits?: number }, string]>([
    // compact K/M/B/T
    [1234567, usd, { compact: true }, '$1.2M'],
    [45300, undefined, { compact: true }, '45.3K'],
    [-45300, undefined, { compact: true }, '\u221245.3K'],
    // Past a thousand trillion, a power of ten (found by the new-user trial: "187,500,000,000T").
    [1.876e23, undefined, { compact: true }, '1.88e23'],
    [-2.5e20, usd, { compact: true }, '\u2212$2.5e20'],
    [2000, number, { compact: true }, '2K'],
    [450300, undefined, { compact: true }, '450K'],
    [999950, undefined, { compact: true }, '1M'],
    [1.5e9, undefined, { compact: true }, '1.5B'],
    [2.5e12, undefined, { compact: true }, '2.5T'],
    [1250000, undefined, { compact: true, digits: 2 }, '1.25M'],
    [950, usd, { compact: true }, '$950'],
    [12.5, usd, { compact: true }, '$12.50'],
    [1.2e6, chf, { compact: true }, 'CHF 1.2M'],
    // currency
    [12.5, usd, {}, '$12.50'],
    [12, usd, {}, '$12'],
    [1234.56, usd, {}, '$1,235'],
    [-1234.56, eur, {}, '\u2212€1,235'],
    [99.5, gbp, {}, '£99.50'],
    [1234.5, jpy, {}, '¥1,235'],
    [12.4, jpy, {}, '¥12'],
    [12, chf, {}, 'CHF 12'],
    [-12.5, chf, {}, '\u2212CHF 12.50'],
    // percent from fractions
    [0.125, percent, {}, '12.5%'],
    [0.5, percent, {}, '50%'],
    [0.0012, percent, {}, '0.12%'],
    [1.5, percent, {}, '150%'],
    [12.3456, percent, {}, '1,235%'],
    [-0.034, percent, {}, '\u22123.4%'],
    [-0.00001, percent, {}, '0%'],
    // plain numbers
    [1234567, undefined, {}, '1,234,567'],
    [1234.5, number, {}, '1,235'],
    [123.45, undefined, {}, '123.5'],
    [3.14159, undefined, {}, '3.14'],
    [0.0004567, undefined, {}, '0.000457'],
    [-0.4, undefined, {}, '\u22120.4'],
    [0, undefined, {}, '0'],
    [-0, undefined, {}, '0'],
    [Number.NaN, usd, {}, '\u2013'],
    [Number.POSITIVE_INFINITY, undefined, {}, '\u2013'],
  ])('%p %j %j → %s', (value, unit, options, expected) => {
    expect(formatNumber(value, unit, options)).toBe(expected);
  });
});

describe('formatDate', () => {
  test.each<[string, TimeGrain, boolean, string]>([
    ['2016-03-04', 'day', false, '2016-03-04'],
    ['2016-03-04T13:00:00', 'hour', false, 'Mar 4, 2016 13:00'],
    ['2016-03-04 13:00:00', 'hour', false, 'Mar 4, 2016 13:00'],
    ['2016-03-04T23:30:00-05:00', 'day', false, '2016-03-05'],
    ['2016-03-07', 'week', false, 'Week of Mar 7, 2016'],
    ['2016-03-07', 'week', true, 'Mar 7, 2016'],
    ['2016-03-01', 'month', false, 'Mar 2016'],
    ['2016-03', 'month', false, 'Mar 2016'],
    ['2017-08-15', 'quarter', false, 'Q3 2017'],
    ['2017-01-01', 'quarter', false, 'Q1 2017'],
    ['2016-12-31T23:59:59Z', 'year', false, '2016'],
    ['2016', 'year', false, '2016'],
  ])('%s at %s (compact %p) → %s', (iso, grain, compact, expected) => {
    expect(formatDate(iso, grain, { compact })).toBe(expected);
  });

  test.each(['yesterday', '2016-02-30', '2016-13-01', '2016-03-04T25:00', ''])('refuses %p', (iso) => {
    expect(() => formatDate(iso, 'day')).toThrow(ChartError);
    expect(() => formatDate(iso, 'day')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  test('calendar dates do not move with the server time zone', () => {
    const original = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatDate('2016-03-04', 'day')).toBe('2016-03-04');
      expect(formatDate('2016-01-01', 'year')).toBe('2016');
      expect(formatDate('2016-03-04T00:30:00', 'hour')).toBe('Mar 4, 2016 00:30');
    } finally {
      process.env.TZ = original;
    }
  });
});

describe('titleWithUnit', () => {
  test.each<[string, Unit | undefined, string]>([
    ['Sales', usd, 'Sales (USD)'],
    ['Share', percent, 'Share (%)'],
    ['Orders', number, 'Orders'],
    ['Orders', undefined, 'Orders'],
    ['Sales (USD)', usd, 'Sales (USD)'],
    ['', percent, '(%)'],
  ])('%p with %j → %p', (title, unit, expected) => {
    expect(titleWithUnit(title, unit)).toBe(expected);
  });
});
