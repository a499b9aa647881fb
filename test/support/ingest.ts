import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnProfile } from '../../core/dataset';
import { openDatabase, queryRows } from '../../workers/engine/duckdb';
import { ingestFile, type Dataset } from '../../workers/ingest/ingest-file';

export const LIMITS = { maxUploadBytes: 200 * 1024 * 1024, maxUnzippedBytes: 1024 * 1024 * 1024 };

const dir = mkdtempSync(join(tmpdir(), 'ingest-test-'));

/** Writes bytes to a temporary file named `name` and returns its path. */
export function fixtureFile(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export interface Loaded extends Dataset {
  connection: DuckDBConnection;
  column(name: string): ColumnProfile;
  rows(sql: string): Promise<Record<string, unknown>[]>;
}

/** Ingests a file into a fresh DuckDB and gives handy accessors for assertions. */
export async function load(
  path: string,
  options: { sheet?: string; maxUploadBytes?: number; tmpDir?: string } = {},
): Promise<Loaded> {
  const connection = await openDatabase();
  const dataset = await ingestFile(path, { connection, ...LIMITS, ...options });
  return {
    ...dataset,
    connection,
    column(name: string) {
      const found = dataset.meta.columns.find((c) => c.name === name);
      if (!found) throw new Error(`no column ${name}; have ${dataset.meta.columns.map((c) => c.name).join(', ')}`);
      return found;
    },
    rows: (sql: string) => queryRows(connection, sql),
  };
}

/** Ingests text written to a temporary file. */
export async function loadText(name: string, content: string | Buffer): Promise<Loaded> {
  return load(fixtureFile(name, content));
}

/** A column's type, role and unit in one string, for compact assertions. */
export function shape(column: ColumnProfile): string {
  return [column.type, column.role, column.unit ?? '-'].join('/');
}
