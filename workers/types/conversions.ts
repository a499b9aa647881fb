import { quoteLiteral } from '../engine/duckdb';
import type { ScanType } from '../ingest/raw-source';
import { NULL_TOKENS, type Candidate, type NumberFormat } from './candidates';

/** SQL that reads a formatted number (currency, groups, percent, accounting negatives); NULL when it does not fit. */
export function numberSql(raw: string, format: NumberFormat): string {
  let text = raw;
  for (const token of format.strip) text = `replace(${text}, ${quoteLiteral(token)}, '')`;
  if (format.unicodeMinus) text = `replace(${text}, '−', '-')`;
  if (format.decimal === ',') text = `replace(${text}, ',', '.')`;
  const value = `TRY_CAST(${text} AS DOUBLE)`;
  // Accounting negatives: (1,234) is -1234.
  const signed = format.strip.includes('(')
    ? `CASE WHEN contains(${raw}, '(') THEN -abs(${value}) ELSE ${value} END`
    : value;
  return format.percent ? `(${signed}) / 100` : signed;
}

function dateSql(raw: string, formats: string[]): string {
  if (formats.length === 0) return `TRY_CAST(${raw} AS TIMESTAMP)`;
  if (formats.length === 1) return `try_strptime(${raw}, ${quoteLiteral(formats[0] as string)})`;
  return `try_strptime(${raw}, [${formats.map(quoteLiteral).join(', ')}])`;
}

function excelSerialSql(raw: string): string {
  return `(TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(TRY_CAST(${raw} AS DOUBLE) * 86400000000) AS BIGINT)))`;
}

function booleanSql(raw: string): string {
  const yes = ['true', 'yes', 'y', 't'].map(quoteLiteral).join(', ');
  const no = ['false', 'no', 'n', 'f'].map(quoteLiteral).join(', ');
  return `CASE WHEN lower(trim(${raw})) IN (${yes}) THEN true WHEN lower(trim(${raw})) IN (${no}) THEN false END`;
}

/** True for a raw value that is present but means "no value" (N/A, -, null). */
export function nullTokenSql(raw: string): string {
  return `lower(trim(${raw})) IN (${NULL_TOKENS.map(quoteLiteral).join(', ')})`;
}

/**
 * The type to ask the scanner for: DuckDB's CSV reader parses plain decimals and
 * ISO dates itself, faster than a cast afterwards, and rejects a value that does
 * not fit. Integers stay text so that leading zeros can still be seen.
 */
export function scanTypeFor(candidate: Candidate): ScanType {
  if (candidate.kind === 'number' && candidate.plain && !candidate.integer && !candidate.nullTokens) return 'DOUBLE';
  if (candidate.kind === 'date' && !candidate.nullTokens && !candidate.format.excelSerial) {
    if (candidate.format.formats.length === 1 && candidate.format.formats[0] === '%Y-%m-%d') return 'DATE';
    if (candidate.format.formats.length === 0) return 'TIMESTAMP';
  }
  return 'VARCHAR';
}

/**
 * The conversion of a text column into its candidate type, NULL where a value
 * does not fit; null for text columns and columns the scanner already typed.
 */
export function conversionSql(raw: string, candidate: Candidate): string | null {
  switch (candidate.kind) {
    case 'boolean':
      return booleanSql(raw);
    case 'number':
      // Integers are read as DOUBLE too: a cast to BIGINT would round `2.5` instead of failing.
      return candidate.plain ? `TRY_CAST(${raw} AS DOUBLE)` : numberSql(raw, candidate.format);
    case 'date':
      return candidate.format.excelSerial ? excelSerialSql(raw) : dateSql(raw, candidate.format.formats);
    case 'text':
      return null;
  }
}

/** Values that converted but must not be read as numbers: `0123` is a code, not 123. */
export function suspectSql(raw: string, candidate: Candidate): string | null {
  if (candidate.kind === 'number' && candidate.plain && candidate.integer) {
    return `(starts_with(${raw}, '0') AND length(${raw}) > 1 AND NOT starts_with(${raw}, '0.'))`;
  }
  return null;
}
