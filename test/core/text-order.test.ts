import { compareText } from '../../core/text-order';

describe('ordering text without a locale', () => {
  it('puts words in alphabetical order whatever their case', () => {
    expect(['cherry', 'Banana', 'apple', 'banana'].sort(compareText)).toEqual(['apple', 'Banana', 'banana', 'cherry']);
  });

  it('orders ISO dates and times by time', () => {
    const times = ['2024-03-01T10:00:00Z', '2023-12-31', '2024-03-01T09:30:00Z', '2024-01-15'];
    expect([...times].sort(compareText)).toEqual([
      '2023-12-31',
      '2024-01-15',
      '2024-03-01T09:30:00Z',
      '2024-03-01T10:00:00Z',
    ]);
  });

  it('is a total order: only the same text compares equal', () => {
    expect(compareText('East', 'east')).not.toBe(0);
    expect(Math.sign(compareText('East', 'east'))).toBe(-Math.sign(compareText('east', 'East')));
    expect(compareText('North', 'North')).toBe(0);
  });
});
