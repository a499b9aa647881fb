import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface DatabaseOptions {
  /** DuckDB's memory_limit, e.g. '1GB'; spills to temp files past it. */
  memoryLimit?: string;
  threads?: number;
}

/**
 * Opens an in-memory DuckDB for one job. Extensions never autoload or install
 * (nothing is fetched at run time) and the limits keep a big file inside the
 * worker's memory.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<DuckDBConnection> {
  const settings: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    memory_limit: options.memoryLimit ?? '1GB',
  };
  if (options.threads) settings.threads = String(options.threads);
  const instance = await DuckDBInstance.create(':memory:', settings);
  const connection = await instance.connect();
  instances.set(connection, instance);
  return connection;
}

const instances = new WeakMap<DuckDBConnection, DuckDBInstance>();

/** Frees a job's database at once rather than when the garbage collector gets to it: a warm worker runs many jobs. */
export function closeDatabase(connection: DuckDBConnection): void {
  connection.closeSync();
  instances.get(connection)?.closeSync();
  instances.delete(connection);
}

/** A SQL identifier, double-quoted, safe for any column name a file can hold. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal, for the few places DuckDB takes no bound parameter (table functions' options). */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Runs a query and returns its rows as plain JS objects (BIGINT as bigint). */
export async function queryRows(
  connection: DuckDBConnection,
  sql: string,
  params?: Record<string, string | number | boolean | null>,
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
