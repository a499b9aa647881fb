import { renderChart } from '../charts';
import { answerQuestion, type QuestionContext } from '../workers/analysis/answer-question';
import { answerPlan } from '../workers/analysis/plan-answer';
import type { AnalysisPlan } from '../workers/plan/analysis-plan';
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
  'which month had the biggest jump in revenue',
  'what share of revenue came from the West',
  'share of Technology in revenue by year',
];

const revenue = { column: 'revenue', aggregation: 'sum' } as const;
const byRegion = [{ column: 'region' }];

/**
 * One question per kind of AnalysisPlan v2, with the plan it should read as.
 * The offline planner does not yet read these questions, so the bench runs
 * each plan itself (plan → SQL → result → headline, insights → PNG): the plan
 * is what is being timed, whichever planner writes it.
 */
const PLANNED: { question: string; plan: AnalysisPlan }[] = [
  {
    question: 'revenue per unit by category',
    plan: plan('bar', {
      measures: [{ ...revenue, per: { column: 'units', aggregation: 'sum' }, label: 'Revenue per Unit' }],
      dimensions: [{ column: 'category' }],
    }),
  },
  {
    question: 'average order value by region',
    plan: plan('bar', {
      measures: [
        { ...revenue, per: { column: 'order_id', aggregation: 'count_distinct' }, label: 'Average Order Value' },
      ],
      dimensions: byRegion,
    }),
  },
  {
    question: 'orders by weekday',
    plan: plan('bar', {
      measures: [{ column: 'order_id', aggregation: 'count_distinct' }],
      dimensions: [{ column: 'order_date', cycle: 'day_of_week' }],
    }),
  },
  {
    question: 'month-over-month revenue change by region',
    plan: plan('bar', {
      dimensions: byRegion,
      change: { column: 'order_date', grain: 'month', period: 'latest', against: 'previous' },
    }),
  },
  {
    question: 'revenue this month vs a year earlier',
    plan: plan('kpi', { change: { column: 'order_date', grain: 'month', period: 'latest', against: 'year_ago' } }),
  },
  {
    question: 'top 2 categories in each region',
    plan: plan('bar', { dimensions: [...byRegion, { column: 'category' }], topPerGroup: { n: 2, direction: 'desc' } }),
  },
  {
    question: 'which category had the highest revenue in 2023',
    plan: plan('bar', {
      dimensions: [{ column: 'category' }],
      filters: [{ op: 'range', column: 'order_date', from: '2023-01-01', to: '2024-01-01' }],
      sort: { by: 'measure', direction: 'desc' },
      limit: 1,
    }),
  },
  {
    question: 'revenue by region for lines of more than 10 units',
    plan: plan('bar', {
      dimensions: byRegion,
      filters: [{ op: 'compare', column: 'units', comparator: '>', value: 10 }],
    }),
  },
  {
    question: 'how many orders had revenue over $5,000',
    plan: plan('kpi', {
      measures: [{ column: 'order_id', aggregation: 'count_distinct' }],
      filters: [{ op: 'having', column: 'order_id', measure: revenue, comparator: '>', value: 5000 }],
    }),
  },
  {
    question: 'revenue by month over the last 6 months',
    plan: plan('line', {
      dimensions: [{ column: 'order_date', grain: 'month' }],
      filters: [{ op: 'latest', column: 'order_date', grain: 'month', count: 6 }],
    }),
  },
];

/** A plan of total revenue unless `parts` says otherwise. */
function plan(chart: AnalysisPlan['chart'], parts: Partial<AnalysisPlan>): AnalysisPlan {
  return {
    version: 2,
    kind: 'aggregate',
    measures: [revenue],
    dimensions: [],
    filters: [],
    share: false,
    title: '',
    chart,
    ...parts,
  };
}

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
    const context: QuestionContext = { connection, table, meta, vocabulary };
    const cases = [
      ...QUESTIONS.map((question) => ({ question, plan: undefined })),
      ...PLANNED.map(({ question, plan }) => ({ question: `${question} (plan)`, plan: { ...plan, title: question } })),
    ];
    for (const { question, plan } of cases) {
      const ask = async () => {
        if (plan) return answerPlan(question, plan, [], context, 'offline');
        const outcome = await answerQuestion(question, context);
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
