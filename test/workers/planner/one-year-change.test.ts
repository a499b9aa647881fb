import { closeDatabase } from '../../../workers/engine/duckdb';
import { planQuestion } from '../../../workers/planner/offline-planner';
import { loadVocabulary, type Vocabulary } from '../../../workers/planner/vocabulary';
import { loadText, type Loaded } from '../../support/ingest';

// Found by the new-user trial: on a year of data, "which region had the biggest drop" showed a table of dashes
// and "0 of 0 Region values rose from 2023 to 2024".
function oneYearCsv(): string {
  const lines = ['Date,Region,Amount'];
  for (let i = 0; i < 120; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(`2024-${month}-${String((i % 27) + 1).padStart(2, '0')},${['East', 'West', 'North'][i % 3]},${100 + i}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('a change between years on a year of data', () => {
  let data: Loaded;
  let vocabulary: Vocabulary;
  beforeAll(async () => {
    data = await loadText('one-year.csv', oneYearCsv());
    vocabulary = await loadVocabulary(data.connection, data.meta, data.table);
  });
  afterAll(() => closeDatabase(data.connection));

  it.each(['which region had the biggest drop in amount', 'amount change by region'])(
    'is declined for "%s", saying the dates are all in one year',
    (question) => {
      const outcome = planQuestion(question, { meta: data.meta, vocabulary });
      expect(outcome).toMatchObject({ kind: 'not-understood' });
      if (outcome.kind === 'not-understood') {
        expect(outcome.reason).toBe("The data's dates all fall in 2024, so there is no earlier year to compare with.");
      }
    },
  );

  it('still answers a change between months', () => {
    const outcome = planQuestion('monthly change in amount', { meta: data.meta, vocabulary });
    expect(outcome.kind).toBe('plan');
  });
});
