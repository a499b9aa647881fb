import { z } from 'zod';

/** What a column holds once inferred; the storage type in DuckDB follows from it. */
export const ColumnType = z.enum([
  'integer',
  'decimal',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'category',
  'text',
]);
export type ColumnType = z.infer<typeof ColumnType>;

/** How the planner and the charts should use a column. */
export const ColumnRole = z.enum(['time', 'measure', 'dimension', 'identifier', 'text']);
export type ColumnRole = z.infer<typeof ColumnRole>;

/** The natural spacing of a time column's values. */
export const TimeGrain = z.enum(['hour', 'day', 'week', 'month', 'quarter', 'year']);
export type TimeGrain = z.infer<typeof TimeGrain>;

/** An ISO 4217 code (`USD`), or `percent` for fractions shown as percentages. */
export const ColumnUnit = z.union([z.string().regex(/^[A-Z]{3}$/), z.literal('percent')]);
export type ColumnUnit = z.infer<typeof ColumnUnit>;

export const TopValue = z.object({ value: z.string(), count: z.number().int() });

export const ColumnProfile = z.object({
  name: z.string(),
  type: ColumnType,
  role: ColumnRole,
  unit: ColumnUnit.nullable(),
  nulls: z.number().int(),
  /**
   * Exact. Left out for measures of tables over 100,000 rows: counting them
   * costs more than the rest of the profile, and a measure's distinct count
   * tells a planner nothing.
   */
  distinct: z.number().int().optional(),
  /** Measures: the range and totals of the converted values. */
  min: z.number().optional(),
  max: z.number().optional(),
  mean: z.number().optional(),
  sum: z.number().optional(),
  /** Dimensions (and booleans): the most frequent values. */
  top: z.array(TopValue).optional(),
  /** Time columns: ISO 8601 bounds and the spacing of the values. */
  from: z.string().optional(),
  to: z.string().optional(),
  grain: TimeGrain.optional(),
  /** Anything about the column a person should know (ambiguous dates, values kept as text). */
  notes: z.array(z.string()).optional(),
  /**
   * Values the file held that stand for no value (NaN and infinities in a
   * number column, placeholder dates such as 0001-01-01) and were read as
   * missing: counted among `nulls`, and told with an answer that uses the column.
   */
  emptied: z.number().int().optional(),
  /**
   * Values that were not of the column's type (a stray "TBD" among amounts) and were left
   * empty: counted among `nulls`, named in `notes`, and told with an answer that uses the column.
   */
  strays: z.number().int().optional(),
});
export type ColumnProfile = z.infer<typeof ColumnProfile>;

export const UnreadableRows = z.object({
  count: z.number().int(),
  examples: z.array(z.object({ line: z.number().int().nullable(), reason: z.string(), text: z.string() })),
});
export type UnreadableRows = z.infer<typeof UnreadableRows>;

/** Stored next to the data as `meta.json`; what the planner, the LLM and the replies see of a dataset. */
export const DatasetMeta = z.object({
  version: z.literal(1),
  name: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  rows: z.number().int(),
  columns: z.array(ColumnProfile),
  unreadable: UnreadableRows,
  /**
   * How the file was read, for the overview: dialect and encoding facts for CSV (delimiter, encoding,
   * header line), and counts of what was left out (`emptyRowsLeftOut`, `emptyColumnsLeftOut`),
   * which the replies word as notes (`workers/ingest/left-out-facts.ts`).
   */
  source: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type DatasetMeta = z.infer<typeof DatasetMeta>;
