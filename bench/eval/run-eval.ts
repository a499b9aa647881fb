import { answerQuestion } from '../../workers/analysis/answer-question';
import { closeDatabase, openDatabase, queryRows } from '../../workers/engine/duckdb';
import { ingestFile } from '../../workers/ingest/ingest-file';
import type { LanguageModel } from '../../workers/llm/language-model';
import type { AnalysisPlan } from '../../workers/plan/analysis-plan';
import { loadVocabulary } from '../../workers/planner/vocabulary';
import type { EvalCase, EvalDataset } from './eval-cases';
import { sameRows } from './row-match';

export type CaseKind = 'answer' | 'follow-up' | 'beyond plans' | 'decline';

export interface CaseResult {
  dataset: string;
  question: string;
  kind: CaseKind;
  correct: boolean;
  ms: number;
  planner: 'model' | 'offline' | null;
  method: 'plan' | 'sql' | null;
  /** The fallback note, when the model's part was not used. */
  note?: string;
  /** What went wrong, for the failure list. */
  detail?: string;
}

const LIMITS = { maxUploadBytes: 1 << 30, maxUnzippedBytes: 4 * 1024 ** 3 };

export function kindOf(testCase: EvalCase): CaseKind {
  if (testCase.decline) return 'decline';
  if (testCase.after) return 'follow-up';
  return testCase.beyondPlans ? 'beyond plans' : 'answer';
}

/**
 * Asks every question of every dataset, with the model when `llm` is given
 * (falling back as the worker does) or the offline planner alone, and checks
 * each answer against its hand-written SQL. A follow-up gets the plan this
 * same run produced for the question it follows.
 */
export async function runEval(datasets: readonly EvalDataset[], llm?: LanguageModel): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const dataset of datasets) {
    const connection = await openDatabase();
    try {
      const { table, meta } = await ingestFile(dataset.path, { connection, ...LIMITS });
      const vocabulary = await loadVocabulary(connection, meta, table);
      const plans = new Map<string, AnalysisPlan>();
      for (const testCase of dataset.cases) {
        const previous = testCase.after === undefined ? undefined : plans.get(testCase.after);
        const base = { dataset: dataset.name, question: testCase.question, kind: kindOf(testCase) };
        const started = performance.now();
        try {
          const outcome = await answerQuestion(testCase.question, {
            connection,
            table,
            meta,
            vocabulary,
            previous,
            llm,
          });
          const ms = performance.now() - started;
          const common = { ...base, ms, planner: outcome.planner, note: outcome.note };
          if (outcome.kind === 'not-understood') {
            const correct = testCase.decline === true;
            results.push({ ...common, method: null, correct, detail: correct ? undefined : outcome.reason });
            continue;
          }
          if (outcome.method === 'plan') plans.set(testCase.question, outcome.plan);
          const expected = testCase.sql === undefined ? null : await queryRows(connection, testCase.sql);
          const correct = expected !== null && sameRows(outcome.result.rows, expected.map(Object.values));
          const detail = correct ? undefined : testCase.decline ? 'answered a question to decline' : 'wrong rows';
          results.push({ ...common, method: outcome.method, correct, detail });
        } catch (error) {
          const ms = performance.now() - started;
          const detail = (error as Error).message.split('\n')[0];
          results.push({ ...base, ms, planner: null, method: null, correct: false, detail });
        }
      }
    } finally {
      closeDatabase(connection);
    }
  }
  return results;
}
