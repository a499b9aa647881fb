import { renderChart } from '../charts';
import { answerQuestion } from '../workers/analysis/answer-question';
import { closeDatabase, openDatabase } from '../workers/engine/duckdb';
import { ingestFile } from '../workers/ingest/ingest-file';
import { loadVocabulary } from '../workers/planner/vocabulary';
import { CSV_PATH } from './ingest-bench';

const QUESTIONS = [
  'revenue trend',
  'top 5 categories by revenue',
  'revenue by region and category',
  '2022 vs 2023 revenue',
  'share of units by region',
  'distribution of unit price',
];

export interface QuestionFigure {
  question: string;
  chart: string;
  /** Question → plan → SQL → result → headline, insights → PNG, median ms. */
  answer: number;
  /** The same SQL run alone, median ms: what DuckDB itself needs. */
  query: number;
  /** The chart rendered again, warm, median ms. */
  render: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Questions on the 1M-row table, after ingest (the dataset's vocabulary is
 * loaded once, as the worker does per dataset): the whole answer, its SQL
 * alone for comparison, and a warm render of its chart. Bars: an answer under
 * 300 ms, a warm render under 50 ms.
 */
export async function questionFigures(): Promise<QuestionFigure[]> {
  const connection = await openDatabase();
  try {
    const limits = { maxUploadBytes: 1 << 30, maxUnzippedBytes: 4 * 1024 ** 3 };
    const { table, meta } = await ingestFile(CSV_PATH, { connection, ...limits });
    const vocabulary = await loadVocabulary(connection, meta, table);
    const figures: QuestionFigure[] = [];
    for (const question of QUESTIONS) {
      const ask = async () => {
        const outcome = await answerQuestion(question, { connection, table, meta, vocabulary });
        if (outcome.kind !== 'answer') throw new Error(`bench question not understood: ${question}`);
        return outcome;
      };
      const answer = await ask();
      const answers: number[] = [];
      const queries: number[] = [];
      const renders: number[] = [];
      for (let i = 0; i < 7; i++) {
        answers.push(await timed(ask));
        queries.push(await timed(() => connection.runAndReadAll(answer.sql, answer.params as never)));
      }
      // Renders back to back, as a warm worker draws one chart after another.
      for (let i = 0; answer.chart && i < 20; i++) renders.push(await timed(() => renderChart(answer.chart as never)));
      figures.push({
        question,
        chart: answer.chart?.kind ?? 'none',
        answer: median(answers),
        query: median(queries),
        render: renders.length ? median(renders) : NaN,
      });
    }
    return figures;
  } finally {
    closeDatabase(connection);
  }
}
