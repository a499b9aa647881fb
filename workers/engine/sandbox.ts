import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DuckDBConnection, DuckDBTypeId, JS } from '@duckdb/node-api';
import { WorkerError } from '../errors';
import { queryRows, quoteIdent, quoteLiteral } from './duckdb';
import { openPivot, pivotValuesQuery, withPivotValues } from './pivot-values';
import { sandboxProgram } from './sandbox-program';
import { type SandboxReply, type SandboxSettings, sandboxReply } from './sandbox-protocol';
import { checkFunctions } from './sql-functions';
import { checkReferences, refused } from './sql-references';
import { parseSql } from './sql-tree';

export interface SandboxOptions {
  /** DuckDB's memory_limit in the sandbox process; nothing spills to disk. */
  memoryLimit?: string;
  /**
   * The operating-system limit on the sandbox process's data memory (RLIMIT_DATA), in bytes:
   * what DuckDB's own limit does not cover (one huge value) fails or kills that process, not the worker.
   */
  processMemoryBytes?: number;
  threads?: number;
  /** A statement running longer is interrupted; one that cannot be is killed with its process. */
  timeoutMs?: number;
  /** Rows kept from a result; more are cut off and the result says so. */
  maxRows?: number;
  /** A serialised result bigger than this is refused in the sandbox process rather than sent over. */
  maxResultBytes?: number;
}

export interface SandboxResult {
  columns: { name: string; typeId: DuckDBTypeId; type: string }[];
  rows: JS[][];
  /** Whether the statement returned more than `maxRows` rows. */
  truncated: boolean;
}

const tooMuchMemory = 'The query needed too much memory and was stopped; ask for fewer or smaller values.';

/** Time a statement is given past `timeoutMs` to stop on its own before its process is killed. */
const KILL_GRACE_MS = 1000;

/** Names a CTE may not take: DuckDB resolves them in its catalogs, so a CTE of that name out of scope reads the real one. */
const CATALOG_PREFIX = /^(pg_|duckdb_|sqlite_|pragma_|information_schema)/;

/**
 * A process of its own for SQL a language model wrote. It holds one table, a
 * copy of the dataset's written to a DuckDB file only it opens (read-only,
 * with external access, extension loading and spilling off and the
 * configuration locked), and it runs under an operating-system limit on its
 * data memory and a kill timer: a statement that needs too much memory or
 * will not stop ends that process, and the worker answers with a clear error.
 * A statement runs only if DuckDB's own parser (`json_serialize_sql`) reads it
 * as exactly one SELECT whose every table reference is the dataset, a
 * subquery, a join, a CTE in scope or a VALUES list, that reads the dataset,
 * whose select lists name its columns rather than only constants (see
 * `checkReferences`) and whose every function is one analysis needs (see
 * `checkFunctions`); its result is capped at `maxRows` rows.
 *
 * @example
 * const sandbox = await SqlSandbox.open(connection, 'dataset');
 * try { const { rows } = await sandbox.run('SELECT Region, sum(Sales) FROM dataset GROUP BY 1'); }
 * finally { sandbox.close(); }
 */
export class SqlSandbox {
  private nextId = 0;
  private pending: { id: number; settle: (reply: SandboxReply | WorkerError) => void } | undefined;
  private death: WorkerError | undefined;
  private killedForTime = false;

  private constructor(
    private readonly source: DuckDBConnection,
    private readonly table: string,
    private readonly isCatalogName: (name: string) => boolean,
    private readonly folder: string,
    private readonly settings: SandboxSettings,
    private readonly child: ChildProcess,
  ) {}

  static async open(source: DuckDBConnection, table: string, options: SandboxOptions = {}): Promise<SqlSandbox> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sql-sandbox-'));
    let child: ChildProcess | undefined;
    try {
      const settings: SandboxSettings = {
        database: path.join(folder, 'sandbox.duckdb'),
        memoryLimit: options.memoryLimit ?? '512MB',
        threads: options.threads ?? 1,
        timeoutMs: options.timeoutMs ?? 5000,
        maxRows: options.maxRows ?? 1000,
        maxResultBytes: options.maxResultBytes ?? 32 * 1024 * 1024,
      };
      child = startProcess(settings, options.processMemoryBytes ?? 1024 * 1024 * 1024);
      const sandbox = new SqlSandbox(source, table, await catalogObjects(source, table), folder, settings, child);
      const opened = child;
      await Promise.all([
        sandbox.started(),
        copyTable(source, table, settings.database).then(() => opened.send({ kind: 'open' })),
      ]);
      return sandbox;
    } catch (error) {
      child?.kill('SIGKILL');
      fs.rmSync(folder, { recursive: true, force: true });
      throw new WorkerError('SQL_FAILED', 'The dataset could not be prepared for a custom query.', { cause: error });
    }
  }

  /** Refuses anything but one read-only SELECT computed from the dataset table, with a message saying why. */
  async check(sql: string): Promise<void> {
    const extracted = await this.source.extractStatements(sql).catch((error: unknown) => {
      throw refused(`The query does not parse: ${firstLine(error)}`, error);
    });
    if (extracted.count !== 1) {
      throw refused(`Only one statement may run; this text holds ${extracted.count}.`);
    }
    const tree = await parseSql(this.source, sql);
    if (tree.error) {
      const keyword = /^[\s(]*([a-z]+)/i.exec(sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ''))?.[1]?.toUpperCase();
      const what = keyword && keyword !== 'SELECT' && keyword !== 'WITH' ? `${keyword} statement` : 'statement';
      throw refused(`Only a read-only SELECT may run; this ${what} is not one (${tree.error_message ?? 'refused'}).`);
    }
    const [statement, ...more] = tree.statements ?? [];
    if (statement === undefined || more.length > 0) throw refused('Only one statement may run.');
    checkReferences(statement, this.table, this.isCatalogName);
    checkFunctions(statement);
  }

  /** Checks the statement, then runs it in the sandbox process under the time limit and the row cap. */
  async run(sql: string): Promise<SandboxResult> {
    const runnable = await this.pivotValuesWrittenIn(sql);
    await this.check(runnable);
    const reply = await this.request(runnable);
    if (reply.kind === 'result') {
      const rows = reply.rows.map((row) => row.map(ownRealm));
      return { columns: reply.columns as SandboxResult['columns'], rows, truncated: reply.truncated };
    }
    throw new WorkerError('SQL_FAILED', 'The custom query process answered out of turn.');
  }

  /**
   * A PIVOT without an IN list with its values written in (see `openPivot`),
   * each list read by a query that is checked and run like any other; any
   * other text as it is.
   */
  private async pivotValuesWrittenIn(sql: string): Promise<string> {
    const extracted = await this.source.extractStatements(sql).catch(() => undefined);
    const pivot = extracted !== undefined && extracted.count > 1 ? openPivot(sql) : null;
    if (!pivot) return sql;
    const values: string[][] = [];
    for (const column of pivot.columns) {
      const listed = await this.run(pivotValuesQuery(pivot, column));
      if (listed.truncated) {
        throw refused(`A PIVOT may make at most ${this.settings.maxRows} columns; ${column} has more values.`);
      }
      values.push(listed.rows.map((row) => String(row[1])));
    }
    return withPivotValues(sql, pivot, values);
  }

  /** Ends the sandbox process and deletes the copy of the table. */
  close(): void {
    this.child.kill('SIGKILL');
    fs.rmSync(this.folder, { recursive: true, force: true });
  }

  private started(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.child.once('message', (message) => {
        const reply = sandboxReply.safeParse(message);
        if (reply.success && reply.data.kind === 'ready') resolve();
        else reject(new Error('The sandbox process did not start.'));
      });
      this.child.once('exit', (code, signal) => reject(new Error(`The sandbox process ended (${signal ?? code}).`)));
      this.child.once('error', reject);
    }).then(() => this.listen());
  }

  private listen(): void {
    this.child.on('message', (message) => {
      const reply = sandboxReply.parse(message);
      if (reply.kind !== 'ready' && reply.id === this.pending?.id) this.pending.settle(reply);
    });
    this.child.on('exit', (code, signal) => {
      this.death = this.killedForTime
        ? timedOut(this.settings.timeoutMs)
        : new WorkerError('SQL_TOO_MUCH_MEMORY', tooMuchMemory, {
            cause: new Error(`sandbox process ended (${signal ?? code})`),
          });
      this.pending?.settle(this.death);
    });
  }

  private request(sql: string): Promise<SandboxReply> {
    if (this.death) return Promise.reject(this.death);
    const id = ++this.nextId;
    return new Promise<SandboxReply>((resolve, reject) => {
      const killer = setTimeout(() => {
        this.killedForTime = true;
        this.child.kill('SIGKILL');
      }, this.settings.timeoutMs + KILL_GRACE_MS);
      this.pending = {
        id,
        settle: (reply) => {
          clearTimeout(killer);
          this.pending = undefined;
          if (reply instanceof WorkerError) reject(reply);
          else if (reply.kind === 'failure') reject(failed(reply.code, reply.message, this.settings.timeoutMs));
          else resolve(reply);
        },
      };
      this.child.send({ kind: 'run', id, sql });
    });
  }
}

/** The sandbox process, started under `ulimit -d` (RLIMIT_DATA) by the shell, with no environment of the worker's. */
function startProcess(settings: SandboxSettings, dataBytes: number): ChildProcess {
  const program = sandboxProgram();
  // RLIMIT_AS would count V8's reserved address space (several GB) and stop Node from starting;
  // RLIMIT_DATA counts the memory a process writes to, which is what a huge value needs.
  return spawn(
    '/bin/sh',
    [
      '-c',
      'ulimit -d "$1" && shift && exec "$@"',
      'sql-sandbox',
      String(Math.floor(dataBytes / 1024)),
      process.execPath,
      '--max-old-space-size=256',
      program.script,
      JSON.stringify(settings),
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced', env: { NODE_PATH: program.nodePath } },
  );
}

/** Writes the dataset's table, and nothing else, to a DuckDB file of its own for the sandbox process. */
async function copyTable(source: DuckDBConnection, table: string, file: string): Promise<void> {
  const alias = quoteIdent(`sandbox_${randomUUID().replace(/-/g, '')}`);
  await source.run(`ATTACH ${quoteLiteral(file)} AS ${alias}`);
  try {
    await source.run(`CREATE TABLE ${alias}.${quoteIdent(table)} AS SELECT * FROM ${quoteIdent(table)}`);
  } finally {
    await source.run(`DETACH ${alias}`);
  }
}

/**
 * Whether DuckDB knows a name as a table, view, table function, schema or
 * database (the dataset aside): no CTE may take one, in case a reference out
 * of the CTE's scope reads the real object.
 */
async function catalogObjects(source: DuckDBConnection, table: string): Promise<(name: string) => boolean> {
  const rows = await queryRows(
    source,
    `SELECT lower(view_name) AS name FROM duckdb_views()
     UNION SELECT lower(table_name) FROM duckdb_tables()
     UNION SELECT lower(function_name) FROM duckdb_functions() WHERE function_type IN ('table', 'table_macro')
     UNION SELECT lower(schema_name) FROM duckdb_schemas()
     UNION SELECT lower(database_name) FROM duckdb_databases()`,
  );
  const names = new Set(rows.map((row) => String(row.name)));
  names.delete(table.toLowerCase());
  return (name) => names.has(name) || CATALOG_PREFIX.test(name);
}

function failed(code: 'SQL_FAILED' | 'SQL_TIMEOUT' | 'SQL_TOO_MUCH_MEMORY', message: string, timeoutMs: number) {
  if (code === 'SQL_TIMEOUT') return timedOut(timeoutMs);
  if (code === 'SQL_TOO_MUCH_MEMORY') {
    return new WorkerError('SQL_TOO_MUCH_MEMORY', tooMuchMemory, { cause: new Error(message) });
  }
  return new WorkerError('SQL_FAILED', `The query failed: ${message}`);
}

function timedOut(timeoutMs: number): WorkerError {
  return new WorkerError('SQL_TIMEOUT', `The query ran longer than ${timeoutMs / 1000} s and was stopped.`);
}

/**
 * A value of DuckDB's as this code's own: Node's IPC builds the cloned rows in
 * its own realm, so a Date from it fails `instanceof Date` where the code runs
 * in another (a test runner's context).
 */
function ownRealm(value: unknown): JS {
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  if (Array.isArray(value)) return value.map(ownRealm);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, ownRealm(item)])) as JS;
  }
  return value as JS;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
