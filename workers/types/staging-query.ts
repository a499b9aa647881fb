import type { ScanType } from '../ingest/raw-source';
import type { Candidate } from './candidates';
import { conversionSql, isoLikeSql, suspectSql } from './conversions';

/** A column's plan for one scan: its candidate and how the scanner reads it. */
export interface ColumnPlan {
  candidate: Candidate;
  scan: ScanType;
  /** Set when the column was turned to text because values did not fit. */
  note?: string;
  /** Values that did not fit the candidate and are left empty, as `note` says. */
  strays?: number;
}

export const value = (i: number) => `v${i}`;
export const odd = (i: number) => `x${i}`;

export const familyDay = (i: number) => `d${i}`;

const conversionOf = (plan: ColumnPlan, c: string) => conversionSql(c, plan.candidate, plan.scan);
export const converts = (plan: ColumnPlan) => conversionOf(plan, 'c') !== null;

/**
 * Whether the staged column keeps `d{i}`, the day of each value not written in ISO: in a column of
 * `03/04/2024` dates with some ISO ones, only the former can prove which part is the day.
 */
export function keepsFamilyDay(plan: ColumnPlan): boolean {
  const { candidate } = plan;
  return (
    candidate.kind === 'date' && candidate.format.iso === true && candidate.format.proven === false && converts(plan)
  );
}

/**
 * The staging SELECT over a scan: converted values `v{i}` and, for converted
 * columns, a sparse `x{i}` holding the text of every value that did not convert
 * (or converted but must not be trusted as a number), and `d{i}` where
 * {@link keepsFamilyDay} says so. Two levels, so each
 * conversion is computed once. Text-only input (padded rows) is first cast to
 * the types the scanner would have parsed.
 */
export function stagingQuery(plans: ColumnPlan[], from: string, fromText: boolean): string {
  const source = fromText
    ? `(SELECT ${plans.map((plan, i) => (plan.scan === 'VARCHAR' ? `c${i}` : `TRY_CAST(c${i} AS ${plan.scan}) AS c${i}`)).join(', ')} FROM ${from})`
    : from;
  const inner = plans.flatMap((plan, i) => {
    const c = `c${i}`;
    const conversion = conversionOf(plan, c);
    return conversion ? [c, `${conversion} AS ${value(i)}`] : [`${c} AS ${value(i)}`];
  });
  const outer = plans.flatMap((plan, i) => {
    if (!converts(plan)) return [value(i)];
    const c = `c${i}`;
    const suspect = plan.scan === 'VARCHAR' ? suspectSql(c, plan.candidate) : null;
    const misfit = `${value(i)} IS NULL AND ${c} IS NOT NULL${suspect ? ` OR ${suspect}` : ''}`;
    // A suspect value converted, but is set aside like one that did not: counted, shown, and not summed.
    const kept = suspect ? `CASE WHEN ${suspect} THEN NULL ELSE ${value(i)} END AS ${value(i)}` : value(i);
    const columns = [kept, `CASE WHEN ${misfit} THEN CAST(${c} AS VARCHAR) END AS ${odd(i)}`];
    if (keepsFamilyDay(plan))
      columns.push(`CASE WHEN NOT ${isoLikeSql(c)} THEN day(${value(i)}) END AS ${familyDay(i)}`);
    return columns;
  });
  return `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${source})`;
}

/** The DuckDB type a column has in the staging table. */
export function storageOfConversion(candidate: Candidate): string {
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
