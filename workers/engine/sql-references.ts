import { WorkerError } from '../errors';
import type { SqlNode } from './sql-tree';

/** Table references a statement may use; everything else (table functions but a few, SHOW, …) is refused. */
const ALLOWED_REFS = new Set(['BASE_TABLE', 'SUBQUERY', 'JOIN', 'EMPTY', 'EXPRESSION_LIST', 'PIVOT']);

/** Table functions that make numbers rather than read anything: a calendar or a series to join the data to. */
const NUMBER_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

/** Expressions that stand for values of the rows read. */
const COLUMN_CLASSES = new Set(['COLUMN_REF', 'STAR', 'POSITIONAL_REFERENCE']);

/**
 * Refuses a parsed SELECT unless its result is computed from the dataset
 * `table`: every table reference must be the dataset, a CTE in scope, a
 * subquery, a join, a VALUES list or a number series; at least one must read
 * the dataset; no CTE may take a catalog object's name (`isCatalogName`); and
 * every query that makes rows (the query, each side of a UNION, each CTE and
 * subquery in FROM) must name a column, `*` or `count(*)` in its select list.
 * That stops a query that states a number of its own
 * (`SELECT 999999 AS total FROM dataset`). It is a screen, not a proof: a
 * constant can still ride on a column (`Sales * 0 + 999999`) or come from a
 * VALUES list, since the tree is checked unbound.
 */
export function checkReferences(statement: SqlNode, table: string, isCatalogName: (name: string) => boolean): void {
  if (datasetReads(statement, table, isCatalogName) === 0) {
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
 * Refuses every table reference but the dataset, the CTEs in scope and the
 * table functions that make numbers (`range`, `unnest`), and counts the
 * references to the dataset. CTE names are in scope as DuckDB binds them:
 * a CTE is visible in the query node that defines it (nested queries
 * included), in the CTEs defined after it, and in its own body only when it
 * is recursive; so a CTE named like a catalog view cannot stand in for the
 * real one where it is not in scope. No CTE may take the name of a catalog
 * object at all (`isCatalogName`); one named like the dataset hides it in
 * its scope.
 */
function datasetReads(tree: unknown, table: string, isCatalogName: (name: string) => boolean): number {
  let reads = 0;
  visitScoped(tree, new Set(), isCatalogName, (node, ctes) => {
    // Expressions carry a `class`; table references do not.
    if (typeof node.type !== 'string' || 'class' in node || !isTableRef(node)) return;
    if (node.type === 'TABLE_FUNCTION') {
      const call = node.function as SqlNode | undefined;
      const name = String(call?.function_name).toLowerCase();
      if (!NUMBER_TABLE_FUNCTIONS.has(name) || call?.schema !== '' || (call.catalog ?? '') !== '') {
        throw refused(`Table functions such as ${name}() may not run; query the table "${table}" only.`);
      }
      return;
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

/**
 * Visits every node with the names of the CTEs visible there. The CTEs a
 * node defines are visited one by one, each seeing the ones before it (and
 * itself when recursive); the rest of the node sees them all.
 */
function visitScoped(
  value: unknown,
  ctes: ReadonlySet<string>,
  isCatalogName: (name: string) => boolean,
  see: (node: SqlNode, ctes: ReadonlySet<string>) => void,
): void {
  if (Array.isArray(value)) {
    for (const item of value) visitScoped(item, ctes, isCatalogName, see);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as SqlNode;
  const defined = (node.cte_map as { map?: { key?: unknown; value?: unknown }[] } | undefined)?.map ?? [];
  const scope = new Set(ctes);
  for (const entry of defined) {
    const name = String(entry.key).toLowerCase();
    if (isCatalogName(name)) throw refused(`A CTE may not be named "${String(entry.key)}", as a catalog object is.`);
    visitScoped(entry.value, isRecursive(entry.value, name) ? new Set([...scope, name]) : scope, isCatalogName, see);
    scope.add(name);
  }
  see(node, scope);
  for (const [key, child] of Object.entries(node)) {
    if (key !== 'cte_map') visitScoped(child, scope, isCatalogName, see);
  }
}

/** A CTE whose query DuckDB parsed as recursive (`WITH RECURSIVE name AS (… UNION ALL … name …)`). */
function isRecursive(cte: unknown, name: string): boolean {
  const node = (cte as { query?: { node?: SqlNode } } | undefined)?.query?.node;
  return node?.type === 'RECURSIVE_CTE_NODE' && String(node.cte_name).toLowerCase() === name;
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
