import { WorkerError } from '../errors';
import type { SqlNode } from './sql-tree';

/** Table references a statement may use; everything else (table functions, SHOW, …) is refused. */
const ALLOWED_REFS = new Set(['BASE_TABLE', 'SUBQUERY', 'JOIN', 'EMPTY', 'EXPRESSION_LIST', 'PIVOT']);

/** Expressions that stand for values of the rows read. */
const COLUMN_CLASSES = new Set(['COLUMN_REF', 'STAR', 'POSITIONAL_REFERENCE']);

/**
 * Refuses a parsed SELECT unless its result is computed from the dataset
 * `table`: every table reference must be the dataset, a CTE in scope, a
 * subquery, a join or a VALUES list; at least one must read the dataset; and
 * every query that makes rows (the query, each side of a UNION, each CTE and
 * subquery in FROM) must name a column, `*` or `count(*)` in its select list.
 * That stops a query that states a number of its own
 * (`SELECT 999999 AS total FROM dataset`). It is a screen, not a proof: a
 * constant can still ride on a column (`Sales * 0 + 999999`) or come from a
 * VALUES list, since the tree is checked unbound.
 */
export function checkReferences(statement: SqlNode, table: string): void {
  if (datasetReads(statement, table) === 0) {
    // A query that reads no data can only state numbers the model made up.
    throw refused(`The query must read the table "${table}".`);
  }
  if (rowQueries(statement).some((query) => !namesColumn(query.select_list))) {
    throw refused(`The query must compute its result from the columns of "${table}", not from constants alone.`);
  }
}

/** A refused statement, with the reason the reply gives. */
export function refused(message: string, cause?: unknown): WorkerError {
  return new WorkerError('SQL_REFUSED', message, { cause });
}

/**
 * Refuses every table reference but the dataset and the CTEs in scope, and
 * counts the references to the dataset. A CTE is visible only inside the
 * query node that defines it (its body and nested queries included), so a
 * CTE named `sqlite_master` in a subquery does not let the outer query read
 * the real one; a CTE named like the dataset hides it in its scope.
 */
function datasetReads(tree: unknown, table: string): number {
  let reads = 0;
  visitScoped(tree, new Set(), (node, ctes) => {
    // Expressions carry a `class`; table references do not.
    if (typeof node.type !== 'string' || 'class' in node || !isTableRef(node)) return;
    if (node.type === 'TABLE_FUNCTION') {
      const name = (node.function as SqlNode | undefined)?.function_name;
      throw refused(`Table functions such as ${String(name)}() may not run; query the table "${table}" only.`);
    }
    if (node.type === 'SHOW_REF') throw refused('DESCRIBE, SHOW and SUMMARIZE may not run; select from the table.');
    if (!ALLOWED_REFS.has(node.type)) throw refused(`This kind of table reference (${node.type}) may not run.`);
    if (node.type !== 'BASE_TABLE') return;
    const name = String(node.table_name).toLowerCase();
    const schema = String(node.schema_name ?? '');
    const qualified = node.catalog_name !== '' || (schema !== '' && schema !== 'main');
    if (!qualified && schema === '' && ctes.has(name)) return;
    if (!qualified && name === table.toLowerCase()) {
      reads++;
      return;
    }
    const written = [node.catalog_name, schema, node.table_name].filter((part) => part !== '').join('.');
    throw refused(`Only the table "${table}" may be read, not "${written}".`);
  });
  return reads;
}

/** Visits every node with the names of the CTEs visible there: those of its own and enclosing query nodes. */
function visitScoped(
  value: unknown,
  ctes: ReadonlySet<string>,
  see: (node: SqlNode, ctes: ReadonlySet<string>) => void,
) {
  if (Array.isArray(value)) {
    for (const item of value) visitScoped(item, ctes, see);
  } else if (value !== null && typeof value === 'object') {
    const node = value as SqlNode;
    const defined = (node.cte_map as { map?: { key?: unknown }[] } | undefined)?.map ?? [];
    const scope =
      defined.length === 0
        ? ctes
        : new Set([
            ...ctes,
            ...defined.flatMap((entry) => (typeof entry.key === 'string' ? [entry.key.toLowerCase()] : [])),
          ]);
    see(node, scope);
    for (const child of Object.values(node)) visitScoped(child, scope, see);
  }
}

/** Table references are the nodes DuckDB serialises with a `query_location` and an `alias` but no `class`. */
function isTableRef(node: SqlNode): boolean {
  return 'alias' in node && 'query_location' in node && 'sample' in node;
}

/**
 * The SELECTs that make rows of the result: the query, each side of a set
 * operation, each CTE and each subquery in a FROM clause. A subquery inside
 * an expression (`WHERE x > (SELECT …)`, `EXISTS (SELECT 1 …)`) is left out:
 * it filters rows or computes one value rather than making rows.
 */
function rowQueries(tree: unknown): SqlNode[] {
  if (Array.isArray(tree)) return tree.flatMap(rowQueries);
  if (tree === null || typeof tree !== 'object' || 'class' in tree) return [];
  const node = tree as SqlNode;
  const nested = Object.values(node).flatMap(rowQueries);
  return node.type === 'SELECT_NODE' ? [node, ...nested] : nested;
}

/**
 * Whether an expression (or a select list) uses a value of the rows read: a
 * column, `*`, or a count of rows. A subquery does when each query making
 * its rows does.
 */
function namesColumn(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(namesColumn);
  if (value === null || typeof value !== 'object') return false;
  const node = value as SqlNode;
  if (typeof node.class === 'string' && COLUMN_CLASSES.has(node.class)) return true;
  if (node.class === 'FUNCTION' && (node.function_name === 'count_star' || node.function_name === 'count')) return true;
  if (node.class === 'SUBQUERY') {
    // `Region IN (SELECT …)` uses Region whatever the subquery selects.
    return namesColumn(node.child) || rowQueries(node.subquery).every((query) => namesColumn(query.select_list));
  }
  return Object.values(node).some(namesColumn);
}
