import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnProfile, TimeGrain } from '../../core/dataset';
import { queryRows, quoteIdent } from '../engine/duckdb';
import { TALLY_SAMPLE_DISTINCT, type Tally, type TypedColumn } from '../types/typed-table';
import { groupsOf } from '../types/column-groups';
import { profileAggregates } from './profile-aggregates';
import { roleFor, type TextStats } from './column-roles';
import { compareText } from '../../core/text-order';

const TOP_VALUES = 5;
const VALUE_CHARS = 60;

const isNumeric = (c: TypedColumn) => ['integer', 'decimal', 'currency', 'percent'].includes(c.type);
const isTime = (c: TypedColumn) => c.type === 'date' || c.type === 'datetime';
const isText = (c: TypedColumn) => c.type === 'text' || c.type === 'category';
/**
 * Columns whose sample shows few distinct values are tallied: in the main query, unless typing the
 * table already tallied them (text columns, see `TypedColumn.tally`).
 */
const tallied = (c: TypedColumn) => c.sampleDistinct !== undefined && c.sampleDistinct <= TALLY_SAMPLE_DISTINCT;

/**
 * Profiles a typed table in one aggregate per group of columns (nulls, distinct
 * counts, ranges, sums, and the tallies of low-cardinality columns), plus one
 * query for the most frequent values of dimensions with many values. The result is what the planner and the LLM see instead of rows,
 * so values are length-capped and lists short. `known` holds aggregates typing already
 * computed over the same rows and values (see `profileAggregates`): only the others are queried.
 */
export async function profileTable(
  connection: DuckDBConnection,
  table: string,
  columns: TypedColumn[],
  rowCount: number,
  known: Record<string, unknown> = {},
): Promise<{ rows: number; columns: ColumnProfile[] }> {
  const t = quoteIdent(table);
  const perColumn = columns.map((column, i) => {
    const c = quoteIdent(column.name);
    const parts = column.tally
      ? [{ alias: `present${i}`, sql: `count(${c})` }]
      : profileAggregates(
          c,
          i,
          { numeric: isNumeric(column), time: isTime(column), tallied: tallied(column) },
          rowCount,
        );
    return parts.filter(({ alias }) => !(alias in known)).map(({ alias, sql }) => `${sql} AS ${alias}`);
  });
  const stats: Record<string, unknown> = { ...known };
  const asked = perColumn.filter((parts) => parts.length > 0);
  if (asked.length === 0 && !('total' in known)) asked.push([]);
  for (const group of groupsOf(asked)) {
    const [row = {}] = await queryRows(
      connection,
      `SELECT ${['count(*) AS total', ...group.flat()].join(', ')} FROM ${t}`,
    );
    Object.assign(stats, row);
  }
  Object.assign(stats, await timeStats(connection, t, columns));
  columns.forEach((column, i) => {
    const tally = column.tally ?? (stats[`tally${i}`] as Tally | undefined);
    if (!tally) return;
    stats[`distinct${i}`] = tally.length;
    stats[`top${i}`] = tally
      .map(({ key, value }) => ({ value: String(key).slice(0, VALUE_CHARS), count: Number(value) }))
      .sort((a, b) => b.count - a.count || compareText(a.value, b.value))
      .slice(0, TOP_VALUES);
  });
  const rows = Number(stats.total ?? 0);
  const num = (key: string) => (stats[key] == null ? undefined : Number(stats[key]));

  const profiles: ColumnProfile[] = columns.map((column, i) => {
    const present = num(`present${i}`) ?? 0;
    const text: TextStats | null = isText(column)
      ? {
          present,
          distinct: num(`distinct${i}`) ?? 0,
          averageLength: column.sampleText?.averageLength ?? 0,
          spaceShare: column.sampleText?.spaceShare ?? 0,
        }
      : null;
    const range = isNumeric(column) && present > 0 ? { min: num(`min${i}`) ?? 0, max: num(`max${i}`) ?? 0 } : null;
    const { role, type } = roleFor(column, text, range, { present, distinct: num(`distinct${i}`) });
    const profile: ColumnProfile = {
      name: column.name,
      type,
      role,
      unit: column.unit,
      nulls: rows - present,
      distinct: num(`distinct${i}`),
    };
    if (range) {
      const sum = num(`sum${i}`) ?? 0;
      Object.assign(profile, { min: range.min, max: range.max, mean: sum / present, sum });
    }
    if (isTime(column) && present > 0) {
      profile.from = String(stats[`from${i}`]);
      profile.to = String(stats[`to${i}`]);
      profile.grain = naturalGrain(stats, i, num(`distinct${i}`) ?? 0);
    }
    if (role === 'time' && column.type === 'integer') profile.grain = 'year';
    const top = stats[`top${i}`] as ColumnProfile['top'];
    if (role === 'dimension' && top?.length) profile.top = top;
    if (column.notes.length) profile.notes = column.notes;
    if (column.emptied) profile.emptied = column.emptied;
    if (column.strays) profile.strays = column.strays;
    return profile;
  });
  await addTopValues(connection, t, profiles);
  return { rows, columns: profiles };
}

function naturalGrain(stats: Record<string, unknown>, i: number, distinct: number): TimeGrain {
  if (stats[`clock${i}`]) return 'hour';
  if (stats[`firstday${i}`] && distinct > 1) {
    if (stats[`january${i}`]) return 'year';
    if (stats[`quarterly${i}`]) return 'quarter';
    return 'month';
  }
  if (stats[`oneweekday${i}`] && distinct > 2) return 'week';
  return 'day';
}

async function addTopValues(connection: DuckDBConnection, table: string, profiles: ColumnProfile[]): Promise<void> {
  const wanted = profiles.filter((p) => p.role === 'dimension' && p.top === undefined && p.distinct !== 0);
  if (wanted.length === 0) return;
  const queries = wanted.map((profile, k) => {
    const c = quoteIdent(profile.name);
    return `(SELECT ${k} AS k, CAST(${c} AS VARCHAR) AS value, count(*) AS n FROM ${table}
             WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY n DESC, value LIMIT ${TOP_VALUES})`;
  });
  const rows = [];
  for (const group of groupsOf(queries)) rows.push(...(await queryRows(connection, group.join(' UNION ALL '))));
  for (const row of rows) {
    const profile = wanted[Number(row.k)] as ColumnProfile;
    (profile.top ??= []).push({ value: String(row.value).slice(0, VALUE_CHARS), count: Number(row.n) });
  }
  for (const profile of wanted) profile.top?.sort((a, b) => b.count - a.count || compareText(a.value, b.value));
}

/**
 * Range, distinct count and spacing of the time columns, from their distinct
 * values (a few thousand dates, where a scan of every row would test a million).
 */
async function timeStats(
  connection: DuckDBConnection,
  table: string,
  columns: TypedColumn[],
): Promise<Record<string, unknown>> {
  const queries = columns.flatMap((column, i) => {
    if (!isTime(column)) return [];
    const c = quoteIdent(column.name);
    const day = 'CAST(d AS DATE)';
    const clock = column.type === 'datetime' ? `bool_or(CAST(d AS TIME) <> TIME '00:00:00')` : 'false';
    return [
      `SELECT ${i} AS i, count(*) AS distinct, CAST(min(d) AS VARCHAR) AS from, CAST(max(d) AS VARCHAR) AS to,
        bool_and(day(${day}) = 1) AS firstday, bool_and(month(${day}) = 1) AS january,
        bool_and(month(${day}) IN (1, 4, 7, 10)) AS quarterly,
        min(dayofweek(${day})) = max(dayofweek(${day})) AS oneweekday, ${clock} AS clock
      FROM (SELECT DISTINCT ${c} AS d FROM ${table} WHERE ${c} IS NOT NULL)`,
    ];
  });
  const rows = [];
  for (const group of groupsOf(queries)) rows.push(...(await queryRows(connection, group.join(' UNION ALL '))));
  return Object.fromEntries(
    rows.flatMap((row) =>
      Object.entries(row).flatMap(([key, value]) => (key === 'i' ? [] : [[`${key}${row.i}`, value]])),
    ),
  );
}
