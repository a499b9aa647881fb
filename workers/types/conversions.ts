import { quoteLiteral } from '../engine/duckdb';
import type { ScanType } from '../ingest/raw-source';
import { NON_FINITE, NULL_TOKENS, type Candidate, type DateFormat, type NumberFormat } from './candidates';

/** SQL that reads a formatted number (currency, groups, percent, accounting negatives); NULL when it does not fit. */
export function numberSql(raw: string, format: NumberFormat): string {
  let text = raw;
  for (const token of format.strip) text = `replace(${text}, ${quoteLiteral(token)}, '')`;
  if (format.unicodeMinus) text = `replace(${text}, '−', '-')`;
  if (format.trailingMinus) text = `regexp_replace(trim(${text}), '^([^-]*)-$', '-\\1')`;
  if (format.decimal === ',') text = `replace(${text}, ',', '.')`;
  // Where dots group thousands, `12.5` past the sample is no group: a misfit, not 125.
  const value =
    format.decimal === ',' && format.strip.includes('.')
      ? `CASE WHEN regexp_matches(${raw}, '\\.(\\d{0,2}|\\d{4,})(\\D|$)') THEN NULL ELSE TRY_CAST(${text} AS DOUBLE) END`
      : `TRY_CAST(${text} AS DOUBLE)`;
  // Accounting negatives: (1,234) is -1234.
  const signed = format.strip.includes('(')
    ? `CASE WHEN contains(${raw}, '(') THEN -abs(${value}) ELSE ${value} END`
    : value;
  return format.percent ? `(${signed}) / 100` : signed;
}

/** True where a raw value starts like an ISO 8601 date, so that DuckDB's own cast may read it (and not `epoch`). */
export function isoLikeSql(raw: string): string {
  return `regexp_matches(${raw}, '^\\s*\\d{4}-\\d')`;
}

/** The first of the month a `202401`-style number (text, or a workbook's DOUBLE) names; NULL for any other value. */
function yearMonthNumberSql(raw: string): string {
  const n = `TRY_CAST(${raw} AS DOUBLE)`;
  return (
    `CASE WHEN ${n} = trunc(${n}) AND ${n} BETWEEN 190001 AND 219912 AND ${n} % 100 BETWEEN 1 AND 12 ` +
    `THEN make_timestamp(CAST(floor(${n} / 100) AS BIGINT), CAST(${n} % 100 AS BIGINT), 1, 0, 0, 0) END`
  );
}

function dateSql(raw: string, { formats, iso, yearMonthNumbers }: DateFormat): string {
  if (formats.length === 0 && !yearMonthNumbers) return `TRY_CAST(${raw} AS TIMESTAMP)`;
  const readings: string[] = [];
  if (formats.length === 1) readings.push(`try_strptime(${raw}, ${quoteLiteral(formats[0] as string)})`);
  if (formats.length > 1) readings.push(`try_strptime(${raw}, [${formats.map(quoteLiteral).join(', ')}])`);
  if (yearMonthNumbers) readings.push(yearMonthNumberSql(raw));
  if (iso) readings.push(`CASE WHEN ${isoLikeSql(raw)} THEN TRY_CAST(trim(${raw}) AS TIMESTAMP) END`);
  return readings.length === 1 ? (readings[0] as string) : `coalesce(${readings.join(', ')})`;
}

function excelSerialSql(raw: string): string {
  return `(TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(TRY_CAST(${raw} AS DOUBLE) * 86400000000) AS BIGINT)))`;
}

function booleanSql(raw: string): string {
  const yes = ['true', 'yes', 'y', 't'].map(quoteLiteral).join(', ');
  const no = ['false', 'no', 'n', 'f'].map(quoteLiteral).join(', ');
  return `CASE WHEN lower(trim(${raw})) IN (${yes}) THEN true WHEN lower(trim(${raw})) IN (${no}) THEN false END`;
}

/** True for a raw value that is present but means "no value" (N/A, -, null, NaN, inf). */
export function nullTokenSql(raw: string): string {
  const tokens = [...new Set([...NULL_TOKENS, ...NON_FINITE])];
  return `lower(trim(${raw})) IN (${tokens.map(quoteLiteral).join(', ')})`;
}

/** True for a raw value that spells a NaN or an infinity. */
export function nonFiniteTokenSql(raw: string): string {
  return `lower(trim(${raw})) IN (${NON_FINITE.map(quoteLiteral).join(', ')})`;
}

/**
 * The type to ask the scanner for: DuckDB's CSV reader parses plain numbers and
 * ISO dates itself, faster than a cast afterwards, and rejects a value that does
 * not fit. Numbers are read as DOUBLE, integers included (its BIGINT parse rounds
 * `2.5` rather than rejecting it), and become BIGINT once no value has a fraction.
 * Integers of one fixed width stay text, because codes look like that and their
 * leading zeros must still be seen; quantities vary in width.
 */
export function scanTypeFor(candidate: Candidate): ScanType {
  if (candidate.kind === 'number' && candidate.plain && !candidate.nullTokens && !candidate.fixedWidth) {
    return 'DOUBLE';
  }
  if (candidate.kind === 'date' && !candidate.nullTokens && !candidate.format.excelSerial) {
    if (candidate.format.formats.length === 1 && candidate.format.formats[0] === '%Y-%m-%d') return 'DATE';
    if (candidate.format.formats.length === 0 && !candidate.format.yearMonthNumbers) return 'TIMESTAMP';
  }
  return 'VARCHAR';
}

/**
 * The conversion of a scanned column into its candidate type, NULL where a value
 * does not fit; null when there is nothing to convert (text, or a type the
 * scanner already parsed). Integers the scanner read as DOUBLE become BIGINT
 * here, and a value with a fraction is a misfit that revises the candidate.
 */
export function conversionSql(raw: string, candidate: Candidate, scan: ScanType = 'VARCHAR'): string | null {
  if (scan !== 'VARCHAR') {
    const integer = candidate.kind === 'number' && candidate.plain && candidate.integer;
    return integer ? `CASE WHEN ${raw} = trunc(${raw}) THEN TRY_CAST(${raw} AS BIGINT) END` : null;
  }
  switch (candidate.kind) {
    case 'boolean':
      return booleanSql(raw);
    case 'number':
      if (!candidate.plain) return numberSql(raw, candidate.format);
      // A cast to BIGINT rounds `2.5` instead of failing, so a decimal point is a misfit here; DuckDB's
      // casts also read `1_000` as 1000 (and `0x10` as 16, a suspect value below), which no export means.
      if (candidate.integer)
        return `CASE WHEN contains(${raw}, '.') OR contains(${raw}, '_') THEN NULL ELSE TRY_CAST(${raw} AS BIGINT) END`;
      return `CASE WHEN contains(${raw}, '_') THEN NULL ELSE TRY_CAST(${raw} AS DOUBLE) END`;
    case 'date':
      return candidate.format.excelSerial ? excelSerialSql(raw) : dateSql(raw, candidate.format);
    case 'text':
      return candidate.spellings ? spellingSql(raw, candidate.spellings) : null;
  }
}

/** Each answer in its one spelling (`yes`, `Yes ` → `Yes`); any other value as written. */
function spellingSql(raw: string, spellings: Record<string, string>): string {
  const cases = Object.entries(spellings).map(
    ([lower, spelling]) => `WHEN ${quoteLiteral(lower)} THEN ${quoteLiteral(spelling)}`,
  );
  return `CASE lower(trim(${raw})) ${cases.join(' ')} ELSE ${raw} END`;
}

/** Values that converted but must not be read as numbers: `0123` is a code, not 123. */
export function suspectSql(raw: string, candidate: Candidate): string | null {
  if (candidate.kind === 'number' && candidate.plain && candidate.integer) {
    return `(starts_with(${raw}, '0') AND length(${raw}) > 1 AND NOT starts_with(${raw}, '0.'))`;
  }
  return null;
}
