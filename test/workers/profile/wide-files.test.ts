import { IngestJob } from '../../../core/job';
import { openDatabase } from '../../../workers/engine/duckdb';
import { WorkerError } from '../../../workers/errors';
import { ingestFile } from '../../../workers/ingest/ingest-file';
import { MAX_COLUMNS } from '../../../workers/ingest/raw-source';
import { refusalMessage } from '../../../workers/jobs/refusal';
import { fixtureFile, LIMITS, loadText } from '../../support/ingest';

/** A table `columns` wide: by turns a category, an integer and a decimal column. */
function wideCsv(columns: number, rows: number): string {
  const lines = [Array.from({ length: columns }, (_, c) => `Field ${c}`).join(',')];
  for (let r = 0; r < rows; r++) {
    lines.push(
      Array.from({ length: columns }, (_, c) =>
        c % 3 === 0 ? `k${(r + c) % 5}` : c % 3 === 1 ? String(r + c) : ((r + c) / 8).toFixed(3),
      ).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const job = IngestJob.parse({
  version: 1,
  id: `j${'0'.repeat(24)}`,
  kind: 'ingest',
  conversation: { platform: 'slack', team: 'T1', channel: 'C1' },
  requestedBy: { id: 'U1' },
  receivedAt: '2026-01-01T00:00:00Z',
  file: { id: 'F1', name: 'wide.csv', size: 1, downloadUrl: 'https://files.example.com/wide.csv' },
});

describe('wide files', () => {
  it('400 columns × 3 rows are typed and profiled, every column', async () => {
    const data = await loadText('wide-400.csv', wideCsv(400, 3));
    expect(data.meta.columns).toHaveLength(400);
    expect(data.meta.rows).toBe(3);
    expect(data.column('Field 397').type).toBe('integer');
    expect(data.column('Field 398').type).toBe('decimal');
    expect(data.column('Field 1').sum).toBe(1 + 2 + 3);
  });

  it(`${MAX_COLUMNS} columns × 1,000 rows are typed and profiled, with sums equal to DuckDB's`, async () => {
    const path = fixtureFile('wide-limit.csv', wideCsv(MAX_COLUMNS, 1000));
    const connection = await openDatabase();
    const { meta } = await ingestFile(path, { connection, ...LIMITS });
    expect(meta.columns).toHaveLength(MAX_COLUMNS);
    expect(meta.rows).toBe(1000);
    const last = meta.columns[MAX_COLUMNS - 2];
    expect(last?.type).toBe('decimal');
    const expected = Array.from({ length: 1000 }, (_, r) => (r + MAX_COLUMNS - 2) / 8).reduce((a, b) => a + b, 0);
    expect(last?.sum).toBeCloseTo(expected, 6);
    expect(meta.columns.filter((c) => c.role === 'dimension').every((c) => c.distinct === 5)).toBe(true);
  });

  it('one column past the limit is refused with what and how, as the person’s to fix, not retried', async () => {
    const path = fixtureFile('too-wide.csv', wideCsv(5000, 3));
    const connection = await openDatabase();
    const error = (await ingestFile(path, { connection, ...LIMITS }).catch((e: unknown) => e)) as WorkerError;
    expect(error).toBeInstanceOf(WorkerError);
    expect(error.code).toBe('TOO_MANY_COLUMNS');
    expect(error.message).toBe(
      `The table has 5,000 columns; the limit is ${MAX_COLUMNS.toLocaleString('en-US')}. Remove the columns you do not need (or split the file) and send it again.`,
    );
    expect(refusalMessage(error, job)).toBe(`I couldn’t read wide.csv: ${error.message}`);
  });

  it('DuckDB running out of memory on a file is the file’s refusal, not a failure retried as ours', async () => {
    const path = fixtureFile('heavy.csv', wideCsv(300, 2000));
    const connection = await openDatabase({ memoryLimit: '16MB', threads: 1 });
    const error = (await ingestFile(path, { connection, ...LIMITS }).catch((e: unknown) => e)) as WorkerError;
    expect(error).toBeInstanceOf(WorkerError);
    expect(error.code).toBe('FILE_TOO_BIG_TO_READ');
    expect(error.message).toMatch(/needs more memory than the worker has\. Send fewer rows or columns/);
    expect(refusalMessage(error, job)).toMatch(/^I couldn’t read wide\.csv: Reading this file needs more memory/);
  });
});
