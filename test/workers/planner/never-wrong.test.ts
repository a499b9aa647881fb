import { KIND_DATASETS } from '../../../bench/eval/kind-cases';
import { QUESTION_KINDS, kindOf, type EvalCase } from '../../../bench/eval/eval-cases';
import { answersCase } from '../../../bench/eval/run-eval';
import { answerQuestion } from '../../../workers/analysis/answer-question';
import { loadVocabulary, type Vocabulary } from '../../../workers/planner/vocabulary';
import { load, type Loaded } from '../../support/ingest';

/**
 * The regression corpus: questions managers ask (ratios, changes, cycles,
 * rankings inside groups, "which", superlatives, numbers as written,
 * negation, typos…) over real files. Each must be answered with the rows of
 * its hand-written SQL, or declined; an answer to a neighbouring question
 * fails. A question that should be refused must be refused.
 */
describe('the offline planner answers right or declines, never otherwise', () => {
  it('holds at least 50 questions over at least 8 real files, of every kind', () => {
    const cases = KIND_DATASETS.flatMap((d) => d.cases);
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(KIND_DATASETS.map((d) => d.path)).size).toBeGreaterThanOrEqual(8);
    const kinds = new Set(cases.map(kindOf));
    expect(QUESTION_KINDS.filter((k) => k !== 'follow-up' && k !== 'plain' && !kinds.has(k))).toEqual([]);
  });

  describe.each(KIND_DATASETS.map((d) => [d.name, d] as const))('%s', (_name, dataset) => {
    let data: Loaded;
    let vocabulary: Vocabulary;
    beforeAll(async () => {
      data = await load(dataset.path);
      vocabulary = await loadVocabulary(data.connection, data.meta, data.table);
    });
    afterAll(() => data.connection.closeSync());

    it.each(dataset.cases.map((c) => [c.question, c] as const))('"%s"', async (_question, testCase: EvalCase) => {
      const outcome = await answerQuestion(testCase.question, {
        connection: data.connection,
        table: data.table,
        meta: data.meta,
        vocabulary,
      });
      if (testCase.decline) {
        expect(outcome.kind).toBe('not-understood');
        return;
      }
      if (outcome.kind === 'not-understood') {
        // A decline says what went wrong and offers questions that work.
        expect(outcome.reason.length).toBeGreaterThan(0);
        return;
      }
      const rows = JSON.stringify(outcome.result.rows.slice(0, 3), (_k, v: unknown) =>
        typeof v === 'bigint' ? Number(v) : v,
      );
      const right = await answersCase(data.connection, testCase, outcome.result.rows);
      if (!right) throw new Error(`answered "${outcome.plan.title}" with ${rows}`);
    });
  });
});
