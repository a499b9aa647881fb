import type { DuckDBConnection } from '@duckdb/node-api';
import { answerQuestion, type AnsweredQuestion } from '../../workers/analysis/answer-question';
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
  /** Or SQL returning the key number itself (a trend's peak, a change in percent as a fraction). */
  keySql?: string;
}

const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, '%': 0.01 };

/** A number as written in a text and how far the written form may be from the exact value (half its last digit). */
interface Written {
  value: number;
  tolerance: number;
}

/** Every number written in a text ("$725.5K", "−12.5%", "1,234"), with the precision it was written to. */
export function numbersIn(text: string): Written[] {
  return [...text.matchAll(/([−-])?[$€£¥]?(\d[\d,]*)(?:\.(\d+))?\s?([KMB%])?/g)].map((m) => {
    const scale = SUFFIX[m[4] ?? ''] ?? 1;
    const decimals = m[3]?.length ?? 0;
    const value = Number(`${(m[2] as string).replace(/,/g, '')}.${m[3] ?? '0'}`) * scale;
    return { value: m[1] ? -value : value, tolerance: (0.5 * scale) / 10 ** decimals };
  });
}

/**
 * True when a text states `key`, rounded as written: the rule a narrative's
 * numbers are held to. A negative key may be written without its sign only
 * where the words carry the direction ("fell 7.1%", "negatively correlated").
 */
export function states(text: string, key: number): boolean {
  const worded = key < 0 && /\b(fell|down|lower|lost|decreas\w*|negative\w*|below)\b/.test(text);
  return numbersIn(text).some(
    (n) =>
      Math.abs(n.value - key) <= n.tolerance * 1.0001 ||
      (worded && n.value >= 0 && Math.abs(n.value + key) <= n.tolerance * 1.0001),
  );
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
    let key: number;
    if (testCase.keySql) {
      key = Number(Object.values((await queryRows(data.connection, testCase.keySql))[0] ?? {})[0]);
    } else {
      const [r, c] = testCase.key ?? [0, (expected[0]?.length ?? 1) - 1];
      key = Number(expected[r]?.[c]);
    }
    if (!states(answer.headline, key)) {
      throw new Error(`headline "${answer.headline}" does not state ${key}\nplan: ${JSON.stringify(answer.plan)}`);
    }
  }
  return answer;
}
