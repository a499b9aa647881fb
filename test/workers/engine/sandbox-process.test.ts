import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, closeDatabase, quoteLiteral } from '../../../workers/engine/duckdb';
import { sandboxProgram } from '../../../workers/engine/sandbox-program';
import { type SandboxReply, sandboxReply, type SandboxSettings } from '../../../workers/engine/sandbox-protocol';

/**
 * Integration: the sandbox process on its own, sent statements the worker's
 * checks would refuse before they ever reached it. Whatever reaches it, it
 * reads its one Parquet copy of the dataset and no other file, writes none,
 * and cannot switch that back on.
 */
describe('the sandbox process, past the worker checks', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sandbox-process-test-'));
  const parquet = join(folder, 'dataset.parquet');
  const secret = join(folder, 'secret.csv');
  let child: ChildProcess;
  let nextId = 0;

  const replies: SandboxReply[] = [];
  const waiting: ((reply: SandboxReply) => void)[] = [];
  function nextReply(): Promise<SandboxReply> {
    const ready = replies.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
  }

  beforeAll(async () => {
    writeFileSync(secret, 'password\nhunter2\n');
    const source = await openDatabase();
    try {
      await source.run('CREATE TABLE t AS SELECT range AS n, 2 * range AS twice FROM range(1000)');
      await source.run(`COPY t TO ${quoteLiteral(parquet)} (FORMAT parquet)`);
      chmodSync(parquet, 0o444);
    } finally {
      closeDatabase(source);
    }
    const settings: SandboxSettings = {
      parquet,
      table: 'dataset',
      memoryLimit: '256MB',
      threads: 1,
      timeoutMs: 5000,
      maxRows: 100,
      maxResultBytes: 1 << 20,
    };
    const program = sandboxProgram();
    child = spawn(process.execPath, [program.script, JSON.stringify(settings)], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
      env: { NODE_PATH: program.nodePath },
    });
    child.on('message', (message) => {
      const reply = sandboxReply.parse(message);
      const waiter = waiting.shift();
      if (waiter) waiter(reply);
      else replies.push(reply);
    });
    child.send({ kind: 'open' });
    expect(await nextReply()).toEqual({ kind: 'ready' });
  });

  afterAll(() => {
    child.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  async function run(sql: string): Promise<SandboxReply> {
    child.send({ kind: 'run', id: ++nextId, sql });
    return nextReply();
  }

  it('reads the copy of the dataset by its table name', async () => {
    const reply = await run('SELECT count(*), sum(twice) FROM dataset');
    expect(reply).toMatchObject({ kind: 'result', rows: [[1000n, 999_000n]] });
  });

  it.each([
    ['another file', `SELECT * FROM read_csv(${quoteLiteral(secret)})`],
    ['another file by glob', `SELECT * FROM read_csv(${quoteLiteral(join(folder, '*.csv'))})`],
    ['a write over the copy', `COPY (SELECT 1 AS n) TO ${quoteLiteral(parquet)} (FORMAT parquet)`],
    ['a write beside the copy', `COPY dataset TO ${quoteLiteral(join(folder, 'leak.csv'))}`],
    ['another database', `ATTACH ${quoteLiteral(join(folder, 'other.duckdb'))} AS other`],
    ['switching file access back on', 'SET enable_external_access = true'],
    ['allowing another path', `SET allowed_paths = [${quoteLiteral(secret)}]`],
  ])('refuses %s on its own', async (_what, sql) => {
    const reply = await run(sql);
    expect(reply).toMatchObject({ kind: 'failure', code: 'SQL_FAILED' });
    expect(JSON.stringify(reply)).not.toContain('hunter2');
  });
});
