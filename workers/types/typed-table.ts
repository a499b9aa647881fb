import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType, ColumnUnit } from '../../core/dataset';
import { queryRows, quoteIdent } from '../engine/duckdb';
import type { RawSource, ScanRejects, ScanType } from '../ingest/raw-source';
import type { Candidate } from './candidates';
import { decideColumn, type ColumnStats } from './column-decision';
import { conversionSql, nullTokenSql, scanTypeFor, suspectSql } from './conversions';
import { candidateFor } from './value-shapes';

export interface TypedColumn {
  name: string;
  type: ColumnType;
  unit: ColumnUnit | null;
  notes: string[];
  identifierLike: boolean;
}

export interface TypedTable {
  columns: TypedColumn[];
  /** What the final scan could not load (CSV rows with too many fields, bad bytes). */
  rejects: ScanRejects | null;
}

/** A column's plan for one scan: its candidate and how the scanner reads it. */
interface ColumnPlan {
  candidate: Candidate;
  scan: ScanType;
  /** Set when the column was turned to text because values did not fit. */
  note?: string;
}

const MAX_SCANS = 4;
const ODD_VALUES = 200;

const value = (i: number) => `v${i}`;
const odd = (i: number) => `x${i}`;

/**
 * Loads a raw source into a typed DuckDB table, checking every value. Each
 * column's candidate type comes from the sample; the scan converts in the same
 * pass (or lets DuckDB's reader parse the type natively) and sets aside, in a
 * sparse column, every value that did not convert. If any did, the candidate is
 * revised with those values and the scan repeats; a column that still does not
 * fit becomes text with a note. The clean file costs one scan.
 */
export async function buildTypedTable(connection: DuckDBConnection, source: RawSource, table: string): Promise<TypedTable> {
  const sampleOf = (i: number) => source.sample.map((row) => row[i] ?? null);
  const plans: ColumnPlan[] = source.columns.map((name, i) => {
    const candidate = candidateFor(name, sampleOf(i), source.hints[i]);
    return { candidate, scan: scanTypeFor(candidate) };
  });
  const stage = quoteIdent(table);
  let rejects: ScanRejects | null = null;
  for (let pass = 0; ; pass++) {
    const last = pass === MAX_SCANS - 1;
    await createStage(connection, source, plans, stage, pass);
    rejects = (await source.rejects?.(pass)) ?? null;
    if (rejects?.castFailures.length) {
      for (const i of rejects.castFailures) (plans[i] as ColumnPlan).scan = 'VARCHAR';
      continue;
    }
    if (rejects?.padded.length) await insertPadded(connection, source, plans, stage, rejects.padded);
    const revised = await reviseMisfits(connection, source, plans, stage, sampleOf, last);
    if (!revised) break;
  }
  const stats = await columnStats(connection, plans, stage);
  const columns = plans.map((plan, i) => {
    const name = source.columns[i] as string;
    const decision = decideColumn(name, plan.candidate, stats[i] ?? {});
    return {
      name,
      type: decision.type,
      unit: decision.unit,
      notes: plan.note ? [plan.note, ...decision.notes] : decision.notes,
      identifierLike: decision.identifierLike,
      storage: decision.storage,
    };
  });
  await finalize(connection, plans, stage, columns);
  return { columns: columns.map(({ storage: _storage, ...column }) => column), rejects };
}

function selectList(plans: ColumnPlan[], fromText: boolean): string {
  return plans
    .flatMap((plan, i) => {
      const c = `c${i}`;
      if (plan.scan !== 'VARCHAR') return [`${fromText ? `TRY_CAST(${c} AS ${plan.scan})` : c} AS ${value(i)}`];
      const conversion = conversionSql(c, plan.candidate);
      if (!conversion) return [`${c} AS ${value(i)}`];
      const suspect = suspectSql(c, plan.candidate);
      const misfit = `(${conversion}) IS NULL AND ${c} IS NOT NULL${suspect ? ` OR ${suspect}` : ''}`;
      return [`${conversion} AS ${value(i)}`, `CASE WHEN ${misfit} THEN ${c} END AS ${odd(i)}`];
    })
    .join(', ');
}

async function createStage(
  connection: DuckDBConnection,
  source: RawSource,
  plans: ColumnPlan[],
  stage: string,
  pass: number,
): Promise<void> {
  const scan = source.scan(
    plans.map((plan) => plan.scan),
    pass,
  );
  await connection.run(`CREATE OR REPLACE TABLE ${stage} AS SELECT ${selectList(plans, false)} FROM ${scan}`);
}

/** Adds back rows the scanner set aside for having too few fields, padded with NULLs. */
async function insertPadded(
  connection: DuckDBConnection,
  source: RawSource,
  plans: ColumnPlan[],
  stage: string,
  rows: (string | null)[][],
): Promise<void> {
  const padded = `${stage.slice(1, -1)}__padded`;
  const width = source.columns.length;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(padded)} (${plans.map((_, i) => `c${i} VARCHAR`).join(', ')})`,
  );
  const appender = await connection.createAppender(padded, 'temp');
  for (const row of rows) {
    for (let i = 0; i < width; i++) {
      const cell = row[i];
      if (cell == null) appender.appendNull();
      else appender.appendVarchar(cell);
    }
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(`INSERT INTO ${stage} SELECT ${selectList(plans, true)} FROM temp.${quoteIdent(padded)}`);
  await connection.run(`DROP TABLE temp.${quoteIdent(padded)}`);
}

/**
 * Looks at the values that did not convert. Null tokens (N/A, -) are just empty
 * values; anything else revises the column's candidate with those values added
 * to its sample, or turns it to text when the revision would change nothing.
 * Returns whether another scan is needed.
 */
async function reviseMisfits(
  connection: DuckDBConnection,
  source: RawSource,
  plans: ColumnPlan[],
  stage: string,
  sampleOf: (i: number) => (string | null)[],
  last: boolean,
): Promise<boolean> {
  const withOdd = plans.map((plan, i) => (plan.scan === 'VARCHAR' && conversionSql('c', plan.candidate) ? i : -1));
  const checked = withOdd.filter((i) => i >= 0);
  if (checked.length === 0) return false;
  const counts = checked.map((i) => `count(*) FILTER (WHERE ${odd(i)} IS NOT NULL AND NOT ${nullTokenSql(odd(i))}) AS n${i}`);
  const [row = {}] = await queryRows(connection, `SELECT count(*) AS total, ${counts.join(', ')} FROM ${stage}`);
  let revised = false;
  for (const i of checked) {
    const misfits = Number(row[`n${i}`] ?? 0);
    if (misfits === 0) continue;
    const plan = plans[i] as ColumnPlan;
    const name = source.columns[i] as string;
    const values = await queryRows(
      connection,
      `SELECT DISTINCT ${odd(i)} AS value FROM ${stage} WHERE ${odd(i)} IS NOT NULL AND NOT ${nullTokenSql(odd(i))} LIMIT ${ODD_VALUES}`,
    );
    const oddValues = values.map((v) => String(v.value));
    const next = candidateFor(name, [...sampleOf(i), ...oddValues], source.hints[i]);
    const stuck = last || JSON.stringify(next) === JSON.stringify(plan.candidate);
    if (stuck || next.kind === 'text') {
      const examples = oddValues.slice(0, 3).map((v) => `"${v.slice(0, 40)}"`).join(', ');
      const what = plan.candidate.kind === 'date' ? 'dates' : plan.candidate.kind === 'boolean' ? 'yes/no values' : 'numbers';
      plans[i] = {
        candidate: next.kind === 'text' ? next : { kind: 'text' },
        scan: 'VARCHAR',
        note:
          next.kind === 'text' && next.identifier
            ? undefined
            : `kept as text: ${misfits.toLocaleString('en-US')} values are not ${what} (e.g. ${examples})`,
      };
    } else {
      plans[i] = { candidate: next, scan: 'VARCHAR' };
    }
    revised = true;
  }
  return revised;
}

async function columnStats(connection: DuckDBConnection, plans: ColumnPlan[], stage: string): Promise<ColumnStats[]> {
  const parts: string[] = [];
  plans.forEach((plan, i) => {
    const { candidate } = plan;
    const v = value(i);
    if (candidate.kind === 'number' && !candidate.plain) {
      parts.push(`count(*) FILTER (WHERE ${v} <> trunc(${v})) AS fractional${i}`);
    }
    if (candidate.kind === 'date' && plan.scan !== 'DATE') {
      parts.push(`count(*) FILTER (WHERE CAST(${v} AS TIME) <> TIME '00:00:00') AS withtime${i}`);
    }
    if (candidate.kind === 'date' && candidate.format.proven === false) parts.push(`max(day(${v})) AS maxday${i}`);
  });
  if (parts.length === 0) return plans.map(() => ({}));
  const [row = {}] = await queryRows(connection, `SELECT ${parts.join(', ')} FROM ${stage}`);
  const n = (key: string) => (row[key] == null ? undefined : Number(row[key]));
  return plans.map((_, i) => ({ fractional: n(`fractional${i}`), withTime: n(`withtime${i}`), maxDay: n(`maxday${i}`) }));
}

/** Drops the misfit columns and gives each value column its name and final type, in place. */
async function finalize(
  connection: DuckDBConnection,
  plans: ColumnPlan[],
  stage: string,
  columns: (TypedColumn & { storage: string })[],
): Promise<void> {
  const statements: string[] = [];
  plans.forEach((plan, i) => {
    const column = columns[i] as TypedColumn & { storage: string };
    if (plan.scan === 'VARCHAR' && conversionSql('c', plan.candidate)) {
      statements.push(`ALTER TABLE ${stage} DROP COLUMN ${odd(i)}`);
    }
    const current = plan.scan !== 'VARCHAR' ? plan.scan : storageOfConversion(plan.candidate);
    if (current !== column.storage) {
      statements.push(`ALTER TABLE ${stage} ALTER COLUMN ${value(i)} SET DATA TYPE ${column.storage}`);
    }
    statements.push(`ALTER TABLE ${stage} RENAME COLUMN ${value(i)} TO ${quoteIdent(column.name)}`);
  });
  for (const statement of statements) await connection.run(statement);
}

function storageOfConversion(candidate: Candidate): string {
  switch (candidate.kind) {
    case 'boolean':
      return 'BOOLEAN';
    case 'number':
      return candidate.plain && candidate.integer ? 'BIGINT' : 'DOUBLE';
    case 'date':
      return 'TIMESTAMP';
    case 'text':
      return 'VARCHAR';
  }
}
