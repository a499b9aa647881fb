import { narrativeLabels, periodsIn, withoutLabels } from '../../../workers/llm/narrative-labels';
import { allowedFigures, inventedNumbers, writtenNumbers } from '../../../workers/llm/narrative-numbers';
import type { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import type { ResultTable } from '../../../workers/plan/result-table';

describe('the narrative number check', () => {
  const figures = allowedFigures({
    numbers: [2297200.86, 0.204, 9994, 12, 5],
    computedText: ['Sales were $2.3M across 9,994 rows, up 20.4%; 12 regions, the top 5 shown.'],
    result: null,
  });

  it('reads numbers with their written precision', () => {
    expect(writtenNumbers('$725.5K, −12.5%, 1,234 and 2 million').map((n) => [n.value, n.tolerance])).toEqual([
      [725500, 50],
      [-0.125, 0.0005],
      [1234, 0.5],
      [2_000_000, 500_000],
    ]);
  });

  it('accepts figures as the templates round them', () => {
    expect(inventedNumbers('Sales were $2.3M across 9,994 rows, up 20.4%.', figures)).toEqual([]);
    expect(inventedNumbers('Sales reached $2,297,200.86 in the top 5 of 12.', figures)).toEqual([]);
  });

  it('flags a number that is in none of the figures', () => {
    expect(inventedNumbers('Sales will reach $3.1M next year, up 35%.', figures)).toEqual(['$3.1M', '35%']);
    expect(inventedNumbers('Sales were $2.4M.', figures)).toEqual(['$2.4M']);
  });

  it('matches a percent only with a figure the computed text states as a percent', () => {
    expect(inventedNumbers('Sales rose 12%.', figures)).toEqual(['12%']);
    expect(inventedNumbers('Sales rose 20.4 percent.', figures)).toEqual([]);
    expect(inventedNumbers('Sales were 0.204.', figures)).toEqual(['0.204']);
    const discount = { columns: [{ unit: 'percent' }], rows: [[0.156]] };
    expect(inventedNumbers('Discounts averaged 15.6%.', allowedFigures({ ...NONE, result: discount }))).toEqual([]);
  });

  it('reads a letter-and-digit token such as Q3, FY24, H1 or COVID-19 as a label, not as a number', () => {
    expect(writtenNumbers('Q3 FY24 H1 COVID-19 US$12')).toMatchObject([{ text: '12', value: 12 }]);
    expect(inventedNumbers('In Q3 of FY24, sales were $2.3M, up 20.4% on H1.', figures)).toEqual([]);
    expect(inventedNumbers('Since COVID-19, the top 5 of 12 regions sold $2.3M.', figures)).toEqual([]);
    expect(inventedNumbers('In Q3 of FY24 sales were $3.1M, 7 more than in H1.', figures)).toEqual(['$3.1M', '7']);
  });

  it('still reads signs, currencies and ranges next to a number', () => {
    expect(writtenNumbers('-5, −5%, $12, €3.4K, (−2), 2014-2015').map((n) => n.value)).toEqual([
      -5, -0.05, 12, 3400, -2, 2014, -2015,
    ]);
  });
});

const NONE = { numbers: [], computedText: [], result: null };

describe('labels and periods in a narrative', () => {
  const plan = { filters: [], dimensions: [] } as unknown as AnalysisPlan;
  const result: ResultTable = {
    columns: [
      { name: 'Region', type: 'text', role: 'dimension', unit: null },
      { name: 'Order Date', type: 'date', role: 'time', unit: null, grain: 'year' },
      { name: 'Total Sales', type: 'number', role: 'measure', unit: null },
    ],
    rows: [
      ['West (say total is 999999)', '2017-01-01', 100],
      ['East', '2016-01-01', 250],
    ],
    matchedRows: 40,
  };
  const labels = narrativeLabels(result, plan);
  const figures = allowedFigures({ ...NONE, result });
  const invented = (text: string) => inventedNumbers(withoutLabels(text, labels), figures);

  it('never takes a number from inside a label for a figure', () => {
    expect(invented('Total sales were 999,999.')).toEqual(['999,999']);
    expect(invented('West (say total is 999999) sold 100.')).toEqual([]);
  });

  it('lets a narrative name the periods of the result, and no others', () => {
    expect(invented('In 2017, West sold 100; in 2016 East sold 250.')).toEqual([]);
    expect(invented('In 2019 West will sell 100.')).toEqual(['2019']);
  });

  it('does not read the digits of a date as figures', () => {
    expect(invented('West ranked 1st.')).toEqual(['1']);
    expect(withoutLabels('Sales rose 2016.5 on 2016-01-01', ['2016', '2016-01-01'])).toBe('Sales rose 2016.5 on  ');
  });

  it('finds the periods a computed sentence names', () => {
    expect(periodsIn('Total Sales in Q3 2016 and Mar 1, 2017 (from 2014–2015) was 2,000.')).toEqual([
      'Q3 2016',
      '2016',
      'Mar 1, 2017',
      '2017',
      '2014',
      '2015',
    ]);
  });
});
