import { setImmediate } from 'node:timers/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType, ColumnUnit } from '../../core/dataset';
import { queryRows, quoteIdent } from '../engine/duckdb';
import { mergedTally, mergeSpellingsSql, spellingMerges, spellingNote } from './category-spellings';
import { recordedExtremes } from './column-extremes';
import type { ColumnHint, RawSource, ScanRejects, ScanType } from '../ingest/raw-source';
import type { Candidate } from './candidates';
import { decideColumn, type ColumnStats, type DotGroupsCause } from './column-decision';
import { nonFiniteTokenSql, nullTokenSql, scanTypeFor } from './conversions';
import {
  converts,
  familyDay,
  keepsFamilyDay,
  odd,
  stagingQuery,
  storageOfConversion,
  value,
  type ColumnPlan,
} from './staging-query';
import { placeholderDaysSql, sentinelSql, sentinelStats, sentinelStatsSql } from './sentinel-dates';
import { candidateFor, DOT_GROUP, toleratedDateMisfits } from './value-shapes';
import { majorityCandidate } from './majority-candidate';
import { labelHintSql, totalLabelSql } from './total-labels';
import { dropTotalsRows, type TotalsColumn } from './totals-rows';
import { COLUMNS_PER_QUERY, groupsOf } from './column-groups';
import { dropEmptyRows } from './empty-rows';
import { dropRepeatedHeaders } from './repeated-headers';
import { dropPageLines } from './page-lines';
import { listsDistinct, profileAggregates, type ProfiledKind } from '../profile/profile-aggregates';

export interface TypedColumn {
  name: string;
  type: ColumnType;
  unit: ColumnUnit | null;
  notes: string[];
  identifierLike: boolean;
  /** Values that stand for no value (NaN, placeholder dates), read as missing. */
  emptied?: number;
  /** Values that were not of the column's type and are left empty, as its note says. */
  strays?: number;
  /** Text columns: the shape of the sample's values, which tells free text from codes and categories. */
  sampleText?: { averageLength: number; spaceShare: number };
  /** Distinct values in the sample (text and yes/no columns): few means the column is a category. */
  sampleDistinct?: number;
  /**
   * Every value of a text column with few values, and how often it occurs, as DuckDB's `histogram`
   * gives them: counted once while typing, and used again by the profile (see {@link TALLY_SAMPLE_DISTINCT}).
   */
  tally?: Tally;
}

/** DuckDB's `histogram` of a column, as its client reads the map. */
export type Tally = { key: unknown; value: unknown }[];

/**
 * Up to this many distinct values in the sample, a text column's values are tallied in one
 * `histogram`, which yields their exact distinct count and top values without another pass. The
 * totals check reads its labels there too, instead of testing the column row by row. A column
 * whose sample misleads only costs a larger map.
 */
export const TALLY_SAMPLE_DISTINCT = 50;

/** The length and spacing of a text column's sampled values. */
function sampleText(values: (string | null)[]): { averageLength: number; spaceShare: number } {
  const present = values.filter((v): v is string => v !== null);
  if (present.length === 0) return { averageLength: 0, spaceShare: 0 };
  const length = present.reduce((sum, v) => sum + v.length, 0);
  const spaced = present.filter((v) => v.includes(' ')).length;
  return { averageLength: length / present.length, spaceShare: spaced / present.length };
}

export interface TypedTable {
  columns: TypedColumn[];
  rows: number;
  /** What the final scan could not load (CSV rows with too many fields, bad bytes). */
  rejects: ScanRejects | null;
  /** Rows with nothing in them, left out (see `empty-rows.ts`). */
  emptyRows: number;
  /** Rows that repeated the header, left out (see `repeated-headers.ts`). */
  headerRows: number;
  /** Rows that were a page's number, left out (see `page-lines.ts`). */
  pageRows: number;
  /**
   * The profile's aggregates of a narrow table, computed by the scan that checked it (see
   * `profileAggregates`); empty when rows or values changed after it (totals rows, NaN, placeholder dates).
   */
  profiled: Record<string, unknown>;
}

const MAX_SCANS = 4;
/**
 * Values that fit no candidate are left empty, and reported, when they are at most this share of the rows.
 * Dates tolerate more (`DATE_MISFIT_SHARE`): a value parsed by an explicit date format is strong evidence,
 * while a column of mostly numbers can still be codes.
 */
const TOLERATED_SHARE = 0.001;
const ODD_VALUES = 200;

/**
 * How a column is read: as the source already holds it when that is a number
 * column and the candidate is a number; else as the scanner can parse it, or as
 * text (`fallback`, text once a scan has shown the first guess wrong).
 */
function scanFor(source: RawSource, i: number, candidate: Candidate, fallback?: ScanType): ScanType {
  const fixed = source.fixedTypes?.[i];
  if (fixed === 'DOUBLE' && candidate.kind === 'number') return 'DOUBLE';
  return fallback ?? (source.readsTypes ? scanTypeFor(candidate) : 'VARCHAR');
}

/**
 * Why the file writes numbers the German way, where `37.547` is thirty-seven thousand: it is
 * semicolon-delimited (Excel's CSV where the comma is the decimal mark), or its dates are day-first
 * with dots; null when it does neither.
 */
function writesDotGroups(source: RawSource, plans: ColumnPlan[]): DotGroupsCause | null {
  if (source.facts.delimiter === 'semicolon') return 'semicolons';
  const dotted = plans.some(
    ({ candidate }) => candidate.kind === 'date' && candidate.format.formats[0]?.startsWith('%d.'),
  );
  return dotted ? 'dotted dates' : null;
}

/**
 * Loads a raw source into a typed DuckDB table, checking every value. Each
 * column's candidate type comes from the sample; the scan converts in the same
 * pass (or lets DuckDB's reader parse the type natively) and sets aside, in a
 * sparse column, every value that did not convert. If any did, the candidate is
 * revised with those values and the scan repeats; a column that still does not
 * fit becomes text with a note. The clean file costs one scan.
 */
export async function buildTypedTable(
  opening: DuckDBConnection | Promise<DuckDBConnection>,
  source: RawSource,
  table: string,
): Promise<TypedTable> {
  // Each column's sample, cut out once: it is read several times a column, at every start.
  const columnSamples = source.columns.map((_, i) => source.sample.map((row) => row[i] ?? null));
  const sampleOf = (i: number) => columnSamples[i] ?? [];
  let hints = source.hints;
  const planOf = (name: string, i: number): ColumnPlan => {
    const sampled = candidateFor(name, sampleOf(i), hints[i]);
    const candidate =
      sampled.kind === 'text' && !sampled.identifier
        ? (majorityCandidate(name, sampleOf(i), hints[i]) ?? sampled)
        : sampled;
    return { candidate, scan: scanFor(source, i, candidate) };
  };
  // DuckDB opens in steps, each started only when this thread is free: planning lets them start
  // between columns until it is open, so that it opens while the types are planned, not after.
  let opened = !(opening instanceof Promise);
  const settled = () => (opened = true);
  if (opening instanceof Promise) opening.then(settled, settled);
  let plans: ColumnPlan[] = [];
  for (const [i, name] of source.columns.entries()) {
    plans.push(planOf(name, i));
    if (!opened) await setImmediate();
  }
  const dotGroups = writesDotGroups(source, plans);
  if (dotGroups) {
    hints = source.columns.map((_, i) => ({ ...source.hints[i], dotGroups: true }));
    plans = plans.map((plan, i) => (plan.candidate.kind === 'number' ? planOf(source.columns[i] as string, i) : plan));
  }
  const stage = quoteIdent(table);
  const sampleDistinct = source.columns.map((_, i) => new Set(sampleOf(i).filter((v) => v !== null)).size);
  const tallied = (i: number) =>
    (plans[i] as ColumnPlan).candidate.kind === 'text' && (sampleDistinct[i] as number) <= TALLY_SAMPLE_DISTINCT;
  const connection = await opening;
  let rejects: ScanRejects | null;
  let stats: ColumnStats[];
  let tallies: Map<number, Tally>;
  let rows: number;
  let aside: CheckedAside;
  let emptyRows: number;
  let headerRows: number;
  let pageRows: number;
  for (let pass = 0; ; pass++) {
    await createStage(connection, source, plans, stage, pass);
    rejects = (await source.rejects?.(pass)) ?? null;
    if (rejects?.rescan) continue;
    if (rejects?.castFailures.length) {
      for (const i of rejects.castFailures) (plans[i] as ColumnPlan).scan = 'VARCHAR';
      continue;
    }
    if (rejects?.padded.length) await insertPadded(connection, source, plans, stage, rejects.padded);
    emptyRows = await dropEmptyRows(connection, stage);
    const headerColumns = plans.map((plan, i) => ({
      name: source.named[i] ? (source.columns[i] as string) : null,
      text: labelText(plan, i),
      empty: emptyTest(plan, i),
    }));
    headerRows = await dropRepeatedHeaders(connection, stage, headerColumns);
    pageRows = await dropPageLines(connection, stage, headerColumns);
    const checked = await checkColumns(connection, plans, stage, {
      tallied,
      extremesKept: emptyRows + headerRows + pageRows === 0,
    });
    stats = checked.stats;
    tallies = checked.tallies;
    rows = checked.rows;
    aside = checked.aside;
    if (checked.misfits.length === 0) break;
    const revised = await reviseMisfits(connection, source, plans, stage, checked.misfits, sampleOf, {
      hints,
      last: pass >= MAX_SCANS - 1,
      rows,
    });
    if (!revised) break;
  }
  const columns = plans.map((plan, i) => {
    const name = source.columns[i] as string;
    const { candidate } = plan;
    // A number whose dots were read as thousands groups is named in a note: `1.085` may have meant a decimal.
    const grouped = candidate.kind === 'number' && !candidate.plain && candidate.format.decimalGuessed;
    const example = grouped && dotGroups ? sampleOf(i).find((v) => v !== null && DOT_GROUP.test(v)) : undefined;
    const decision = decideColumn(
      name,
      candidate,
      stats[i] ?? {},
      dotGroups && example ? { cause: dotGroups, example: example.trim() } : undefined,
    );
    return {
      name,
      type: decision.type,
      unit: decision.unit,
      notes: plan.note ? [plan.note, ...decision.notes] : decision.notes,
      identifierLike: decision.identifierLike,
      storage: decision.storage,
      ...(decision.emptied ? { emptied: decision.emptied } : {}),
      ...(plan.strays ? { strays: plan.strays } : {}),
      ...(decision.storage === 'VARCHAR' ? { sampleText: sampleText(sampleOf(i)) } : {}),
      ...(decision.storage === 'VARCHAR' || decision.storage === 'BOOLEAN'
        ? { sampleDistinct: sampleDistinct[i] }
        : {}),
      ...(decision.storage === 'VARCHAR' && tallies.has(i) ? { tally: tallies.get(i) } : {}),
    };
  });
  await mergeSpellings(connection, stage, columns);
  const totals = await dropTotalsRows(
    connection,
    stage,
    totalsColumns(plans, columns, aside.labelFree),
    source.firstDataRow,
  );
  // A dropped totals row was counted in its label column's tally: the profile counts such columns again.
  if (totals.dropped > 0) for (const column of columns) delete column.tally;
  for (const [i, notes] of totals.notes) {
    const column = columns[i] as TypedColumn;
    column.notes = [...column.notes, ...notes];
  }
  await finalize(connection, plans, stage, columns, stats);
  const unchanged = totals.dropped === 0 && columns.every((column) => !column.emptied);
  return {
    columns: columns.map(({ storage: _storage, ...column }) => column),
    rows: rows - totals.dropped,
    rejects,
    emptyRows,
    headerRows,
    pageRows,
    profiled: unchanged ? aside.profiled : {},
  };
}

/**
 * A category whose values a careless export wrote several ways ("apple", "Apple", " apple") holds each
 * once, in its most common spelling, with a note: otherwise a filter, a grouping and a count of
 * distinct values would each split one value in parts. The whole column's tally says which.
 */
async function mergeSpellings(connection: DuckDBConnection, stage: string, columns: TypedColumn[]): Promise<void> {
  for (const [i, column] of columns.entries()) {
    if (!column.tally) continue;
    const merges = spellingMerges(column.tally);
    if (merges.length === 0) continue;
    await connection.run(mergeSpellingsSql(stage, value(i), merges));
    column.tally = mergedTally(column.tally, merges);
    column.notes = [...column.notes, spellingNote(merges)];
  }
}

const MEASURE_TYPES: ColumnType[] = ['integer', 'decimal', 'currency', 'percent'];

/** SQL: true where a staged column has nothing in the row, converted or not. */
function emptyTest(plan: ColumnPlan, i: number): string {
  return converts(plan) ? `(${value(i)} IS NULL AND ${odd(i)} IS NULL)` : `${value(i)} IS NULL`;
}

/** SQL: the text of a staged column where a totals row's label can be, or null where none can. */
function labelText(plan: ColumnPlan, i: number): string | null {
  if (converts(plan)) return odd(i);
  return plan.candidate.kind === 'text' ? `CAST(${value(i)} AS VARCHAR)` : null;
}

/**
 * The staged columns as the totals check reads them: measures' numbers, and text where a label can
 * be, unless the check saw none there (`labelFree`).
 */
function totalsColumns(plans: ColumnPlan[], columns: TypedColumn[], labelFree: boolean): TotalsColumn[] {
  return plans.map((plan, i) => {
    const v = value(i);
    const column = columns[i] as TypedColumn;
    return {
      name: column.name,
      number: MEASURE_TYPES.includes(column.type) ? v : null,
      text: labelFree && !column.tally ? null : labelText(plan, i),
      ...(column.tally ? { values: column.tally.map(({ key }) => String(key)) } : {}),
      empty: emptyTest(plan, i),
    };
  });
}

async function createStage(
  connection: DuckDBConnection,
  source: RawSource,
  plans: ColumnPlan[],
  stage: string,
  pass: number,
): Promise<void> {
  for (;;) {
    const scan = source.scan(
      plans.map((plan) => plan.scan),
      pass,
    );
    try {
      await connection.run(`CREATE OR REPLACE TABLE ${stage} AS ${stagingQuery(plans, scan, false)}`);
      return;
    } catch (failure) {
      if (!(await source.recover?.())) throw failure;
    }
  }
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
  const appender = await connection.createAppender(padded, 'main', 'temp');
  for (const row of rows) {
    for (let i = 0; i < width; i++) {
      const cell = row[i];
      if (cell == null) appender.appendNull();
      else appender.appendVarchar(cell);
    }
    appender.endRow();
  }
  appender.closeSync();
  await connection.run(`INSERT INTO ${stage} ${stagingQuery(plans, `temp.${quoteIdent(padded)}`, true)}`);
  await connection.run(`DROP TABLE temp.${quoteIdent(padded)}`);
}

/**
 * What the check of a narrow table learns for later steps, in the same scan: whether any row can
 * hold a totals label outside the tallied columns (the totals check then looks in no others), and
 * the profile's aggregates of each column as its type is expected to end up.
 */
interface CheckedAside {
  labelFree: boolean;
  profiled: Record<string, unknown>;
}

/**
 * What the profile will count of a staged column, as far as its plan tells; null when its staged
 * values are not yet what the profile sees (codes read as text that may turn out numbers).
 */
function profiledKind(plan: ColumnPlan, tallied: boolean): ProfiledKind | null {
  const storage = converts(plan) ? storageOfConversion(plan.candidate) : plan.scan;
  switch (plan.candidate.kind) {
    case 'number':
      return storage === 'BIGINT' || storage === 'DOUBLE' ? { numeric: true, time: false, tallied: false } : null;
    case 'date':
      return { numeric: false, time: true, tallied: false };
    case 'boolean':
      return { numeric: false, time: false, tallied: true };
    case 'text':
      return { numeric: false, time: false, tallied };
  }
}

/**
 * One aggregate over the staged table: how many values of each converted column
 * did not fit, and the whole-column facts the final types depend on. NaN,
 * infinities and "no date" placeholders are rare and costly to count (a third
 * of a clean file's whole read): a column's minimum and maximum show whether it
 * can hold any, and only the columns that can are counted, in a second scan.
 */
async function checkColumns(
  connection: DuckDBConnection,
  plans: ColumnPlan[],
  stage: string,
  { tallied, extremesKept }: { tallied: (i: number) => boolean; extremesKept: boolean },
): Promise<{
  misfits: number[];
  stats: ColumnStats[];
  tallies: Map<number, Tally>;
  rows: number;
  aside: CheckedAside;
}> {
  // A narrow table is checked in one query, which also does the work of others (see `CheckedAside`).
  const narrow = plans.length <= COLUMNS_PER_QUERY;
  const [{ staged = 0 } = {}] = narrow ? await queryRows(connection, `SELECT count(*) AS staged FROM ${stage}`) : [];
  // On a long table a text column's values are counted, and tested for a label's hint, once per
  // distinct value apart from the check: a third less than testing every row of an order-number column.
  const apart =
    narrow && !listsDistinct(Number(staged))
      ? plans.flatMap((plan, i) => (plan.candidate.kind === 'text' && !tallied(i) ? [i] : []))
      : [];
  // Values a converted column could not read are counted (`odd`): only when there are any can they hold a label.
  const labelCells = plans.flatMap((plan, i) =>
    tallied(i) || apart.includes(i) || converts(plan) ? [] : (labelText(plan, i) ?? []),
  );
  // Comparing doubles (NaN aside) was a third of the check: a column of doubles has its extremes in the
  // statistics DuckDB keeps as it writes the table, which stay exact until a row is deleted.
  const recorded = extremesKept ? plans.flatMap((plan, i) => (holdsDouble(plan) ? [i] : [])) : [];
  const perColumn = plans.map((plan, i) => {
    const parts: string[] = [];
    const { candidate } = plan;
    const v = value(i);
    if (tallied(i)) parts.push(`histogram(${v}) AS tally${i}`);
    if (converts(plan)) parts.push(`count(${odd(i)}) AS odd${i}`);
    // Only formatted plain numbers (`1,200`) can still turn out integer or decimal: integers are BIGINT
    // already (a fraction is a misfit), a sampled fraction makes a decimal, and money and percents keep their unit.
    if (candidate.kind === 'number' && !candidate.plain && !candidate.format.currency && !candidate.format.percent) {
      parts.push(`count(*) FILTER (WHERE ${v} <> trunc(${v})) AS fractional${i}`);
    }
    if (candidate.kind === 'date' && plan.scan !== 'DATE') {
      parts.push(`count(*) FILTER (WHERE isfinite(${v}) AND CAST(${v} AS TIME) <> TIME '00:00:00') AS withtime${i}`);
    }
    if (candidate.kind === 'date' && candidate.format.proven === false) {
      parts.push(`max(${keepsFamilyDay(plan) ? familyDay(i) : `day(${v})`}) AS maxday${i}`);
    }
    // Every sentinel and placeholder lies before 1970-01-02 or from 9999 on; infinities do too.
    if (candidate.kind === 'date') {
      parts.push(
        `(CAST(min(${v}) AS TIMESTAMP) < TIMESTAMP '1970-01-02' OR CAST(max(${v}) AS TIMESTAMP) >= TIMESTAMP '9999-01-01') AS suspect${i}`,
      );
    }
    if (holdsDouble(plan) && !recorded.includes(i)) parts.push(suspectSql(v, i));
    const kind = narrow ? profiledKind(plan, tallied(i)) : null;
    for (const { alias, sql } of kind ? profileAggregates(v, i, kind, Number(staged)) : []) {
      const counted =
        parts.some((part) => part.endsWith(` AS ${alias}`)) ||
        (apart.includes(i) && alias === `distinct${i}`) ||
        (recorded.includes(i) && (alias === `min${i}` || alias === `max${i}`));
      if (!counted) parts.push(`${sql} AS ${alias}`);
    }
    return parts;
  });
  const labelRows =
    narrow && labelCells.length > 0 ? [`count(*) FILTER (WHERE ${labelHintSql(labelCells)}) AS labelrows`] : [];
  const recordedStats =
    recorded.length > 0
      ? [`(SELECT [${recorded.map((i) => `stats(${value(i)})`).join(', ')}] FROM ${stage} LIMIT 1) AS recorded`]
      : [];
  const row: Record<string, unknown> = {};
  for (const [k, group] of groupsOf(perColumn).entries()) {
    const first = k === 0 ? [...labelRows, ...recordedStats] : [];
    Object.assign(
      row,
      ...(await queryRows(
        connection,
        `SELECT ${['count(*) AS total', ...first, ...group.flat()].join(', ')} FROM ${stage}`,
      )),
    );
  }
  const unrecorded = takeRecordedExtremes(row, recorded);
  if (unrecorded.length > 0) {
    const sql = unrecorded.flatMap((i) => [
      suspectSql(value(i), i),
      `min(${value(i)}) AS min${i}`,
      `max(${value(i)}) AS max${i}`,
    ]);
    Object.assign(row, ...(await queryRows(connection, `SELECT ${sql.join(', ')} FROM ${stage}`)));
  }
  let hinted = Number(row.labelrows ?? 0);
  if (apart.length > 0) {
    const counts = await queryRows(
      connection,
      apart
        .map(
          (i) => `SELECT ${i} AS i, count(*) AS n, count(*) FILTER (WHERE ${labelHintSql(['v'])}) AS hinted
            FROM (SELECT DISTINCT ${value(i)} AS v FROM ${stage} WHERE ${value(i)} IS NOT NULL)`,
        )
        .join(' UNION ALL '),
    );
    for (const { i, n, hinted: some } of counts) {
      row[`distinct${Number(i)}`] = n;
      hinted += Number(some);
    }
  }
  const unread = plans.some((plan, i) => converts(plan) && Number(row[`odd${i}`] ?? 0) > 0);
  const aside: CheckedAside = { labelFree: narrow && hinted === 0 && !unread, profiled: narrow ? row : {} };
  const counted = plans.flatMap((plan, i) => {
    const v = value(i);
    const { candidate } = plan;
    if (candidate.kind === 'date')
      return row[`suspect${i}`] === true ? [[...sentinelStatsSql(v, i), ...placeholderDaysSql(v, i)]] : [];
    if (candidate.kind !== 'number') return [];
    // A DOUBLE holds NaN and infinities as values; a BIGINT conversion leaves their text among the misfits.
    const spelled = converts(plan) && Number(row[`odd${i}`] ?? 0) > 0;
    const held = row[`suspect${i}`] === true;
    if (!spelled && !held) return [];
    const where = `${held ? `NOT isfinite(${v})` : 'false'} OR ${spelled ? nonFiniteTokenSql(odd(i)) : 'false'}`;
    return [[`count(*) FILTER (WHERE ${where}) AS nonfinite${i}`]];
  });
  for (const group of groupsOf(counted)) {
    Object.assign(row, ...(await queryRows(connection, `SELECT ${group.flat().join(', ')} FROM ${stage}`)));
  }
  const n = (key: string) => (row[key] == null ? undefined : Number(row[key]));
  return {
    aside,
    rows: n('total') ?? 0,
    misfits: plans.map((_, i) => i).filter((i) => (n(`odd${i}`) ?? 0) > 0),
    tallies: new Map(plans.flatMap((_, i) => (tallied(i) ? [[i, (row[`tally${i}`] ?? []) as Tally]] : []))),
    stats: plans.map((_, i) => ({
      fractional: n(`fractional${i}`),
      withTime: n(`withtime${i}`),
      maxDay: n(`maxday${i}`),
      nonFinite: n(`nonfinite${i}`),
      ...(plans[i]?.candidate.kind === 'date' ? sentinelStats(row, i) : {}),
    })),
  };
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
  misfitColumns: number[],
  sampleOf: (i: number) => (string | null)[],
  { hints, last, rows }: { hints: ColumnHint[]; last: boolean; rows: number },
): Promise<boolean> {
  let revised = false;
  for (const i of misfitColumns) {
    // Null tokens are empty values; a totals row's label is looked at with its row (`totals-rows.ts`).
    const real = `${odd(i)} IS NOT NULL AND NOT ${nullTokenSql(odd(i))} AND NOT ${totalLabelSql(odd(i))}`;
    const [{ misfits = 0 } = {}] = await queryRows(
      connection,
      `SELECT count(*) AS misfits FROM ${stage} WHERE ${real}`,
    );
    if (Number(misfits) === 0) continue;
    const plan = plans[i] as ColumnPlan;
    const name = source.columns[i] as string;
    const values = await queryRows(
      connection,
      `SELECT DISTINCT ${odd(i)} AS value FROM ${stage} WHERE ${real} LIMIT ${ODD_VALUES}`,
    );
    const oddValues = values.map((v) => String(v.value));
    const next = candidateFor(name, [...sampleOf(i), ...oddValues], hints[i]);
    const stuck = last || JSON.stringify(next) === JSON.stringify(plan.candidate);
    if (stuck || next.kind === 'text') {
      const examples = oddValues
        .slice(0, 3)
        .map((v) => `"${v.slice(0, 40)}"`)
        .join(', ');
      const [one, what] =
        plan.candidate.kind === 'date'
          ? ['a date', 'dates']
          : plan.candidate.kind === 'boolean'
            ? ['a yes/no value', 'yes/no values']
            : ['a number', 'numbers'];
      const count = Number(misfits);
      const codes = next.kind === 'text' && next.identifier;
      const tolerated =
        plan.candidate.kind === 'date' ? toleratedDateMisfits(rows) : Math.max(1, rows * TOLERATED_SHARE);
      if (!codes && count <= tolerated) {
        // A stray "twelve" among 60,000 amounts should not make the column unusable: it is left empty and said.
        const values = count === 1 ? `1 value is not ${one}` : `${count} values are not ${what}`;
        plans[i] = {
          ...plan,
          note: `${values} and ${count === 1 ? 'was' : 'were'} left empty (e.g. ${examples})`,
          strays: count,
        };
        continue;
      }
      plans[i] = {
        candidate: next.kind === 'text' ? next : { kind: 'text' },
        scan: 'VARCHAR',
        // Codes need no note; numbers that do not add up get theirs, saying why, from the column's decision.
        note:
          next.kind === 'text' && (next.identifier || next.mix)
            ? undefined
            : `kept as text: ${count.toLocaleString('en-US')} values are not ${what} (e.g. ${examples})`,
      };
    } else {
      plans[i] = { candidate: next, scan: scanFor(source, i, next, 'VARCHAR') };
    }
    revised = true;
  }
  return revised;
}

/** Whether a column of doubles holds NaN or an infinity: NaN sorts above every number and the infinities at the ends. */
function suspectSql(v: string, i: number): string {
  return `NOT (isfinite(min(${v})) AND isfinite(max(${v}))) AS suspect${i}`;
}

/**
 * Sets the extremes of the columns of doubles from what `stats()` recorded of them (see
 * `recordedExtremes`), as the aggregates would: NULL for a column without a value. Returns the
 * columns whose statistics did not read as expected, which are counted instead.
 */
function takeRecordedExtremes(row: Record<string, unknown>, recorded: number[]): number[] {
  const texts = (row.recorded ?? []) as (string | null)[];
  delete row.recorded;
  return recorded.filter((i, k) => {
    // No row at all: `stats()` had no row to describe.
    const extremes = texts.length === 0 ? 'empty' : recordedExtremes(texts[k] ?? '');
    if (extremes === null) return true;
    const [min, max] = extremes === 'empty' ? [null, null] : [extremes.min, extremes.max];
    row[`min${i}`] = min;
    row[`max${i}`] = max;
    row[`suspect${i}`] = min === null || max === null ? null : !(Number.isFinite(min) && Number.isFinite(max));
    return false;
  });
}

/** Whether a number column's staged values are DOUBLE, which can hold NaN and infinities. */
function holdsDouble(plan: ColumnPlan): boolean {
  if (plan.candidate.kind !== 'number') return false;
  return converts(plan) ? storageOfConversion(plan.candidate) === 'DOUBLE' : plan.scan === 'DOUBLE';
}

/**
 * Up to this many columns, the staged table is finished in place: each ALTER
 * is cheap on rows, but copies the table's whole definition, so thousands of
 * them cost columns². A wider table is copied once instead (a copy costs rows
 * × columns, about 0.2 s for a million rows of ten columns).
 */
const ALTER_UP_TO_COLUMNS = 100;

/**
 * Empties NaN, infinities and "no date" placeholders, drops the misfit columns
 * and gives each value column its name and final type.
 */
async function finalize(
  connection: DuckDBConnection,
  plans: ColumnPlan[],
  stage: string,
  columns: (TypedColumn & { storage: string })[],
  stats: ColumnStats[],
): Promise<void> {
  const emptied = plans.map((plan, i) => {
    const v = value(i);
    const { nonFinite = 0, sentinels } = stats[i] ?? {};
    if (holdsDouble(plan) && nonFinite > 0) return `CASE WHEN isfinite(${v}) THEN ${v} END`;
    if (sentinels) return `CASE WHEN ${sentinelSql(v, sentinels)} THEN NULL ELSE ${v} END`;
    return null;
  });
  const retyped = (i: number) => {
    const plan = plans[i] as ColumnPlan;
    const current = converts(plan) ? storageOfConversion(plan.candidate) : plan.scan;
    const wanted = (columns[i] as { storage: string }).storage;
    return current === wanted ? null : wanted;
  };
  if (plans.length > ALTER_UP_TO_COLUMNS) {
    const select = plans.map((_, i) => {
      const type = retyped(i);
      const expression = emptied[i] ?? value(i);
      return `${type ? `CAST(${expression} AS ${type})` : expression} AS ${quoteIdent((columns[i] as TypedColumn).name)}`;
    });
    await connection.run(`CREATE OR REPLACE TABLE ${stage} AS SELECT ${select.join(', ')} FROM ${stage}`);
    return;
  }
  const statements: string[] = [];
  const updates = emptied.flatMap((expression, i) => (expression ? [`${value(i)} = ${expression}`] : []));
  if (updates.length > 0) statements.push(`UPDATE ${stage} SET ${updates.join(', ')}`);
  plans.forEach((plan, i) => {
    if (converts(plan)) statements.push(`ALTER TABLE ${stage} DROP COLUMN ${odd(i)}`);
    if (keepsFamilyDay(plan)) statements.push(`ALTER TABLE ${stage} DROP COLUMN ${familyDay(i)}`);
    const type = retyped(i);
    if (type) statements.push(`ALTER TABLE ${stage} ALTER COLUMN ${value(i)} SET DATA TYPE ${type}`);
    statements.push(
      `ALTER TABLE ${stage} RENAME COLUMN ${value(i)} TO ${quoteIdent((columns[i] as TypedColumn).name)}`,
    );
  });
  // One request: DuckDB runs them in order, and a dozen round trips cost more than the renames.
  if (statements.length > 0) await connection.run(statements.join(';\n'));
}
