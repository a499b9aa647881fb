import { isRateColumn, showsAsPercent } from '../../../workers/plan/rate-columns';
import { loadText } from '../../support/ingest';

// Found by the new-user trial: one growth of 1.5 (150%) turned "total growth" from an average into a sum of rates.
describe('rate columns', () => {
  it('reads a growth or a ratio as a rate whatever its values, and shows only fractions as percentages', async () => {
    const data = await loadText(
      'growth-rates.csv',
      'region,sales,growth,ratio,margin,discount\nN,100,0.1,2.5,300,0.1\nS,200,-0.05,1.5,120,0.2\nE,300,0.2,0.5,90,0\nW,400,1.5,3,40,0.3\n',
    );
    expect(isRateColumn(data.column('growth'))).toBe(true);
    expect(isRateColumn(data.column('ratio'))).toBe(true);
    expect(showsAsPercent(data.column('growth'))).toBe(false);
    // A margin of 300 may be money, a discount of 0.1–0.3 is a fraction.
    expect(isRateColumn(data.column('margin'))).toBe(false);
    expect(isRateColumn(data.column('discount'))).toBe(true);
    expect(showsAsPercent(data.column('discount'))).toBe(true);
    expect(isRateColumn(data.column('sales'))).toBe(false);
  });
});
