/**
 * Columns aggregated by one query. DuckDB's cost per aggregate grows with the
 * number of aggregates in the query, and each distinct count or tally holds its
 * own hash table (about 2 MB even over three rows): one query over 400 columns
 * ran out of memory, and one over 1,000 columns took seconds on 100 rows. A
 * narrow file is still one query.
 */
export const COLUMNS_PER_QUERY = 64;

/** `items` in consecutive groups of at most `size`. */
export function groupsOf<T>(items: readonly T[], size = COLUMNS_PER_QUERY): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}
