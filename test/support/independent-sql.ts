import { closeDatabase, openDatabase, queryRows } from '../../workers/engine/duckdb';

/** The rows of SQL run on a fresh DuckDB of its own: figures a test computes apart from the code under test. */
export async function independentRows(sql: string): Promise<Record<string, unknown>[]> {
  const connection = await openDatabase();
  try {
    return await queryRows(connection, sql);
  } finally {
    closeDatabase(connection);
  }
}
