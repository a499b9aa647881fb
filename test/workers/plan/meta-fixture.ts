import type { ColumnProfile, DatasetMeta } from '../../../core/dataset';

type Shape = Pick<ColumnProfile, 'name' | 'type' | 'role' | 'unit'> & Partial<ColumnProfile>;

/** A dataset profile written by hand, for the pure validation and compilation tests. */
export function metaOf(columns: Shape[]): DatasetMeta {
  return {
    version: 1,
    name: 'orders.csv',
    format: 'csv',
    sheet: null,
    sheets: [],
    rows: 1000,
    columns: columns.map((c) => ({ nulls: 0, distinct: 10, ...c })),
    unreadable: { count: 0, examples: [] },
    source: {},
  };
}

/** Orders with one column of each kind a plan cares about. */
export const ORDERS = metaOf([
  { name: 'Order Date', type: 'date', role: 'time', unit: null, grain: 'day' },
  { name: 'Shipped At', type: 'datetime', role: 'time', unit: null },
  { name: 'Year', type: 'integer', role: 'time', unit: null, grain: 'year' },
  { name: 'Region', type: 'category', role: 'dimension', unit: null },
  { name: 'Customer ID', type: 'text', role: 'identifier', unit: null },
  { name: 'Returned', type: 'boolean', role: 'dimension', unit: null },
  { name: 'Revenue', type: 'currency', role: 'measure', unit: 'USD' },
  { name: 'Revenue Share', type: 'percent', role: 'measure', unit: 'percent' },
  { name: 'Quantity', type: 'integer', role: 'measure', unit: null },
  { name: 'Count', type: 'integer', role: 'measure', unit: null },
  { name: 'We"ird', type: 'category', role: 'dimension', unit: null },
]);

/** The parts every plan needs, so a test only writes what it is about. */
export function planOf(parts: Record<string, unknown>): Record<string, unknown> {
  return { version: 1, kind: 'aggregate', chart: 'bar', title: 'test', ...parts };
}
