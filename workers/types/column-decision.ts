import type { ColumnType, ColumnUnit } from '../../core/dataset';
import type { Candidate, NumberMix } from './candidates';

/** Whole-column facts about a column whose every value converted. */
export interface ColumnStats {
  /** Values with a fractional part (numbers read as decimals). */
  fractional?: number;
  /** Values with a time of day other than midnight (dates read as timestamps). */
  withTime?: number;
  /** The largest day of month (d/m/y dates): above 12 proves the order. */
  maxDay?: number;
  /** NaN and infinities in a number column, read as missing values. */
  nonFinite?: number;
  /**
   * Dates that stand for "no date" (see `sentinel-dates.ts`), read as missing
   * values: how many, the placeholder days among them, and a few examples.
   */
  sentinels?: { count: number; placeholders: string[]; examples: string[] };
}

/** The type a column ends up with and the DuckDB type that stores it. */
export interface ColumnDecision {
  type: ColumnType;
  unit: ColumnUnit | null;
  storage: 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN' | 'VARCHAR';
  notes: string[];
  /** Text that is a code (numbers with leading zeros, IDs), not words. */
  identifierLike: boolean;
  /** Values that stand for no value (NaN, placeholder dates) and are read as missing. */
  emptied?: number;
}

/** Names of columns whose numbers are labels, not quantities: postal codes, order numbers, IDs. */
const IDENTIFIER_NAME =
  /(^|[\s_.-])(id|code|zip|zip ?code|postal|postal ?code|post ?code|sku|ean|upc|isbn|phone|account|key|number|no|nr|#)$|[a-z]ID$/i;

export function isIdentifierName(name: string): boolean {
  return IDENTIFIER_NAME.test(name.trim());
}

/** Why a file's dots group thousands: its values are separated by semicolons, or its dates are `31.12.2024`. */
export type DotGroupsCause = 'semicolons' | 'dotted dates';

const DOT_GROUPS_CAUSES: Record<DotGroupsCause, string> = {
  semicolons: 'in a semicolon-separated file',
  'dotted dates': 'beside dates written day.month.year',
};

const ORDER_WORDS = { mdy: 'month/day/year', dmy: 'day/month/year', ymd: 'year/month/day' } as const;

const TEXT: ColumnDecision = { type: 'text', unit: null, storage: 'VARCHAR', notes: [], identifierLike: false };

/** The note on numbers whose dots were read as thousands groups, with the cause and the fix if they were decimals. */
function dotGroupsNote(cause: DotGroupsCause, example: string): string {
  const read = example.replace('.', '');
  return `read "${example}" as ${read}: ${DOT_GROUPS_CAUSES[cause]} the dot groups thousands; if these are decimals, write them with a decimal comma ("${example.replace('.', ',')}")`;
}

/** Why numbers were kept as text, and what would make them numbers: the file is the person's to fix. */
function mixNote({ mixed, examples }: NumberMix): string {
  const some = `e.g. ${examples.map((v) => `"${v}"`).join(', ')}`;
  return mixed === 'currencies'
    ? `kept as text: the amounts are in more than one currency (${some}); convert them to one currency, or give each its own column, to read them as numbers`
    : `kept as text: percentages and plain numbers are mixed (${some}); write them all one way to read them as numbers`;
}

/**
 * Decides a column's final type once every value of it has converted to its
 * candidate: integers named like codes stay text, numbers get their unit, dates
 * without times become dates, and an unproven day/month order gets a note, as do
 * dots read as thousands groups (`dotGroups`: why, and a value read so).
 */
export function decideColumn(
  name: string,
  candidate: Candidate,
  stats: ColumnStats,
  dotGroups?: { cause: DotGroupsCause; example: string },
): ColumnDecision {
  switch (candidate.kind) {
    case 'text':
      return {
        ...TEXT,
        identifierLike: candidate.identifier ?? false,
        notes: candidate.mix ? [mixNote(candidate.mix)] : [],
      };
    case 'boolean':
      return { ...TEXT, type: 'boolean', storage: 'BOOLEAN' };
    case 'number': {
      const unit = candidate.plain ? candidate.unit : candidate.format.percent ? 'percent' : candidate.format.currency;
      const integral = candidate.plain ? candidate.integer : (stats.fractional ?? 0) === 0;
      if (candidate.plain && integral && !unit && isIdentifierName(name)) return { ...TEXT, identifierLike: true };
      const type: ColumnType = unit === 'percent' ? 'percent' : unit ? 'currency' : integral ? 'integer' : 'decimal';
      const notes: string[] = [];
      const guessed = !candidate.plain && candidate.format.decimalGuessed;
      if (guessed && candidate.format.decimal === '.') {
        notes.push('read "." as the decimal mark; no value showed which separator groups thousands');
      }
      if (guessed && candidate.format.decimal === ',' && dotGroups) {
        notes.push(dotGroupsNote(dotGroups.cause, dotGroups.example));
      }
      const nonFinite = stats.nonFinite ?? 0;
      if (nonFinite > 0) {
        const count = nonFinite.toLocaleString('en-US');
        notes.push(
          `${count} ${nonFinite === 1 ? 'value was' : 'values were'} NaN or infinite and ${nonFinite === 1 ? 'is' : 'are'} left empty, so sums and averages skip ${nonFinite === 1 ? 'it' : 'them'}`,
        );
      }
      const storage = type === 'integer' ? 'BIGINT' : 'DOUBLE';
      return { type, unit, storage, notes, identifierLike: false, ...(nonFinite > 0 ? { emptied: nonFinite } : {}) };
    }
    case 'date': {
      const { format } = candidate;
      const ambiguous = format.proven === false && (stats.maxDay ?? 0) <= 12;
      const notes = ambiguous
        ? [`day and month order is ambiguous (every value reads both ways); read as ${ORDER_WORDS[format.order]}`]
        : [];
      if (stats.sentinels) {
        const { count, examples } = stats.sentinels;
        const dates = count === 1 ? 'date was a placeholder' : 'dates were placeholders';
        notes.push(
          `${count.toLocaleString('en-US')} ${dates} for "no date" (${examples.join(', ')}) and ${count === 1 ? 'is' : 'are'} left empty`,
        );
      }
      const withTime = (stats.withTime ?? 0) > 0;
      return {
        ...TEXT,
        type: withTime ? 'datetime' : 'date',
        storage: withTime ? 'TIMESTAMP' : 'DATE',
        notes,
        ...(stats.sentinels ? { emptied: stats.sentinels.count } : {}),
      };
    }
  }
}
