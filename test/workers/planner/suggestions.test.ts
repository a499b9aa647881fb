import { suggestQuestions } from '../../../workers/planner/suggestions';
import { loadVocabulary } from '../../../workers/planner/vocabulary';
import { loadText } from '../../support/ingest';
import { DATASET_FILES, expectPlan, plannerData, type DatasetName } from './planner-data';

describe('suggestQuestions', () => {
  it('suggests a trend, a ranking and a share for Superstore', async () => {
    const superstore = await plannerData('superstore');
    expect(suggestQuestions(superstore.meta, superstore.vocabulary)).toEqual([
      'Monthly Sales trend',
      'Top 5 Customer Name by Profit',
      'Share of Sales by Segment',
    ]);
  });

  it.each(Object.keys(DATASET_FILES) as DatasetName[])('offers three questions for %s that all plan', async (name) => {
    const data = await plannerData(name);
    const suggestions = suggestQuestions(data.meta, data.vocabulary);
    expect(suggestions).toHaveLength(3);
    expect(new Set(suggestions).size).toBe(3);
    for (const question of suggestions) expectPlan(data, question);
  });
});

describe('suggestQuestions on sparse tables', () => {
  it.each([
    ['codes only', 'Code\n' + Array.from({ length: 40 }, (_, i) => `AB-${1000 + i}`).join('\n')],
    ['one number', 'Amount\n' + Array.from({ length: 40 }, (_, i) => String(10 + i * 1.5)).join('\n')],
    [
      'dates only',
      'Day\n' + Array.from({ length: 40 }, (_, i) => `2020-01-${String((i % 28) + 1).padStart(2, '0')}`).join('\n'),
    ],
  ])('still offers three questions that plan (%s)', async (_, csv) => {
    const loaded = await loadText('sparse.csv', csv);
    const data = { meta: loaded.meta, vocabulary: await loadVocabulary(loaded.connection, loaded.meta, loaded.table) };
    const suggestions = suggestQuestions(data.meta, data.vocabulary);
    expect(suggestions).toHaveLength(3);
    for (const question of suggestions) expectPlan(data, question);
  });
});
