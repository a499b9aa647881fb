import { parseArgs } from 'node:util';
import { loadConfig } from '../../core/config';
import { openDatabase } from '../engine/duckdb';
import { WorkerError } from '../errors';
import { ingestFile } from '../ingest/ingest-file';
import { overviewText } from './overview-text';

const USAGE = 'Usage: npm run analyze -- <file.csv|file.xlsx> [--sheet NAME] [--json]';

export interface CliIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  /** The environment to read settings from (default: the process's). */
  env?: Record<string, string | undefined>;
}

/** Runs the worker's analysis path in a terminal; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const { out, err } = io;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { sheet: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean' } },
    });
  } catch (error) {
    err.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [file] = parsed.positionals;
  if (parsed.values.help || !file) {
    (parsed.values.help ? out : err).write(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  try {
    const config = loadConfig(io.env);
    const connection = await openDatabase();
    const dataset = await ingestFile(file, { connection, sheet: parsed.values.sheet, ...config });
    const { meta } = dataset;
    if (parsed.values.json) {
      const { columns, ...rest } = meta;
      const summary = { ...rest, columns: columns.map(({ name, type, role, unit }) => ({ name, type, role, unit })) };
      out.write(`${JSON.stringify({ dataset: summary, profile: { rows: meta.rows, columns } })}\n`);
    } else {
      out.write(`${overviewText(meta)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof WorkerError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    err.write(`Something went wrong on our side while reading the file: ${(error as Error).message.split('\n')[0]}\n`);
    return 3;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { out: process.stdout, err: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
