import { groupThousands } from '../../core/thousands';

describe('groupThousands', () => {
  it('writes what en-US Intl writes, without Intl', () => {
    for (let n = 0; n < 100_000; n += 37) {
      const value = n * 1_013.25;
      expect(groupThousands(String(value))).toBe(value.toLocaleString('en-US', { maximumFractionDigits: 20 }));
    }
    expect(groupThousands('-1234567')).toBe('-1,234,567');
  });
});
