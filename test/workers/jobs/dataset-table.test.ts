import { openDatabase, queryRows } from '../../../workers/engine/duckdb';
import { usingDatabase } from '../../../workers/jobs/dataset-table';

// Integration: a real DuckDB.
describe('usingDatabase', () => {
  it('interrupts the running statement when the job is given up, instead of letting it run on', async () => {
    const given = new AbortController();
    const connection = await openDatabase({ threads: 1 });
    const started = Date.now();
    setTimeout(() => given.abort(new Error('given up')), 200);

    // Minutes of work for one thread, were it not interrupted.
    const work = usingDatabase(connection, given.signal, (db) =>
      queryRows(db, 'SELECT sum(hash(i)) AS total FROM range(100000000000) t(i)'),
    );

    await expect(work).rejects.toThrow(/interrupt/i);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('returns what the work returns when nothing is given up', async () => {
    const rows = await usingDatabase(await openDatabase(), new AbortController().signal, (db) =>
      queryRows(db, 'SELECT 42 AS answer'),
    );
    expect(rows).toEqual([{ answer: 42 }]);
  });
});
