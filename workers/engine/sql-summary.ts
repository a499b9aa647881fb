import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from './duckdb';
import { parseSql, type SqlNode } from './sql-tree';

/** Deeper than any query a model writes; it stops a CTE that names itself from looping. */
const MAX_DEPTH = 32;

/**
 * Whether a SELECT's result rows are summaries of the rows it reads: the
 * query that makes them groups (GROUP BY, GROUP BY ALL) or calls an aggregate
 * function in its select list or HAVING, or reads only from queries that do
 * (a CTE or FROM subquery that groups, every side of a UNION). An aggregate
 * elsewhere leaves the rows as they are: in a WHERE subquery it only picks
 * rows, and in a window (`max(x) OVER ()`) it is one more value per row.
 * False for text that is not one SELECT.
 *
 * @example
 * await summarisesRows(connection, 'SELECT Region, max(Sales) FROM dataset GROUP BY 1') // true
 * await summarisesRows(connection, 'SELECT Sales FROM dataset WHERE Sales > (SELECT avg(Sales) FROM dataset)') // false
 */
export async function summarisesRows(connection: DuckDBConnection, sql: string): Promise<boolean> {
  const tree = await parseSql(connection, sql);
  const [statement, ...more] = tree.statements ?? [];
  if (tree.error || statement === undefined || more.length > 0) return false;
  // The parser does not tell an aggregate call from a scalar one; the catalog does.
  const rows = await queryRows(
    connection,
    "SELECT DISTINCT function_name AS name FROM duckdb_functions() WHERE function_type = 'aggregate'",
  );
  const aggregates = new Set(rows.map((row) => String(row.name)));
  return summarises(statement.node, new Map(), aggregates, 0);
}

function summarises(
  value: unknown,
  outer: ReadonlyMap<string, unknown>,
  aggregates: ReadonlySet<string>,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return false;
  const query = value as SqlNode;
  const ctes = withCtes(query, outer);
  const each = (sides: unknown[]) =>
    sides.length > 0 && sides.every((side) => summarises(side, ctes, aggregates, depth + 1));
  if (query.type === 'SET_OPERATION_NODE') {
    return each([query.left, query.right, ...(Array.isArray(query.children) ? query.children : [])].filter(Boolean));
  }
  if (query.type !== 'SELECT_NODE') return false;
  const grouped =
    (Array.isArray(query.group_expressions) && query.group_expressions.length > 0) ||
    query.aggregate_handling === 'FORCE_AGGREGATES' ||
    callsAggregate([query.select_list, query.having], aggregates);
  return grouped || each(sources(query.from_table, ctes));
}

/** The query nodes a FROM clause reads rows from; none when it reads a table or anything else. */
function sources(value: unknown, ctes: ReadonlyMap<string, unknown>): unknown[] {
  if (value === null || typeof value !== 'object') return [];
  const ref = value as SqlNode;
  switch (ref.type) {
    case 'SUBQUERY':
      return [(ref.subquery as SqlNode | undefined)?.node];
    case 'JOIN': {
      const left = sources(ref.left, ctes);
      const right = sources(ref.right, ctes);
      // A side that reads the table itself would bring its rows in as they are.
      return left.length === 0 || right.length === 0 ? [] : [...left, ...right];
    }
    case 'BASE_TABLE': {
      const cte = ref.schema_name === '' && ctes.get(String(ref.table_name).toLowerCase());
      return cte ? [cte] : [];
    }
    default:
      return [];
  }
}

/** `outer` with the CTEs `query` defines, by lower-case name. */
function withCtes(query: SqlNode, outer: ReadonlyMap<string, unknown>): ReadonlyMap<string, unknown> {
  const defined = (query.cte_map as { map?: { key?: unknown; value?: { query?: SqlNode } }[] } | undefined)?.map;
  if (!defined?.length) return outer;
  const ctes = new Map(outer);
  for (const { key, value } of defined) if (typeof key === 'string') ctes.set(key.toLowerCase(), value?.query?.node);
  return ctes;
}

/** Whether an expression calls an aggregate function, subqueries and windows aside. */
function callsAggregate(value: unknown, aggregates: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => callsAggregate(item, aggregates));
  if (value === null || typeof value !== 'object') return false;
  const node = value as SqlNode;
  if (node.class === 'SUBQUERY' || node.class === 'WINDOW') return false;
  if (node.class === 'FUNCTION' && aggregates.has(String(node.function_name).toLowerCase())) return true;
  return Object.values(node).some((child) => callsAggregate(child, aggregates));
}
