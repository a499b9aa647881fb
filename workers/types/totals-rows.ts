import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../engine/duckdb';
import { groupsOf } from './column-groups';
import {
  isLooseTotalLabel,
  isTotalLabel,
  looseTotalLabelSql,
  rowMayHoldTotalLabelSql,
  summaryKind,
  totalLabelSql,
  type SummaryKind,
} from './total-labels';
import { tolerance, totalsAmong, type Aggregate, type Span, type TotalsCandidate } from './totals-sums';

/** A staged column as the totals check sees it, as SQL over the staged table. */
export interface TotalsColumn {
  name: string;
  /** The column's number (measures), summed over the rows a total would cover; null for other columns. */
  number: string | null;
  /**
   * The column's text where a label can be (a text column, or the values a typed column could not
   * read); null where none can, or where the typing scan found no row that could hold one.
   */
  text: string | null;
  /** Every distinct text the column holds, when typing already counted them: a label is looked for there. */
  values?: string[];
  /** True where the row has nothing in this column. */
  empty: string;
}

/** What was found: rows dropped, and a note for each column whose label (or sums) told. */
export interface TotalsRows {
  dropped: number;
  notes: Map<number, string[]>;
}

/**
 * Label rows past this many are a category that happens to be called "Total", not totals rows:
 * they are kept without a check (and the sums of a thousand spans are not worth their time).
 */
const MAX_CANDIDATES = 1000;
const LABEL_CHARS = 40;
const LISTED_ROWS = 3;

/**
 * Finds the totals and subtotal rows of a staged table and deletes them, so that no total counts
 * twice. A candidate is a row with a label cell reading "Total", "Grand Total", "Subtotal", "Sum"
 * or "East Total" in any text column (other cells may be blank), or a first or last row with
 * nothing but numbers. It is a totals row only when its numbers are the sums of the rows it
 * summarises (see `totals-sums.ts`): a real category named "Total" stays, with a note.
 * `firstRow` is the file's row (or line) number of the first data row, for the notes.
 */
export async function dropTotalsRows(
  connection: DuckDBConnection,
  stage: string,
  columns: TotalsColumn[],
  firstRow: number | null,
): Promise<TotalsRows> {
  const none: TotalsRows = { dropped: 0, notes: new Map() };
  const numbers = columns.flatMap((c, i) => (c.number ? [i] : []));
  // A column whose every value is known holds a label only if one of those values is one.
  const labelled = (v: string) => isTotalLabel(v) || isLooseTotalLabel(v);
  const texts = columns.flatMap((c, i) => (c.text && (c.values?.some(labelled) ?? true) ? [i] : []));
  if (numbers.length === 0) return none;
  const candidates = await findCandidates(connection, stage, columns, numbers, texts);
  if (candidates.length === 0) return none;
  const rowName = (row: number) => (firstRow === null ? `data row ${row + 1}` : `row ${firstRow + row}`);
  if (candidates.length > MAX_CANDIDATES) {
    // Rows saying "Max" or "Average" by the thousand are a column of statistic names, a category like any other.
    const first = candidates.find((c) => c.label && c.kind === 'sum');
    if (!first) return none;
    const note =
      `More than ${MAX_CANDIDATES.toLocaleString('en-US')} rows say ${quoted(first.label?.text ?? '')} or the like ` +
      `(e.g. ${rowName(first.row)}); they were kept as data without checking whether they are totals`;
    return { dropped: 0, notes: new Map([[first.label?.column ?? 0, [note]]]) };
  }
  const segments = await segmentSums(connection, stage, columns, numbers, candidates);
  const totals = totalsAmong(candidates, segments);
  if (totals.size > 0) {
    const rows = [...totals.keys()].map((k) => (candidates[k] as TotalsCandidate).row);
    await connection.run(`DELETE FROM ${stage} WHERE rowid IN (${rows.join(', ')})`);
  }
  return {
    dropped: totals.size,
    notes: totalsNotes(candidates, totals, columns, numbers, rowName),
  };
}

/**
 * The rows with a label cell or bare, in file order. Their work grows with the candidates, not the
 * columns: one cheap test over each row's joined text lets through the few rows that may hold a
 * label, and only those have each text cell tested (a test per cell and row, written per column,
 * took a thousand-column file over ten seconds to plan and run).
 */
async function findCandidates(
  connection: DuckDBConnection,
  stage: string,
  columns: TotalsColumn[],
  numbers: number[],
  texts: number[],
): Promise<TotalsCandidate[]> {
  const cells = texts.map((i) => columns[i]?.text as string);
  const others = columns.filter((c) => !c.number);
  // The first and last rows, as numbers: a subquery in the test of every row cost the scan 5 to 15 ms.
  const [{ first = 0, last = 0 } = {}] = await queryRows(
    connection,
    `SELECT min(rowid) AS first, max(rowid) AS last FROM ${stage}`,
  );
  // A row of nothing but numbers is looked at only first or last: elsewhere it is a row with its categories missing.
  const bare =
    others.length > 0 ? `rowid IN (${first}, ${last}) AND (${others.map((c) => c.empty).join(' AND ')})` : 'false';
  // The position (from 1) among `cells` of the row's first label cell, 0 when none; on the last row, of a loose one.
  const labelAt =
    cells.length > 0 ? `coalesce(list_position(list_transform(t, x -> ${totalLabelSql('x')}), true), 0)` : '0';
  const looseAt =
    cells.length > 0
      ? `CASE WHEN r = ${last} THEN coalesce(list_position(list_transform(t, x -> ${looseTotalLabelSql('x')}), true), 0) ELSE 0 END`
      : '0';
  const rows = await queryRows(
    connection,
    `SELECT r, k, w, CASE WHEN k > 0 THEN t[k] WHEN w > 0 THEN t[w] END AS l, * EXCLUDE (r, k, w, t, b) FROM (
       SELECT *, ${labelAt} AS k, ${looseAt} AS w FROM (
         SELECT rowid AS r, [${cells.join(', ')}]::VARCHAR[] AS t, ${bare} AS b,
           ${numbers.map((i) => `CAST(${columns[i]?.number} AS DOUBLE) AS n${i}`).join(', ')}
         FROM ${stage} WHERE ${rowMayHoldTotalLabelSql(cells)} OR ${bare} OR rowid = ${last}
       )
     ) WHERE k > 0 OR b OR w > 0 ORDER BY r LIMIT ${MAX_CANDIDATES + 1}`,
  );
  return rows.map((row) => {
    const k = Number(row.k);
    const w = Number(row.w);
    const text = String(row.l).trim();
    const at = k > 0 ? k : w;
    return {
      row: Number(row.r),
      label: at > 0 ? { column: texts[at - 1] as number, text } : null,
      kind: k > 0 ? (summaryKind(text) ?? 'sum') : 'sum',
      ...(k === 0 && w > 0 ? { loose: true } : {}),
      values: numbers.map((i) => (row[`n${i}`] == null ? null : Number(row[`n${i}`]))),
    };
  });
}

/** Median rows past this many are checked no further (each costs five aggregates per measure): they stay data. */
const MEDIAN_CANDIDATES = 4;

/**
 * The row count and column sums of the rows between consecutive candidates: segment `s` lies
 * after candidate `s` (segment 0 before the first), in the order of the file. When a candidate
 * shows maximums or minimums, each segment's largest and smallest values too, and for each
 * median candidate, how the values lie around its numbers.
 */
async function segmentSums(
  connection: DuckDBConnection,
  stage: string,
  columns: TotalsColumn[],
  numbers: number[],
  candidates: TotalsCandidate[],
): Promise<Aggregate[]> {
  const rows = candidates.map((c) => c.row);
  const bounds = candidates.map((c, s) => `(${c.row}, ${s + 1})`).join(', ');
  const extremes = candidates.some((c) => c.kind === 'max' || c.kind === 'min');
  const medians = candidates.flatMap((c, k) => (c.kind === 'median' ? [k] : [])).slice(0, MEDIAN_CANDIDATES);
  const segments: Aggregate[] = Array.from({ length: candidates.length + 1 }, () => ({
    rows: 0,
    sums: numbers.map(() => 0),
    counts: numbers.map(() => 0),
    ...(extremes ? { max: numbers.map(() => -Infinity), min: numbers.map(() => Infinity) } : {}),
    ...(medians.length > 0 ? { around: new Map(medians.map((k) => [k, numbers.map(() => null)])) } : {}),
  }));
  let offset = 0;
  for (const group of groupsOf(numbers)) {
    const value = (i: number) => `CAST(${columns[i]?.number} AS DOUBLE)`;
    const sums = group.map((i, k) => `coalesce(sum(${value(i)}), 0) AS s${k}, count(${columns[i]?.number}) AS c${k}`);
    if (extremes) sums.push(...group.map((i, k) => `max(${value(i)}) AS x${k}, min(${value(i)}) AS y${k}`));
    for (const [p, c] of medians.entries()) {
      group.forEach((i, k) => {
        const x = (candidates[c] as TotalsCandidate).values[offset + k];
        if (x === null || x === undefined) return;
        const [lo, hi] = [x - tolerance(x), x + tolerance(x)].map((v) => `${v}::DOUBLE`);
        const v = value(i);
        sums.push(
          `count(*) FILTER (WHERE ${v} < ${lo}) AS b${p}_${k}, count(*) FILTER (WHERE ${v} > ${hi}) AS a${p}_${k}`,
          `count(*) FILTER (WHERE ${v} BETWEEN ${lo} AND ${hi}) AS e${p}_${k}`,
          `max(${v}) FILTER (WHERE ${v} < ${lo}) AS bm${p}_${k}, min(${v}) FILTER (WHERE ${v} > ${hi}) AS am${p}_${k}`,
        );
      });
    }
    const result = await queryRows(
      connection,
      `SELECT coalesce(b.seg, 0) AS seg, count(*) AS n, ${sums.join(', ')}
       FROM (SELECT rowid AS r, * FROM ${stage} WHERE rowid NOT IN (${rows.join(', ')})) s
       ASOF LEFT JOIN (VALUES ${bounds}) b(p, seg) ON s.r > b.p GROUP BY 1`,
    );
    const number = (v: unknown, none: number) => (v == null ? none : Number(v));
    for (const row of result) {
      const segment = segments[Number(row.seg)] as Aggregate;
      segment.rows = Number(row.n);
      group.forEach((_, k) => {
        const m = offset + k;
        segment.sums[m] = Number(row[`s${k}`]);
        segment.counts[m] = Number(row[`c${k}`]);
        if (segment.max) segment.max[m] = number(row[`x${k}`], -Infinity);
        if (segment.min) segment.min[m] = number(row[`y${k}`], Infinity);
        medians.forEach((c, p) => {
          const around = segment.around?.get(c);
          if (!around || row[`b${p}_${k}`] === undefined) return;
          around[m] = {
            below: Number(row[`b${p}_${k}`]),
            at: Number(row[`e${p}_${k}`]),
            above: Number(row[`a${p}_${k}`]),
            belowMax: number(row[`bm${p}_${k}`], -Infinity),
            aboveMin: number(row[`am${p}_${k}`], Infinity),
          };
        });
      });
    }
    offset += group.length;
  }
  return segments;
}

const quoted = (text: string) => `'${text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text}'`;

function names(list: string[]): string {
  if (list.length <= 1) return list.join('');
  const shown = list.length > 3 ? [...list.slice(0, 2), `${list.length - 2} more columns`] : list;
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

function spanWords(span: Span): string {
  const rows = span.rows === 1 ? 'the row' : `the ${span.rows.toLocaleString('en-US')} rows`;
  return `${rows} ${span.below ? 'below' : 'above'} it`;
}

/** How the notes name each kind of summary row, one and many, and what its numbers are. */
const KIND_WORDS = {
  sum: {
    one: 'a totals row',
    many: 'totals and subtotal rows',
    of: 'the sum of',
    ofMany: 'the sums of the rows they total',
  },
  mean: {
    one: 'a row of averages',
    many: 'rows of averages',
    of: 'the average of',
    ofMany: 'the averages of the rows they summarise',
  },
  count: {
    one: 'a row of counts',
    many: 'rows of counts',
    of: 'the count of',
    ofMany: 'the counts of the rows they summarise',
  },
  max: {
    one: 'a row of maximums',
    many: 'rows of maximums',
    of: 'the largest value of',
    ofMany: 'the largest values of the rows they summarise',
  },
  min: {
    one: 'a row of minimums',
    many: 'rows of minimums',
    of: 'the smallest value of',
    ofMany: 'the smallest values of the rows they summarise',
  },
  median: {
    one: 'a row of medians',
    many: 'rows of medians',
    of: 'the median of',
    ofMany: 'the medians of the rows they summarise',
  },
} satisfies Record<SummaryKind, { one: string; many: string; of: string; ofMany: string }>;

/** Candidates by the column a note about them goes to: the label's, or for a bare row its first summed measure. */
function byNoteColumn(ks: number[], candidates: TotalsCandidate[], numbers: number[], totals: Map<number, Span>) {
  const groups = new Map<number, number[]>();
  for (const k of ks) {
    const candidate = candidates[k] as TotalsCandidate;
    const column = candidate.label?.column ?? (numbers[totals.get(k)?.matched[0] ?? 0] as number);
    groups.set(column, [...(groups.get(column) ?? []), k]);
  }
  return groups;
}

/** Per column that told, a note on the totals rows left out, and one on rows labelled as totals that were kept. */
function totalsNotes(
  candidates: TotalsCandidate[],
  totals: Map<number, Span>,
  columns: TotalsColumn[],
  numbers: number[],
  rowName: (row: number) => string,
): Map<number, string[]> {
  const notes = new Map<number, string[]>();
  const add = (column: number, note: string) => notes.set(column, [...(notes.get(column) ?? []), note]);
  const all = candidates.map((_, k) => k);
  // A row labelled "Average", "Count" or "Max" that is no summary is a category like any other: no note.
  const kept = all.filter(
    (k) => !totals.has(k) && candidates[k]?.label && candidates[k]?.kind === 'sum' && !candidates[k]?.loose,
  );
  const measureNames = (ks: number[]) => {
    const summed = [...new Set(ks.flatMap((k) => totals.get(k)?.matched ?? []))].sort((a, b) => a - b);
    const listed = names(summed.map((m) => columns[numbers[m] as number]?.name as string));
    return `${listed} ${summed.length > 1 ? 'equal' : 'equals'}`;
  };
  for (const [kind, words] of Object.entries(KIND_WORDS) as [SummaryKind, (typeof KIND_WORDS)[SummaryKind]][]) {
    const dropped = all.filter((k) => totals.has(k) && candidates[k]?.kind === kind);
    for (const [column, ks] of byNoteColumn(dropped, candidates, numbers, totals)) {
      const rows = ks.map((k) => candidates[k] as TotalsCandidate);
      const first = rows[0] as TotalsCandidate;
      if (rows.length === 1) {
        const what = first.label ? ` (${quoted(first.label.text)})` : ', which has no label,';
        const span = spanWords(totals.get(ks[0] as number) as Span);
        add(
          column,
          `${capital(rowName(first.row))}${what} is ${words.one} and was left out: its ${measureNames(ks)} ${words.of} ${span}`,
        );
        continue;
      }
      const listed = rows
        .slice(0, LISTED_ROWS)
        .map((c) => `${rowName(c.row)}${c.label ? ` (${quoted(c.label.text)})` : ''}`);
      const more = rows.length > LISTED_ROWS ? ` and ${rows.length - LISTED_ROWS} more` : '';
      add(
        column,
        `${rows.length} ${words.many} were left out (${listed.join(', ')}${more}): their ${measureNames(ks)} ${words.ofMany}`,
      );
    }
  }
  for (const [column, ks] of byNoteColumn(kept, candidates, numbers, totals)) {
    const first = candidates[ks[0] as number] as TotalsCandidate;
    const label = quoted(first.label?.text ?? '');
    add(
      column,
      ks.length === 1
        ? `${capital(rowName(first.row))} says ${label} but its numbers are not the sum of other rows, so it was kept as data`
        : `${ks.length.toLocaleString('en-US')} rows say ${label} or the like (e.g. ${rowName(first.row)}) but their numbers are not sums of other rows, so they were kept as data`,
    );
  }
  return notes;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
