import { createWriteStream } from 'node:fs';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IngestJob } from '../../core/job';
import type { SharedFile } from '../conversation/conversation-port';
import { answerQuestion } from '../analysis/answer-question';
import type { DatasetEntry } from '../catalog/dataset-entry';
import { openDatabase } from '../engine/duckdb';
import { describeBytes, WorkerError } from '../errors';
import { ingestFile, type Dataset } from '../ingest/ingest-file';
import { suggestQuestions } from '../planner/suggestions';
import { loadVocabulary } from '../planner/vocabulary';
import { profileReply } from '../conversation/dataset-replies';
import { count } from '../conversation/dataset-words';
import { DATASET_TABLE, usingDatabase, writeParquet } from './dataset-table';
import { withFileMark } from './file-mark';
import type { JobContext, JobOutcome } from './job-context';
import { ReplyPoint } from './reply-point';
import { sheetChoices, type SheetChoice } from './sheet-choice';
import { answerInThread } from './thread-answer';

/**
 * A shared file: download it, read it into a typed table, keep it (Parquet and
 * its entry) in the channel's catalog, and reply in the file's thread with its
 * profile, an overview chart and three questions to ask. The thread becomes the
 * dataset's, so replies in it are questions about this file. A question typed
 * with the file is answered next, in the same thread; with a workbook, a sheet
 * it names (`from sheet Q3`, see `sheetChoices`) is the one read, and the rest is the question.
 */
export async function handleIngest(ctx: JobContext<IngestJob>): Promise<JobOutcome> {
  const { job } = ctx;
  const choices = isWorkbook(job.file) ? sheetChoices(job.question) : [splitNothing(job.question)];
  await usingDatabase(await openDatabase(), ctx.signal, async (connection) => {
    const { entry, thread, question } = await withFileMark(ctx, () => readSharedFile(ctx, connection, choices));
    if (question) {
      ctx.point = new ReplyPoint({
        port: ctx.port,
        thread,
        ledger: ctx.ledger,
        step: 'question.message',
        signal: ctx.signal,
        caveat: ctx.caveat,
        log: ctx.log,
      });
      await ctx.point.start(`Working on “${question}”…`);
      await answerInThread(ctx, ctx.point, { question, entry, connection, step: 'question.' });
    }
  });
  return 'done';
}

/**
 * Reads the file into `connection` and the catalog, and edits the placeholder
 * into its profile; the question is what is left of the text by the sheet read.
 */
async function readSharedFile(
  ctx: JobContext<IngestJob>,
  connection: DuckDBConnection,
  choices: readonly SheetChoice[],
): Promise<{ entry: DatasetEntry; thread: string; question?: string }> {
  const { job, config } = ctx;
  const file = job.file ?? (await messageFile(ctx));
  if (!file) throw new WorkerError('FILE_NOT_FOUND', 'I couldn’t find a file to read in that message.');
  await ctx.point.start(`Downloading ${file.name}…`);
  const size = job.file?.size;
  if (size !== undefined && size > config.maxUploadBytes) {
    throw new WorkerError(
      'FILE_TOO_LARGE',
      `The file is ${describeBytes(size)}; the limit is ${describeBytes(config.maxUploadBytes)}.`,
    );
  }
  const path = join(ctx.workDir, `upload${extname(file.name).slice(0, 10)}`);
  const download = await ctx.port.fetchFile(file, {
    maxBytes: config.maxUploadBytes,
    timeoutMs: ctx.downloadTimeoutMs,
    signal: ctx.signal,
  });
  await pipeline(download, createWriteStream(path));
  await ctx.point.progress(`Reading ${file.name}…`);
  const { meta, question } = await ingestChoice(choices, (sheet) =>
    ingestFile(path, {
      connection,
      table: DATASET_TABLE,
      name: file.name,
      sheet,
      maxUploadBytes: config.maxUploadBytes,
      maxUnzippedBytes: config.maxUnzippedBytes,
    }),
  );
  await ctx.point.progress(`Read ${count(meta.rows)} rows; drawing an overview…`);
  const vocabulary = await loadVocabulary(connection, meta, DATASET_TABLE);
  const entry: DatasetEntry = {
    ...meta,
    // The job id is stable across retries, so a retried ingest overwrites its own dataset instead of adding one.
    id: job.id,
    addedBy: job.requestedBy,
    addedAt: job.receivedAt,
    suggestions: suggestQuestions(meta, vocabulary),
  };
  const overview = await answerQuestion('', { connection, table: DATASET_TABLE, meta, vocabulary });
  const parquet = join(ctx.workDir, 'data.parquet');
  await writeParquet(connection, parquet);
  await ctx.catalog.save(entry, parquet);
  const thread = ctx.point.thread;
  if (!thread) throw new Error('A profile needs a thread: the reply point has no message.');
  await ctx.catalog.saveThread(thread, { version: 1, dataset: entry.id, updatedAt: ctx.clock().toISOString() });
  const png = overview.kind === 'answer' ? overview.png : null;
  if (png) {
    const title = `${file.name} overview`;
    await ctx.ledger.once('overview.chart', () =>
      ctx.port.attach({ bytes: png, filename: 'overview.png', title, mediaType: 'image/png' }, thread),
    );
  }
  await ctx.point.finish(profileReply(entry));
  return { entry, thread, ...(question ? { question } : {}) };
}

/**
 * The file a message shares when the job carries only the message (a Teams channel or group chat:
 * the adapter reads it through Graph); the first spreadsheet of it, else its first file.
 */
async function messageFile(ctx: JobContext<IngestJob>): Promise<SharedFile | undefined> {
  const message = ctx.job.teamsMessage;
  if (!message || !ctx.port.sharedFiles) return undefined;
  const files = await ctx.port.sharedFiles(message);
  return files.find((file) => /\.(csv|tsv|xlsx|xls)$/i.test(file.name)) ?? files[0];
}

/**
 * Reads the sheet of the first choice the workbook has; a missing sheet moves
 * on to the next choice (no table is made before a sheet is found), and the
 * last choice's failure is the person's to hear.
 */
async function ingestChoice(
  choices: readonly SheetChoice[],
  read: (sheet: string | undefined) => Promise<Dataset>,
): Promise<Dataset & { question?: string }> {
  const [choice = {}, ...rest] = choices;
  try {
    return { ...(await read(choice.sheet)), ...(choice.question ? { question: choice.question } : {}) };
  } catch (error) {
    const missing = error instanceof WorkerError && error.code === 'SHEET_NOT_FOUND';
    if (!missing || rest.length === 0) throw error;
    return ingestChoice(rest, read);
  }
}

/** Sheets are a workbook's; in a CSV, "sheet metal" is part of the question. */
function isWorkbook(file: IngestJob['file']): boolean {
  if (!file) return false;
  return /\.xls[xm]$/i.test(file.name) || (file.mimetype?.includes('spreadsheetml') ?? false);
}

function splitNothing(text: string | undefined): SheetChoice {
  const question = text?.trim();
  return question ? { question } : {};
}
