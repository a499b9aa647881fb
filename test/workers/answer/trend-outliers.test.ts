import { outliersOf, trendOutliersOf } from '../../../workers/answer/series-stats';

describe('outliers in time are judged against the trend', () => {
  // Three years of 10% monthly growth: the last months are far above the median level, but on trend.
  const rising = Array.from({ length: 36 }, (_, i) => 10 * 1.1 ** i);

  it('finds none in a steady rise, where the level alone would flag its end', () => {
    expect(outliersOf(rising).indexes.length).toBeGreaterThan(0);
    expect(trendOutliersOf(rising).indexes).toEqual([]);
  });

  it('still finds a spike on top of the rise', () => {
    const spiked = rising.map((v, i) => (i === 15 ? v * 6 : v));
    expect(trendOutliersOf(spiked).indexes).toEqual([15]);
  });
});
