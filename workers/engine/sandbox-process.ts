import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { serialize } from 'node:v8';
import {
  type SandboxReply,
  type SandboxRequest,
  type SandboxSettings,
  sandboxRequest,
  sandboxSettings,
} from './sandbox-protocol';

/**
 * The process a sandbox runs model-written SQL in (see `SqlSandbox`). It opens
 * the copy of the dataset read-only, with external access, extensions and
 * spilling off and the configuration locked, then answers one statement at a
 * time over the IPC channel. It is started under an operating-system limit on
 * its data memory, so a statement that builds one huge value fails or kills
 * this process, never the worker; and it imports nothing of the worker's, so
 * it holds no secret and no other data.
 */
async function open(settings: SandboxSettings): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(settings.database, {
    access_mode: 'READ_ONLY',
    enable_external_access: 'false',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    max_temp_directory_size: '0B',
    memory_limit: settings.memoryLimit,
    threads: String(settings.threads),
    lock_configuration: 'true',
  });
  return instance.connect();
}

function serve(settings: SandboxSettings): void {
  let connection: Promise<DuckDBConnection> | undefined;
  process.on('message', (message) => {
    const request = sandboxRequest.parse(message);
    if (request.kind === 'open') {
      connection = open(settings);
      void connection.then(() => send({ kind: 'ready' }), quit);
    } else if (connection) {
      void connection.then((opened) => execute(opened, request, settings)).then(send);
    }
  });
  // The worker going away closes the channel; nothing else would end this process.
  process.on('disconnect', () => process.exit(0));
}

type Answer = Exclude<SandboxReply, { kind: 'ready' }>;

async function execute(
  connection: DuckDBConnection,
  { id, sql }: Extract<SandboxRequest, { kind: 'run' }>,
  settings: SandboxSettings,
): Promise<Answer> {
  const timer = setTimeout(() => connection.interrupt(), settings.timeoutMs);
  try {
    const reader = await connection.streamAndReadUntil(sql, settings.maxRows + 1);
    const rows = reader.getRowsJS();
    const answer = {
      kind: 'result' as const,
      id,
      columns: reader.columnNames().map((name, i) => ({
        name,
        typeId: reader.columnTypeId(i),
        type: reader.columnType(i).toString(),
      })),
      rows: rows.slice(0, settings.maxRows),
      truncated: rows.length > settings.maxRows || !reader.done,
    };
    const bytes = serialize(answer).length;
    if (bytes > settings.maxResultBytes) {
      return failure(id, 'SQL_TOO_MUCH_MEMORY', `its result holds ${Math.round(bytes / 1e6)} MB`);
    }
    return answer;
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    if (/interrupt/i.test(text)) return failure(id, 'SQL_TIMEOUT', text);
    if (/out of memory|bad.alloc|invalid string length|allocation failed/i.test(text)) {
      return failure(id, 'SQL_TOO_MUCH_MEMORY', text);
    }
    return failure(id, 'SQL_FAILED', text);
  } finally {
    clearTimeout(timer);
  }
}

function failure(id: number, code: 'SQL_FAILED' | 'SQL_TIMEOUT' | 'SQL_TOO_MUCH_MEMORY', message: string): Answer {
  return { kind: 'failure', id, code, message };
}

function send(reply: SandboxReply): void {
  process.send?.(reply);
}

function quit(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

serve(sandboxSettings.parse(JSON.parse(process.argv[2] ?? '""')));
