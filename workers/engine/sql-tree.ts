import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from './duckdb';

/**
 * A node of DuckDB's serialised parse tree. Expressions carry a `class`;
 * query nodes (`SELECT_NODE`, `SET_OPERATION_NODE`) and table references do not.
 */
export type SqlNode = Record<string, unknown>;

/** What `json_serialize_sql` gives: the statements' trees, or why it would not serialise them (only SELECTs do). */
export interface SerializedSql {
  error: boolean;
  error_message?: string;
  statements?: SqlNode[];
}

/**
 * DuckDB's own parse of `sql`, neither bound nor run: nothing is read, so
 * any connection will do.
 *
 * @example
 * const { statements } = await parseSql(connection, 'SELECT Region FROM dataset');
 * statements?.[0]?.node // { type: 'SELECT_NODE', select_list: [...], from_table: {...}, ... }
 */
export async function parseSql(connection: DuckDBConnection, sql: string): Promise<SerializedSql> {
  const [row] = await queryRows(connection, 'SELECT json_serialize_sql($sql::VARCHAR) AS tree', { sql });
  return JSON.parse(String(row?.tree)) as SerializedSql;
}
