import type { DatasetMeta } from '../../core/dataset';
import { queryRows, quoteIdent } from '../engine/duckdb';
import { summarisesRows } from '../engine/sql-summary';
import type { AnsweredQuestion, QuestionContext } from './answered-question';

/** Column types whose values a query can hand back as they are. */
const NUMBER_TYPES = new Set(['integer', 'decimal', 'currency', 'percent']);
/** Roles whose values tell single rows apart. */
const ROW_ROLES = new Set(['identifier', 'text']);

/**
 * Whether an answer's result holds rows of the dataset rather than a summary
 * of them, so neither it nor the text computed from it may go to the
 * narrative model. A plan's groups are rows when they are an identifier (or
 * free text), or when a group holds fewer than two rows on average. A query
 * the model wrote is rows unless it visibly aggregates: some numbers, far
 * fewer rows than the dataset, no identifier columns, and either a query
 * that groups (GROUP BY or an aggregate function; its MIN or MAX may well be
 * a cell) or numbers that are not the dataset's own cells.
 *
 * A relationship without groups is a scatter of single rows, yet it is not
 * row-level here: its computed text states only statistics over all of them
 * (r and the number of pairs, see `relationshipInsights`), so the model
 * narrates from that text and never sees the points (`withModelNarrative`
 * withholds them).
 */
export async function isRowLevel(answer: AnsweredQuestion, context: QuestionContext): Promise<boolean> {
  const { meta } = context;
  if (answer.method === 'sql') return !(await aggregates(answer, context));
  const { plan, result } = answer;
  // Bins and totals summarise; a relationship without groups has only statistics in its text (see above).
  if (plan.kind === 'distribution' || plan.dimensions.length === 0) return false;
  const nearlyUnique = plan.dimensions.some((dimension) => {
    const column = meta.columns.find((c) => c.name === dimension.column);
    if (column === undefined || ROW_ROLES.has(column.role)) return true;
    return dimension.grain === undefined && fewRowsEach(column.distinct ?? meta.rows, meta.rows);
  });
  return nearlyUnique || fewRowsEach(result.rows.length, result.matchedRows);
}

function fewRowsEach(groups: number, rows: number): boolean {
  return groups * 2 > rows;
}

async function aggregates({ result, sql }: AnsweredQuestion, context: QuestionContext): Promise<boolean> {
  const rowColumns = new Set(
    context.meta.columns.filter((c) => ROW_ROLES.has(c.role)).map((c) => c.name.toLowerCase()),
  );
  if (result.columns.some((c) => rowColumns.has(c.name.toLowerCase()))) return false;
  if (fewRowsEach(result.rows.length, context.meta.rows)) return false;
  const measures = result.columns.flatMap((c, i) => (c.role === 'measure' ? [i] : []));
  if (measures.length === 0) return false;
  if (await summarisesRows(context.connection, sql)) return true;
  for (const i of measures) {
    const values = [...new Set(result.rows.map((row) => row[i]).filter((v) => typeof v === 'number'))];
    if (values.length > 0 && (await datasetCells(values, context)) * 2 > values.length) return false;
  }
  return true;
}

/** How many of `values` are cells of the dataset's numeric columns, as stored. */
async function datasetCells(values: number[], context: QuestionContext): Promise<number> {
  const columns = numberColumns(context.meta);
  if (columns.length === 0) return 0;
  const cells = columns
    .map((name) => `SELECT round(${quoteIdent(name)}::DOUBLE, 6) FROM ${quoteIdent(context.table)}`)
    .join(' UNION ');
  // Only finite numbers reach here, and String() writes them as SQL number literals.
  const list = values.filter(Number.isFinite).map(String).join(', ');
  const [row] = await queryRows(
    context.connection,
    `SELECT count(*) AS n FROM unnest([${list}]::DOUBLE[]) AS v(x) WHERE round(x, 6) IN (${cells})`,
  );
  return Number(row?.n ?? 0);
}

function numberColumns(meta: DatasetMeta): string[] {
  return meta.columns.filter((c) => NUMBER_TYPES.has(c.type)).map((c) => c.name);
}
