import type { CategoricalSpec } from '../../charts';
import { categoryLabels, formatTickValues, truncateLabel } from '../../charts/axis-labels';
import { charsThatFit, wrapText } from '../../charts/text-fit';

describe('truncateLabel', () => {
  test.each<[string, number, string]>([
    ['Phones', 12, 'Phones'],
    ['Office Supplies and Furniture', 12, 'Office Supp…'],
    ['Tables and conference furniture', 26, 'Tables and conference fur…'],
    ['exactly twelve', 14, 'exactly twelve'],
    ['Zürich–Genève Ost', 8, 'Zürich–…'],
  ])('%p at %p → %p', (label, max, expected) => {
    expect(truncateLabel(label, max)).toBe(expected);
  });
});

describe('formatTickValues', () => {
  test.each<[number[], string[]]>([
    [
      [0, 200000, 400000, 600000],
      ['$0', '$200K', '$400K', '$600K'],
    ],
    [
      [1200000, 1250000, 1300000],
      ['$1.2M', '$1.25M', '$1.3M'],
    ],
    [
      [0, 0.5, 1, 1.5, 2],
      ['$0', '$0.50', '$1', '$1.50', '$2'],
    ],
  ])('USD ticks %j → %j', (values, expected) => {
    expect(formatTickValues(values, { kind: 'currency', code: 'USD' })).toEqual(expected);
  });

  test('percent ticks step by a tenth of a percent', () => {
    expect(formatTickValues([0.121, 0.122, 0.123], { kind: 'percent' })).toEqual(['12.1%', '12.2%', '12.3%']);
    expect(formatTickValues([0.1, 0.1005, 0.101], { kind: 'percent' })).toEqual(['10%', '10.05%', '10.1%']);
  });

  test('plain counts', () => {
    expect(formatTickValues([0, 500, 1000, 1500, 2000])).toEqual(['0', '500', '1K', '1.5K', '2K']);
  });
});

describe('wrapText', () => {
  test.each<[string, number, number, string[]]>([
    ['Sales by region', 40, 2, ['Sales by region']],
    ['Revenue by region and month', 12, 2, ['Revenue by', 'region and…']],
    ['Revenue by region and month', 12, 3, ['Revenue by', 'region and', 'month']],
    ['Supercalifragilistic', 10, 1, ['Supercali…']],
    ['', 10, 2, []],
  ])('%p in %p chars, %p lines → %j', (text, maxChars, maxLines, expected) => {
    expect(wrapText(text, maxChars, maxLines)).toEqual(expected);
  });

  test('an 800 px title line holds about fifty bold characters at 22 px', () => {
    expect(charsThatFit(754, 22, 'bold')).toBe(53);
  });
});

describe('categoryLabels', () => {
  const spec = (x: CategoricalSpec['x'], labels: string[]): CategoricalSpec => ({
    kind: 'bar',
    title: '',
    x,
    y: { title: '' },
    labels,
    series: [{ name: 's', values: labels.map(() => 1) }],
  });

  test.each<[CategoricalSpec['x'], string[], string[]]>([
    [{ title: '', scale: 'time', grain: 'month' }, ['2016-01-01', '2016-02-01'], ['Jan 2016', 'Feb 2016']],
    [{ title: '', scale: 'time', grain: 'week' }, ['2016-03-07'], ['Mar 7, 2016']],
    [{ title: '', scale: 'time' }, ['2016-03-07T10:00:00Z'], ['2016-03-07']],
    [{ title: '', scale: 'linear' }, ['2016', '2017'], ['2016', '2017']],
    [{ title: '', scale: 'linear', unit: { kind: 'percent' } }, ['0.1', '0.25', 'n/a'], ['10%', '25%', 'n/a']],
    [{ title: '', scale: 'category' }, ['Tables and conference furniture'], ['Tables and confer…']],
  ])('%j %j → %j', (x, labels, expected) => {
    expect(categoryLabels(spec(x, labels), 18)).toEqual(expected);
  });
});
