import { allowedFigures, inventedNumbers, writtenNumbers } from '../../../workers/llm/narrative-numbers';

describe('the narrative number check', () => {
  const figures = allowedFigures([2297200.86, 0.204, 9994], ['West', '2017-10-01'], ['Sales by region, top 5']);

  it('reads numbers with their written precision', () => {
    expect(writtenNumbers('$725.5K, −12.5%, 1,234 and 2 million').map((n) => [n.value, n.tolerance])).toEqual([
      [725500, 50],
      [-0.125, 0.0005],
      [1234, 0.5],
      [2_000_000, 500_000],
    ]);
  });

  it('accepts figures as the templates round them, and the numbers in labels and titles', () => {
    expect(inventedNumbers('Sales were $2.3M across 9,994 rows, up 20.4%.', figures)).toEqual([]);
    expect(inventedNumbers('Sales reached $2,297,200.86 in the top 5 by Q4 2017.', figures)).toEqual([]);
  });

  it('flags a number that is in none of the figures', () => {
    expect(inventedNumbers('Sales will reach $3.1M next year, up 35%.', figures)).toEqual(['$3.1M', '35%']);
    expect(inventedNumbers('Sales were $2.4M.', figures)).toEqual(['$2.4M']);
  });
});
