import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResultReader,
  type DuckDBTypeId,
  type JS,
} from '@duckdb/node-api';
import { WorkerError } from '../errors';
import { queryRows, quoteIdent } from './duckdb';

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

/** Table references a statement may use; everything else (table functions, SHOW, …) is refused. */
const ALLOWED_REFS = new Set(['BASE_TABLE', 'SUBQUERY', 'JOIN', 'EMPTY', 'EXPRESSION_LIST', 'PIVOT']);

/**
 * A DuckDB of its own for SQL a language model wrote. It holds one table, a
 * copy of the dataset's (copied chunk by chunk through an appender, so no
 * file is involved), and is created with external access disabled, extension
 * install and autoload off, no spilling to disk, memory and thread limits and
 * the configuration locked, so no statement can loosen them. A statement runs
 * only if DuckDB's own parser (`json_serialize_sql`) reads it as exactly one
 * SELECT that reads the dataset and whose every table reference is the
 * dataset, a subquery, a join, a CTE in scope or a VALUES list; it is
 * interrupted past `timeoutMs` and its result is capped at `maxRows` rows.
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

  /** Refuses anything but one read-only SELECT over the dataset table, with a message saying why. */
  async check(sql: string): Promise<void> {
    const extracted = await this.connection.extractStatements(sql).catch((error: unknown) => {
      throw refused(`The query does not parse: ${firstLine(error)}`, error);
    });
    if (extracted.count !== 1) {
      throw refused(`Only one statement may run; this text holds ${extracted.count}.`);
    }
    const [row] = await queryRows(this.connection, 'SELECT json_serialize_sql($sql::VARCHAR) AS tree', { sql });
    const tree = JSON.parse(String(row?.tree)) as SerializedSql;
    if (tree.error) {
      const keyword = /^[\s(]*([a-z]+)/i.exec(sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ''))?.[1]?.toUpperCase();
      const what = keyword && keyword !== 'SELECT' && keyword !== 'WITH' ? `${keyword} statement` : 'statement';
      throw refused(`Only a read-only SELECT may run; this ${what} is not one (${tree.error_message ?? 'refused'}).`);
    }
    if (tree.statements?.length !== 1) throw refused('Only one statement may run.');
    if (checkReferences(tree.statements[0], this.table) === 0) {
      // A query that reads no data can only state numbers the model made up.
      throw refused(`The query must read the table "${this.table}".`);
    }
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

interface SerializedSql {
  error: boolean;
  error_message?: string;
  statements?: unknown[];
}

type Node = Record<string, unknown>;

/**
 * Refuses every table reference but the dataset and the CTEs in scope, and
 * counts the references to the dataset. A CTE is visible only inside the
 * query node that defines it (its body and nested queries included), so a
 * CTE named `sqlite_master` in a subquery does not let the outer query read
 * the real one; a CTE named like the dataset hides it in its scope.
 */
function checkReferences(tree: unknown, table: string): number {
  let reads = 0;
  visitScoped(tree, new Set(), (node, ctes) => {
    // Expressions carry a `class`; table references do not.
    if (typeof node.type !== 'string' || 'class' in node || !isTableRef(node)) return;
    if (node.type === 'TABLE_FUNCTION') {
      const name = (node.function as Node | undefined)?.function_name;
      throw refused(`Table functions such as ${String(name)}() may not run; query the table "${table}" only.`);
    }
    if (node.type === 'SHOW_REF') throw refused('DESCRIBE, SHOW and SUMMARIZE may not run; select from the table.');
    if (!ALLOWED_REFS.has(node.type)) throw refused(`This kind of table reference (${node.type}) may not run.`);
    if (node.type !== 'BASE_TABLE') return;
    const name = String(node.table_name).toLowerCase();
    const schema = String(node.schema_name ?? '');
    const qualified = node.catalog_name !== '' || (schema !== '' && schema !== 'main');
    if (!qualified && schema === '' && ctes.has(name)) return;
    if (!qualified && name === table.toLowerCase()) {
      reads++;
      return;
    }
    const written = [node.catalog_name, schema, node.table_name].filter((part) => part !== '').join('.');
    throw refused(`Only the table "${table}" may be read, not "${written}".`);
  });
  return reads;
}

/** Visits every node with the names of the CTEs visible there: those of its own and enclosing query nodes. */
function visitScoped(value: unknown, ctes: ReadonlySet<string>, see: (node: Node, ctes: ReadonlySet<string>) => void) {
  if (Array.isArray(value)) {
    for (const item of value) visitScoped(item, ctes, see);
  } else if (value !== null && typeof value === 'object') {
    const node = value as Node;
    const defined = (node.cte_map as { map?: { key?: unknown }[] } | undefined)?.map ?? [];
    const scope =
      defined.length === 0
        ? ctes
        : new Set([
            ...ctes,
            ...defined.flatMap((entry) => (typeof entry.key === 'string' ? [entry.key.toLowerCase()] : [])),
          ]);
    see(node, scope);
    for (const child of Object.values(node)) visitScoped(child, scope, see);
  }
}

/** Table references are the nodes DuckDB serialises with a `query_location` and an `alias` but no `class`. */
function isTableRef(node: Node): boolean {
  return 'alias' in node && 'query_location' in node && 'sample' in node;
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

function refused(message: string, cause?: unknown): WorkerError {
  return new WorkerError('SQL_REFUSED', message, { cause });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
