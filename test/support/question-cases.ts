import type { DuckDBConnection } from '@duckdb/node-api';
import { formatNumber } from '../../charts';
import { answerQuestion, type AnsweredQuestion } from '../../workers/analysis/answer-question';
import { chartUnit } from '../../workers/answer/chart-unit';
import { queryRows } from '../../workers/engine/duckdb';
import type { ResultValue } from '../../workers/plan/result-table';
import type { Loaded } from './ingest';

/**
 * A question and the SQL that answers it, written by hand over DuckDB's own
 * reading of the file (`read_csv` with its own type detection), so the
 * numbers are checked against a path that shares nothing with the planner
 * or the compiler. The SQL's rows must equal the answer's rows, in order.
 */
export interface QuestionCase {
  question: string;
  sql: string;
  /** Which cell of the expected rows is the headline's key number (default: last cell of the first row). */
  key?: [row: number, column: number] | null;
}

function close(actual: ResultValue, expected: unknown): boolean {
  if (typeof expected === 'bigint') expected = Number(expected);
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
  }
  return String(actual) === String(expected);
}

/** The answer's rows, checked cell by cell against the independent SQL's rows. */
export async function expectSameRows(answer: AnsweredQuestion, connection: DuckDBConnection, sql: string) {
  const expected = (await queryRows(connection, sql)).map((row) => Object.values(row));
  const actual = answer.result.rows;
  const mismatch = () =>
    `${answer.question}\nplan: ${JSON.stringify(answer.plan)}\nexpected: ${JSON.stringify(expected.slice(0, 5), (_k, v) => (typeof v === 'bigint' ? Number(v) : v))}\nactual: ${JSON.stringify(actual.slice(0, 5))}`;
  if (actual.length !== expected.length)
    throw new Error(`row count ${actual.length} ≠ ${expected.length}\n${mismatch()}`);
  expected.forEach((row, r) => {
    if (row.length !== (actual[r] ?? []).length) throw new Error(`width differs at row ${r}\n${mismatch()}`);
    row.forEach((value, c) => {
      if (!close(actual[r]?.[c] ?? null, value)) throw new Error(`cell [${r}][${c}] differs\n${mismatch()}`);
    });
  });
  return expected;
}

/** Asks a question of a loaded dataset and checks numbers and headline. */
export async function checkCase(data: Loaded, testCase: QuestionCase): Promise<AnsweredQuestion> {
  const answer = await answerQuestion(testCase.question, {
    connection: data.connection,
    table: data.table,
    meta: data.meta,
  });
  if (answer.kind !== 'answer') {
    throw new Error(`"${testCase.question}" was not understood: ${answer.reason}`);
  }
  const expected = await expectSameRows(answer, data.connection, testCase.sql);
  if (testCase.key !== null) {
    const [r, c] = testCase.key ?? [0, (expected[0]?.length ?? 1) - 1];
    const key = Number(expected[r]?.[c]);
    const column = answer.result.columns[c];
    const text = formatNumber(key, chartUnit(column?.unit), { compact: Math.abs(key) >= 10_000 });
    if (!answer.headline.includes(text)) {
      throw new Error(`headline "${answer.headline}" does not carry ${text}\nplan: ${JSON.stringify(answer.plan)}`);
    }
  }
  return answer;
}
