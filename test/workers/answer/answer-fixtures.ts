import { formatNumber } from '../../../charts';
import type { DatasetMeta } from '../../../core/dataset';
import { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import type { ResultColumn, ResultTable, ResultValue } from '../../../workers/plan/result-table';

/** A Superstore-shaped dataset: what the answer reads of the dataset is the columns' units, roles and time range. */
export const superstoreMeta: DatasetMeta = {
  version: 1,
  name: 'superstore.csv',
  format: 'csv',
  sheet: null,
  sheets: [],
  rows: 9994,
  columns: [
    {
      name: 'Order Date',
      type: 'date',
      role: 'time',
      unit: null,
      nulls: 0,
      distinct: 1237,
      from: '2014-01-03',
      to: '2017-12-30',
      grain: 'day',
    },
    { name: 'Region', type: 'category', role: 'dimension', unit: null, nulls: 0, distinct: 4 },
    { name: 'Category', type: 'category', role: 'dimension', unit: null, nulls: 0, distinct: 3 },
    { name: 'Sub-Category', type: 'category', role: 'dimension', unit: null, nulls: 0, distinct: 17 },
    { name: 'Sales', type: 'currency', role: 'measure', unit: 'USD', nulls: 0, distinct: 5825 },
    { name: 'Profit', type: 'currency', role: 'measure', unit: 'USD', nulls: 0, distinct: 7287 },
    { name: 'Discount', type: 'percent', role: 'measure', unit: 'percent', nulls: 0, distinct: 12 },
    { name: 'Quantity', type: 'integer', role: 'measure', unit: null, nulls: 0, distinct: 14 },
  ],
  unreadable: { count: 0, examples: [] },
  source: {},
};

/** The same dataset with its data ending part-way through December 2017. */
export const endsMidDecember: DatasetMeta = {
  ...superstoreMeta,
  columns: superstoreMeta.columns.map((c) => (c.name === 'Order Date' ? { ...c, to: '2017-12-10' } : c)),
};

/** The same dataset with its data starting part-way through September 2017 and ending part-way through December. */
export const startsMidSeptember: DatasetMeta = {
  ...superstoreMeta,
  columns: superstoreMeta.columns.map((c) =>
    c.name === 'Order Date' ? { ...c, from: '2017-09-20', to: '2017-12-10' } : c,
  ),
};

/** A plan with the schema's defaults filled in, as the planner would hand it over. */
export function plan(fields: Partial<AnalysisPlan> & Pick<AnalysisPlan, 'measures' | 'chart'>): AnalysisPlan {
  return AnalysisPlan.parse({ version: 1, kind: 'aggregate', title: 'Answer', ...fields });
}

const units: Record<string, ResultColumn['unit']> = { Sales: 'USD', Profit: 'USD', Discount: 'percent' };

/** Result columns as the plan compiler describes them. */
export const column = {
  time: (name: string, grain: ResultColumn['grain']): ResultColumn => ({
    name,
    type: 'date',
    role: 'time',
    unit: null,
    grain,
  }),
  dimension: (name: string): ResultColumn => ({ name, type: 'text', role: 'dimension', unit: null }),
  measure: (aggregation: string, source: string | null): ResultColumn => ({
    name: source === null ? aggregation : `${aggregation}_${source}`,
    type: 'number',
    role: 'measure',
    unit:
      source === null || aggregation === 'count' || aggregation === 'count_distinct' ? null : (units[source] ?? null),
    source: { column: source, aggregation },
  }),
};

/** A result table; `matchedRows` defaults to the rows given. */
export function table(
  columns: ResultColumn[],
  rows: ResultValue[][],
  extra: Partial<Omit<ResultTable, 'columns' | 'rows'>> = {},
): ResultTable {
  return { columns, rows, matchedRows: rows.length, ...extra };
}

/** The first day of each month from `start` (YYYY-MM), `count` of them. */
export function months(start: string, count: number): string[] {
  const [year, month] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const m = month - 1 + i;
    return `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  });
}

const sales = column.measure('sum', 'Sales');
const profit = column.measure('sum', 'Profit');

/** Sales by month, Jan–Dec 2016, flat but for one obvious spike in July. */
export function spikySales(): { plan: AnalysisPlan; result: ResultTable } {
  const values = [10000, 10500, 11000, 10000, 10500, 11000, 95000, 10500, 11000, 10000, 10500, 11000];
  return {
    plan: plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      chart: 'line',
      title: 'Monthly sales',
    }),
    result: table(
      [column.time('Order Date', 'month'), sales],
      months('2016-01', 12).map((month, i) => [month, values[i] as number]),
      { matchedRows: 2587 },
    ),
  };
}

/** Profit by region (Superstore's totals). */
export function profitByRegion(): { plan: AnalysisPlan; result: ResultTable } {
  return {
    plan: plan({
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
      chart: 'bar',
      title: 'Profit by region',
    }),
    result: table(
      [column.dimension('Region'), profit],
      [
        ['Central', 39706.36],
        ['East', 91522.78],
        ['South', 46749.43],
        ['West', 108418.45],
      ],
      { matchedRows: 9994 },
    ),
  };
}

/** 2017 against 2016 Sales, as the compiler groups a comparison: one row per side, labelled. */
export function salesYearOnYear(): { plan: AnalysisPlan; result: ResultTable } {
  return {
    plan: plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      comparison: {
        column: 'Order Date',
        sides: [
          { label: '2016', from: '2016-01-01', to: '2017-01-01' },
          { label: '2017', from: '2017-01-01', to: '2018-01-01' },
        ],
      },
      chart: 'kpi',
      title: 'Sales, 2017 vs 2016',
    }),
    result: table(
      [column.dimension('Order Date'), sales],
      [
        ['2016', 609205.6],
        ['2017', 733215.26],
      ],
      { matchedRows: 3312 },
    ),
  };
}

/** Discount against Profit, one point per row, with the statistics over all 9,994 rows. */
export function discountAgainstProfit(): { plan: AnalysisPlan; result: ResultTable } {
  return {
    plan: plan({
      kind: 'relationship',
      measures: [
        { column: 'Discount', aggregation: 'sum' },
        { column: 'Profit', aggregation: 'sum' },
      ],
      chart: 'scatter',
      title: 'Discount against profit',
    }),
    result: table(
      [column.measure('sum', 'Discount'), profit],
      [
        [0, 41.9],
        [0, 219.6],
        [0.2, 5.5],
        [0.45, -383],
        [0.2, 2.5],
        [0.8, -123.9],
        [0.7, -15.5],
      ],
      { matchedRows: 9994, relationship: { correlation: -0.219, slope: -242.9, intercept: 66.9, pairs: 9994 } },
    ),
  };
}

/** Order values binned in $500 steps: most small, a long tail of large ones. */
export function salesHistogram(): { plan: AnalysisPlan; result: ResultTable } {
  return {
    plan: plan({
      kind: 'distribution',
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      chart: 'histogram',
      title: 'Order values',
    }),
    result: table([], [], {
      matchedRows: 9994,
      bins: [9000, 700, 200, 60, 20, 10, 4].map((count, i) => ({ from: i * 500, to: (i + 1) * 500, count })),
    }),
  };
}

const forms = [{ kind: 'currency', code: 'USD' }, { kind: 'percent' }, { kind: 'number' }] as const;

/**
 * Whether `text` prints `value` in one of the ways the answer formats
 * numbers (an amount in any unit, compact or whole, a percent, r to two places),
 * signed or, for a change written in words, unsigned.
 */
export function statesNumber(text: string, value: number): boolean {
  const options = [{}, { compact: true, digits: 1 }, { digits: 2 }, { digits: 3 }];
  return forms.some((unit) => options.some((o) => text.includes(formatNumber(value, unit, o))));
}
