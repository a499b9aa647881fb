import { chartSpecSchema } from '../../../charts';
import { buildAnswer } from '../../../workers/answer/answer';
import { computeInsights } from '../../../workers/answer/insights';
import { writeHeadline } from '../../../workers/answer/headline';
import {
  discountAgainstProfit,
  profitByRegion,
  salesHistogram,
  salesYearOnYear,
  spikySales,
  statesNumber,
  superstoreMeta as meta,
} from './answer-fixtures';

const cases = { spikySales, profitByRegion, salesYearOnYear, discountAgainstProfit, salesHistogram };

describe.each(Object.entries(cases))('buildAnswer(%s)', (_, make) => {
  const { plan, result } = make();
  const answer = buildAnswer(plan, result, meta);

  test('composes the headline, the insights and a valid chart', () => {
    expect(answer.headline).toBe(writeHeadline(plan, result, meta).text);
    expect(answer.insights).toEqual(computeInsights(plan, result, meta).map((insight) => insight.text));
    expect(answer.insights.length).toBeGreaterThan(0);
    expect(chartSpecSchema.safeParse(answer.chart).success).toBe(true);
  });

  test('lists every number the text states, once, and states each of them', () => {
    const text = [answer.headline, ...answer.insights].join(' ');
    expect(new Set(answer.insightNumbers).size).toBe(answer.insightNumbers.length);
    for (const value of answer.insightNumbers)
      expect({ value, stated: statesNumber(text, value) }).toEqual({ value, stated: true });
    const headlineNumbers = writeHeadline(plan, result, meta).numbers;
    expect(answer.insightNumbers).toEqual(expect.arrayContaining(headlineNumbers));
  });
});

test('an empty result answers with the headline alone', () => {
  const { plan, result } = profitByRegion();
  const filtered = { ...plan, filters: [{ op: 'in' as const, column: 'Region', values: ['Atlantis'] }] };
  expect(buildAnswer(filtered, { ...result, rows: [], matchedRows: 0 }, meta)).toEqual({
    headline: 'No rows match Region = Atlantis.',
    insights: [],
    insightNumbers: [],
    chart: null,
  });
});
