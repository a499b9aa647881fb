import { answerQuestion } from '../../workers/analysis/answer-question';
import { closeDatabase, openDatabase, queryRows } from '../../workers/engine/duckdb';
import { ingestFile } from '../../workers/ingest/ingest-file';
import type { LanguageModel } from '../../workers/llm/language-model';
import type { AnalysisPlan } from '../../workers/plan/analysis-plan';
import { loadVocabulary } from '../../workers/planner/vocabulary';
import { kindOf, type EvalCase, type EvalDataset, type QuestionKind } from './eval-cases';
import { firstRowHolds, rowsHoldCells, sameRows } from './row-match';

/** `declined` is honest; `wrong` is an answer other than the one asked for, or a question to decline answered. */
export type Verdict = 'correct' | 'declined' | 'wrong';

export interface CaseResult {
  dataset: string;
  question: string;
  kind: QuestionKind;
  verdict: Verdict;
  ms: number;
  planner: 'model' | 'offline' | null;
  method: 'plan' | 'sql' | null;
  /** The fallback note, when the model's part was not used. */
  note?: string;
  /** What went wrong, for the failure list. */
  detail?: string;
}

const LIMITS = { maxUploadBytes: 1 << 30, maxUnzippedBytes: 4 * 1024 ** 3 };

const MATCHERS = { rows: sameRows, cells: rowsHoldCells, first: firstRowHolds };

/** Whether an answer's rows are right for a case, as its `match` says. */
export async function answersCase(
  connection: Parameters<typeof queryRows>[0],
  testCase: EvalCase,
  rows: Parameters<typeof sameRows>[0],
): Promise<boolean> {
  if (testCase.sql === undefined) return false;
  const expected = (await queryRows(connection, testCase.sql)).map(Object.values);
  return MATCHERS[testCase.match ?? 'rows'](rows, expected);
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
            const verdict = testCase.decline ? 'correct' : 'declined';
            results.push({ ...common, method: null, verdict, detail: outcome.reason });
            continue;
          }
          if (outcome.method === 'plan') plans.set(testCase.question, outcome.plan);
          const right = !testCase.decline && (await answersCase(connection, testCase, outcome.result.rows));
          const detail = testCase.decline
            ? 'answered a question to decline'
            : `wrong rows: ${JSON.stringify(outcome.result.rows.slice(0, 2), (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))}`;
          results.push({ ...common, method: outcome.method, verdict: right ? 'correct' : 'wrong', detail });
        } catch (error) {
          const ms = performance.now() - started;
          const detail = (error as Error).message.split('\n')[0];
          results.push({ ...base, ms, planner: null, method: null, verdict: 'wrong', detail });
        }
      }
    } finally {
      closeDatabase(connection);
    }
  }
  return results;
}
