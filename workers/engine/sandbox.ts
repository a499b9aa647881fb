import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResultReader,
  type DuckDBTypeId,
  type JS,
} from '@duckdb/node-api';
import { WorkerError } from '../errors';
import { quoteIdent } from './duckdb';
import { checkReferences, refused } from './sql-references';
import { parseSql } from './sql-tree';

export interface SandboxOptions {
  /** DuckDB's memory_limit for the sandbox, the copied table included; nothing spills to disk. */
  memoryLimit?: string;
  threads?: number;
  /** A statement running longer is interrupted. */
  timeoutMs?: number;
  /** Rows kept from a result; more are cut off and the result says so. */
  maxRows?: number;
}

export interface SandboxResult {
  columns: { name: string; typeId: DuckDBTypeId; type: string }[];
  rows: JS[][];
  /** Whether the statement returned more than `maxRows` rows. */
  truncated: boolean;
}

/**
 * A DuckDB of its own for SQL a language model wrote. It holds one table, a
 * copy of the dataset's (copied chunk by chunk through an appender, so no
 * file is involved), and is created with external access disabled, extension
 * install and autoload off, no spilling to disk, memory and thread limits and
 * the configuration locked, so no statement can loosen them. A statement runs
 * only if DuckDB's own parser (`json_serialize_sql`) reads it as exactly one
 * SELECT whose every table reference is the dataset, a subquery, a join, a
 * CTE in scope or a VALUES list, that reads the dataset and whose select
 * lists name its columns rather than only constants (see `checkReferences`);
 * it is interrupted past `timeoutMs` and its result is capped at `maxRows`
 * rows.
 *
 * @example
 * const sandbox = await SqlSandbox.open(connection, 'dataset');
 * try { const { rows } = await sandbox.run('SELECT Region, sum(Sales) FROM dataset GROUP BY 1'); }
 * finally { sandbox.close(); }
 */
export class SqlSandbox {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly table: string,
    private readonly timeoutMs: number,
    private readonly maxRows: number,
  ) {}

  static async open(source: DuckDBConnection, table: string, options: SandboxOptions = {}): Promise<SqlSandbox> {
    const instance = await DuckDBInstance.create(':memory:', {
      enable_external_access: 'false',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      allow_community_extensions: 'false',
      max_temp_directory_size: '0B',
      memory_limit: options.memoryLimit ?? '512MB',
      threads: String(options.threads ?? 1),
      lock_configuration: 'true',
    });
    const connection = await instance.connect();
    const sandbox = new SqlSandbox(instance, connection, table, options.timeoutMs ?? 5000, options.maxRows ?? 1000);
    try {
      await copyTable(source, connection, table);
    } catch (error) {
      sandbox.close();
      throw new WorkerError('SQL_FAILED', 'The dataset could not be prepared for a custom query.', { cause: error });
    }
    return sandbox;
  }

  /** Refuses anything but one read-only SELECT computed from the dataset table, with a message saying why. */
  async check(sql: string): Promise<void> {
    const extracted = await this.connection.extractStatements(sql).catch((error: unknown) => {
      throw refused(`The query does not parse: ${firstLine(error)}`, error);
    });
    if (extracted.count !== 1) {
      throw refused(`Only one statement may run; this text holds ${extracted.count}.`);
    }
    const tree = await parseSql(this.connection, sql);
    if (tree.error) {
      const keyword = /^[\s(]*([a-z]+)/i.exec(sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ''))?.[1]?.toUpperCase();
      const what = keyword && keyword !== 'SELECT' && keyword !== 'WITH' ? `${keyword} statement` : 'statement';
      throw refused(`Only a read-only SELECT may run; this ${what} is not one (${tree.error_message ?? 'refused'}).`);
    }
    const [statement, ...more] = tree.statements ?? [];
    if (statement === undefined || more.length > 0) throw refused('Only one statement may run.');
    checkReferences(statement, this.table);
  }

  /** Checks the statement, then runs it under the time limit and the row cap. */
  async run(sql: string): Promise<SandboxResult> {
    await this.check(sql);
    const timer = setTimeout(() => this.connection.interrupt(), this.timeoutMs);
    let reader: DuckDBResultReader;
    try {
      reader = await this.connection.streamAndReadUntil(sql, this.maxRows + 1);
    } catch (error) {
      if (/interrupt/i.test(firstLine(error))) {
        throw new WorkerError('SQL_TIMEOUT', `The query ran longer than ${this.timeoutMs / 1000} s and was stopped.`, {
          cause: error,
        });
      }
      throw new WorkerError('SQL_FAILED', `The query failed: ${firstLine(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    const rows = reader.getRowsJS();
    return {
      columns: reader.columnNames().map((name, i) => ({
        name,
        typeId: reader.columnTypeId(i),
        type: reader.columnType(i).toString(),
      })),
      rows: rows.slice(0, this.maxRows),
      truncated: rows.length > this.maxRows || !reader.done,
    };
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

async function copyTable(source: DuckDBConnection, target: DuckDBConnection, table: string): Promise<void> {
  const result = await source.stream(`SELECT * FROM ${quoteIdent(table)}`);
  const types = result.columnTypes();
  const columns = result.columnNames().map((name, i) => `${quoteIdent(name)} ${String(types[i])}`);
  await target.run(`CREATE TABLE ${quoteIdent(table)} (${columns.join(', ')})`);
  const appender = await target.createAppender(table);
  try {
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
