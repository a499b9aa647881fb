import { fitsDoughnut, fitTrend, foldSeries, MAX_SERIES, prefersHorizontal, type Series } from '../../charts';

describe('foldSeries', () => {
  const series = (name: string, values: (number | null)[]): Series => ({ name, values });

  test('keeps up to eight series as they are', () => {
    const eight = Array.from({ length: MAX_SERIES }, (_, i) => series(`s${i}`, [i]));
    expect(foldSeries(eight)).toEqual(eight);
  });

  test('keeps the seven largest in their order and sums the rest into Other', () => {
    // s0 is the smallest, so it folds; the others keep their given order.
    const ten = Array.from({ length: 10 }, (_, i) => series(`s${i}`, [i, 1]));
    const folded = foldSeries(ten);
    expect(folded.map((s) => s.name)).toEqual(['s3', 's4', 's5', 's6', 's7', 's8', 's9', 'Other']);
    expect(folded[7]).toEqual({ name: 'Other', values: [0 + 1 + 2, 3] });
  });

  test('ranks by absolute size, so large losses stay visible', () => {
    const folded = foldSeries([series('loss', [-100]), series('a', [1]), series('b', [2]), series('c', [3])], 3);
    expect(folded.map((s) => s.name)).toEqual(['loss', 'c', 'Other']);
    expect(folded[2]?.values).toEqual([3]);
  });

  test('a label where every folded series is null stays null', () => {
    const folded = foldSeries([series('a', [5, 5]), series('b', [null, 1]), series('c', [null, 2])], 2);
    expect(folded).toEqual([series('a', [5, 5]), series('Other', [null, 3])]);
  });

  test('an existing Other series joins the folded sum instead of appearing twice', () => {
    const folded = foldSeries([series('Other', [10]), series('a', [50]), series('b', [40]), series('c', [1])], 3);
    expect(folded).toEqual([series('a', [50]), series('b', [40]), series('Other', [11])]);
  });
});

describe('prefersHorizontal', () => {
  test.each<[string[], boolean]>([
    [['East', 'West', 'North', 'South'], false],
    [['Q1', 'Q2', 'Q3', 'Q4'], false],
    [['Standard Class', 'Same Day'], true],
    [Array.from({ length: 12 }, (_, i) => `Item ${i}`), false],
    [Array.from({ length: 14 }, (_, i) => `Product ${i}`), true],
    [[], false],
  ])('%j → %p', (labels, expected) => {
    expect(prefersHorizontal(labels)).toBe(expected);
  });
});

describe('fitsDoughnut', () => {
  const labels = (n: number) => Array.from({ length: n }, (_, i) => `part ${i}`);
  const one = (values: (number | null)[]): Series[] => [{ name: 'Sales', values }];

  test.each<[string, string[], Series[], boolean]>([
    ['six parts', labels(6), one([1, 2, 3, 4, 5, 6]), true],
    ['seven parts', labels(7), one([1, 2, 3, 4, 5, 6, 7]), false],
    ['a single part', labels(1), one([1]), false],
    ['a negative part', labels(3), one([5, -1, 3]), false],
    ['a zero total', labels(2), one([0, null]), false],
    ['a missing part among positive ones', labels(3), one([5, null, 3]), true],
    ['two series', labels(2), [...one([1, 2]), { name: 'Profit', values: [1, 2] }], false],
    ['no series', labels(2), [], false],
  ])('%s → %p', (_, partLabels, series, expected) => {
    expect(fitsDoughnut(partLabels, series)).toBe(expected);
  });
});

describe('fitTrend', () => {
  test('a perfect line', () => {
    expect(
      fitTrend([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ]),
    ).toEqual({ slope: 2, intercept: 1, r: 1 });
  });

  test('a noisy falling cloud', () => {
    const trend = fitTrend([
      { x: 1, y: 10 },
      { x: 2, y: 7 },
      { x: 3, y: 8 },
      { x: 4, y: 4 },
    ]);
    expect(trend?.slope).toBeCloseTo(-1.7, 10);
    expect(trend?.intercept).toBeCloseTo(11.5, 10);
    expect(trend?.r).toBeCloseTo(-0.8779, 4);
  });

  test('flat y has no correlation', () => {
    expect(
      fitTrend([
        { x: 1, y: 2 },
        { x: 2, y: 2 },
      ]),
    ).toEqual({ slope: 0, intercept: 2, r: 0 });
  });

  test.each([
    ['no points', []],
    ['one point', [{ x: 1, y: 1 }]],
    [
      'a vertical cloud',
      [
        { x: 1, y: 1 },
        { x: 1, y: 5 },
      ],
    ],
  ])('%s has no line', (_, points) => {
    expect(fitTrend(points)).toBeNull();
  });
});
