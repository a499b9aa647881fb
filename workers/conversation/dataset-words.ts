import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { DatasetTitle } from './reply';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const count = (n: number): string => n.toLocaleString('en-US');

export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/**
 * A time column's span at the month level, as people say it: "Jan–Sep 2024",
 * "Jan 2014–Dec 2017", "Mar 2024"; yearly data as "2014–2017".
 */
export function timeSpan(column: ColumnProfile): string | null {
  const from = column.from?.match(/^(\d{4})-(\d{2})/);
  const to = column.to?.match(/^(\d{4})-(\d{2})/);
  if (!from || !to) return null;
  const [, fromYear, fromMonth] = from;
  const [, toYear, toMonth] = to;
  if (column.grain === 'year') return fromYear === toYear ? `${fromYear}` : `${fromYear}–${toYear}`;
  const month = (m: string | undefined) => MONTHS[Number(m) - 1] ?? '';
  if (fromYear !== toYear) return `${month(fromMonth)} ${fromYear}–${month(toMonth)} ${toYear}`;
  if (fromMonth === toMonth) return `${month(fromMonth)} ${fromYear}`;
  return `${month(fromMonth)}–${month(toMonth)} ${fromYear}`;
}

/** The dataset's name as shown: the file, and the sheet when the workbook has several. */
export function datasetName(meta: DatasetMeta): string {
  return meta.sheet && meta.sheets.length > 1 ? `${meta.name} [${meta.sheet}]` : meta.name;
}

/** What a dataset's one-line title is made of (see `titleText`). */
export function datasetTitle(meta: DatasetMeta): DatasetTitle {
  const time = meta.columns.find((c) => c.role === 'time' && c.from);
  const span = time && timeSpan(time);
  return { name: datasetName(meta), rows: meta.rows, columns: meta.columns.length, ...(span ? { span } : {}) };
}

/** "sales_q3.xlsx · 12,430 rows × 9 columns · Jan–Sep 2024", as plain text; `details` is all after the name. */
export function titleText(title: DatasetTitle, { details = false } = {}): string {
  const rest = [
    `${plural(title.rows, 'row')} × ${plural(title.columns, 'column')}`,
    ...(title.span ? [title.span] : []),
  ];
  return (details ? rest : [title.name, ...rest]).join(' · ');
}
