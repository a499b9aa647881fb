import { quoteLiteral } from './duckdb';

/** A `PIVOT … ON …` whose ON columns carry no IN list, found in a statement's text. */
export interface OpenPivot {
  /** What is pivoted: a table name or a parenthesised query, as written. */
  source: string;
  /** The ON expressions, as written. */
  columns: string[];
  /** Where the ON list starts and ends in the text. */
  start: number;
  end: number;
}

/**
 * The simplified PIVOT statement (`PIVOT dataset ON Region USING sum(Sales)`)
 * whose ON list has no IN list. DuckDB turns that into two statements, an
 * enum of the values and then the query, which the sandbox would refuse as
 * stacked; with the values written in, it is one SELECT that is checked as
 * any other. Null for any other text, or one this reading is not sure of.
 */
export function openPivot(sql: string): OpenPivot | null {
  const match = /\bPIVOT\s+([\s\S]+?)\s+ON\s+/i.exec(sql);
  const source = match?.[1];
  if (!match || source === undefined) return null;
  const start = match.index + match[0].length;
  const end = start + listLength(sql.slice(start));
  const list = sql.slice(start, end);
  if (/\bIN\b/i.test(list)) return null;
  const columns = splitTopLevel(list).map((column) => column.trim());
  if (columns.length === 0 || columns.some((column) => column === '')) return null;
  return { source, columns, start, end: start + list.trimEnd().length };
}

/** How far an ON list runs: to USING, GROUP BY, ORDER BY or LIMIT, a closing parenthesis or a semicolon outside its own. */
function listLength(text: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return i;
    else if (depth === 0 && (char === ';' || /^\s(USING|GROUP\s+BY|ORDER\s+BY|LIMIT)\b/i.test(text.slice(i)))) return i;
  }
  return text.length;
}

/** The query that lists one ON column's values, in the order DuckDB's own enum would hold them. */
export function pivotValuesQuery(pivot: OpenPivot, column: string): string {
  return `SELECT DISTINCT ${column} AS value, CAST(${column} AS VARCHAR) AS label FROM ${pivot.source}
    WHERE ${column} IS NOT NULL ORDER BY 1`;
}

/** The statement with every ON column's values written in as an IN list. */
export function withPivotValues(sql: string, pivot: OpenPivot, values: readonly string[][]): string {
  const list = pivot.columns.map((column, i) => `${column} IN (${(values[i] ?? []).map(quoteLiteral).join(', ')})`);
  return `${sql.slice(0, pivot.start)}${list.join(', ')}${sql.slice(pivot.end)}`;
}

/** Splits at commas outside parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return depth === 0 && quote === null ? [...parts, text.slice(from)] : [];
}
