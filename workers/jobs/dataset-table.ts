import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChannelCatalog } from '../catalog/channel-catalog';
import type { DatasetEntry } from '../catalog/dataset-entry';
import { closeDatabase, openDatabase, quoteIdent, quoteLiteral } from '../engine/duckdb';
import { JobError } from './job-errors';

/** The table a dataset is loaded as, the name `ingestFile` gives it and plans are compiled against. */
export const DATASET_TABLE = 'dataset';

/** Writes the ingested table as the Parquet file the catalog keeps: typed, compressed, quick to load again. */
export async function writeParquet(connection: DuckDBConnection, path: string): Promise<void> {
  await connection.run(`COPY ${quoteIdent(DATASET_TABLE)} TO ${quoteLiteral(path)} (FORMAT parquet)`);
}

/**
 * Loads a stored dataset into a fresh DuckDB for one job, with the column
 * types it was ingested with. The caller closes the connection.
 */
export async function openDataset(
  catalog: ChannelCatalog,
  entry: DatasetEntry,
  workDir: string,
): Promise<DuckDBConnection> {
  const path = join(workDir, `${entry.id}.parquet`);
  if (!(await catalog.fetchData(entry.id, path))) {
    throw new JobError('DATASET_NOT_FOUND', `The data of ${entry.name} is no longer stored; share the file again.`);
  }
  const connection = await openDatabase();
  try {
    await connection.run(
      `CREATE TABLE ${quoteIdent(DATASET_TABLE)} AS SELECT * FROM read_parquet(${quoteLiteral(path)})`,
    );
    return connection;
  } catch (error) {
    closeDatabase(connection);
    throw error;
  }
}

/**
 * Runs `use` on a job's database and closes it after. When `signal` aborts (the
 * job was given up at its time limit), the statement running is interrupted, so
 * the given-up work ends soon instead of running on with nobody waiting for it.
 *
 * @example
 * await usingDatabase(await openDataset(catalog, entry, workDir), ctx.signal, (connection) => answer(connection));
 */
export async function usingDatabase<T>(
  connection: DuckDBConnection,
  signal: AbortSignal,
  use: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const interrupt = () => connection.interrupt();
  signal.addEventListener('abort', interrupt, { once: true });
  try {
    return await use(connection);
  } finally {
    signal.removeEventListener('abort', interrupt);
    closeDatabase(connection);
  }
}
