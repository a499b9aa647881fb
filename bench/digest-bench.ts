import type { Cadence } from '../core/digest-cadence';
import { digestFindings } from '../workers/digest/digest-findings';
import { digestMeasure } from '../workers/digest/digest-measure';
import { digestCharts } from '../workers/digest/digest-charts';
import { digestText } from '../workers/digest/digest-words';
import { closeDatabase, openDatabase } from '../workers/engine/duckdb';
import { ingestFile } from '../workers/ingest/ingest-file';
import { AnalysisPlan } from '../workers/plan/analysis-plan';
import { CSV_PATH, prepareData } from './ingest-bench';

/** What a digest over the 1M-row table computes: the headline, drivers, signals, and both charts. */
export interface DigestFigure {
  cadence: string;
  /** Findings (headline, drivers over every dimension, unusual change, record, trend), words and both PNGs, median ms. */
  digest: number;
  /** The findings alone, median ms. */
  findings: number;
  insights: number;
  charts: number;
}

const CADENCES: { name: string; cadence: Cadence }[] = [
  { name: 'monthly', cadence: { every: 'month', day: 1 } },
  { name: 'weekly', cadence: { every: 'week', weekday: 'MON' } },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * A digest of total revenue, with no dimension in its plan so the drivers are searched across
 * every dimension of the file (the slowest case), on the 1M-row table after ingest. Bar: < 1 s.
 */
export async function digestFigures(): Promise<DigestFigure[]> {
  await prepareData();
  const connection = await openDatabase();
  try {
    const limits = { maxUploadBytes: 1 << 30, maxUnzippedBytes: 4 * 1024 ** 3 };
    const { table, meta } = await ingestFile(CSV_PATH, { connection, ...limits });
    const plan = AnalysisPlan.parse({
      version: 2,
      kind: 'aggregate',
      chart: 'line',
      title: 'revenue',
      measures: [{ column: 'revenue', aggregation: 'sum' }],
      dimensions: [],
      filters: [],
    });
    const figures: DigestFigure[] = [];
    for (const { name, cadence } of CADENCES) {
      const what = digestMeasure(plan, meta, cadence);
      if (!what) throw new Error('the bench table has no time column');
      const totals: number[] = [];
      const alone: number[] = [];
      let insights = 0;
      let charts = 0;
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        const findings = await digestFindings(connection, meta, table, plan, what);
        const found = performance.now();
        if (!findings) throw new Error('the bench digest found no complete period');
        // The charts are drawn even when the run is quiet (a post would leave them out), to time them too.
        const [text, images] = [digestText(findings), await digestCharts(findings)];
        totals.push(performance.now() - start);
        alone.push(found - start);
        insights = text.insights.length;
        charts = images.length;
      }
      figures.push({ cadence: name, digest: median(totals), findings: median(alone), insights, charts });
    }
    return figures;
  } finally {
    closeDatabase(connection);
  }
}

export function digestTable(figures: readonly DigestFigure[]): string {
  return [
    '| digest on the 1M-row table | findings + charts (bar < 1 s) | findings alone | said |',
    '| --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.cadence} revenue, drivers across every dimension | ${f.digest.toFixed(0)} ms ${f.digest < 1000 ? 'ok' : 'OVER'} | ` +
        `${f.findings.toFixed(0)} ms | ${f.insights} insights, ${f.charts} charts |`,
    ),
  ].join('\n');
}
