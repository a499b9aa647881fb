import type { ExportJob } from '../../core/job';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlResultTable } from '../analysis/sql-result';
import type { DatasetEntry } from '../catalog/dataset-entry';
import { SqlSandbox } from '../engine/sandbox';
import type { ResultTable } from '../plan/result-table';
import { runPlan } from '../plan/run-plan';
import { resultCsv } from '../answer/result-csv';
import { chartFileName } from '../conversation/answer-replies';
import { datasetName } from '../conversation/dataset-words';
import { DATASET_TABLE, openDataset, usingDatabase } from './dataset-table';
import { JobError } from './job-errors';
import type { AnswerRecord } from './answer-record';
import type { JobContext, JobOutcome } from './job-context';
import { JobLedger } from './job-ledger';
import { ReplyPoint } from './reply-point';

/**
 * "Show SQL" and "Download CSV" on an answer. The answer is looked up in this
 * channel's ledger by the job id the button carries, and the export goes into
 * the answer's thread. The CSV runs the stored plan again on the stored
 * dataset, so it holds every row of the result, not only those shown.
 */
export async function handleExport(ctx: JobContext<ExportJob>): Promise<JobOutcome> {
  const { job } = ctx;
  const record = await JobLedger.answerOf(ctx.catalog, job.answer);
  if (!record) {
    throw new JobError('ANSWER_NOT_FOUND', 'I can’t find that answer any more; ask the question again.');
  }
  const entry = await ctx.catalog.get(record.dataset);
  if (!entry) throw new JobError('DATASET_NOT_FOUND', 'The dataset of that answer is gone; share the file again.');
  // The answer's thread, whatever the click's message reference says.
  const point = new ReplyPoint({
    port: ctx.port,
    thread: record.thread,
    placeholder: job.placeholder?.ts,
    ledger: ctx.ledger,
    step: 'message',
    signal: ctx.signal,
    caveat: ctx.caveat,
    log: ctx.log,
  });
  ctx.point = point;
  if (job.format === 'sql') {
    await point.finish({
      kind: 'sql',
      question: record.question,
      dataset: datasetName(entry),
      sql: record.sql,
      params: record.params,
    });
    return 'done';
  }
  await point.start(`Preparing the CSV of “${record.question}”…`);
  await usingDatabase(await openDataset(ctx.catalog, entry, ctx.workDir), ctx.signal, async (connection) => {
    const result = await rerun(connection, record, entry);
    const csv = Buffer.from(resultCsv(result), 'utf8');
    const filename = chartFileName(record.plan.title).replace(/\.png$/, '.csv');
    await ctx.ledger.once('csv', () =>
      ctx.port.attach({ bytes: csv, filename, title: record.plan.title, mediaType: 'text/csv' }, record.thread),
    );
    await point.finish({ kind: 'csv-ready', question: record.question, rows: result.rows.length });
  });
  return 'done';
}

/** The answer's result again: its plan compiled anew, or the model's query run again in the sandbox. */
async function rerun(connection: DuckDBConnection, record: AnswerRecord, entry: DatasetEntry): Promise<ResultTable> {
  if (record.method === 'plan') return (await runPlan(connection, record.plan, entry, DATASET_TABLE)).result;
  const sandbox = await SqlSandbox.open(connection, DATASET_TABLE);
  try {
    return sqlResultTable(await sandbox.run(record.sql), entry);
  } finally {
    sandbox.close();
  }
}
