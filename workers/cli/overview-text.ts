import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import { scientific } from '../../charts/format';
import { groupThousands } from '../../core/thousands';
import { headerNotes } from '../ingest/header-note';
import { LEFT_OUT_FACTS, leftOutNotes } from '../ingest/left-out-facts';
import { isRateColumn, showsAsPercent } from '../plan/rate-columns';
import { cellText } from './terminal-text';

const count = (n: number) => groupThousands(String(n));

/** One decimal at most, none when it is zero: "90K" and "2.3M", as the answers write them. */
const tenths = (n: number) => n.toFixed(1).replace(/\.0$/, '');

function compact(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e15) return `${n < 0 ? '-' : ''}${scientific(abs)}`;
  if (abs >= 1e12) return `${tenths(n / 1e12)}T`;
  if (abs >= 1e9) return `${tenths(n / 1e9)}B`;
  if (abs >= 1e6) return `${tenths(n / 1e6)}M`;
  if (abs >= 1e4) return `${tenths(n / 1e3)}K`;
  // At most two decimals, without trailing zeros.
  return Number.isInteger(n) ? count(n) : groupThousands(String(Number(n.toFixed(2))));
}

/** A rate (a discount of 0.2, a 12% growth) shows as answers show it, and without a sum, which means nothing. */
function measureSummary(column: ColumnProfile): string {
  const percent = column.unit === 'percent' || showsAsPercent(column);
  const show = (n: number | undefined) => (n === undefined ? '–' : percent ? `${(n * 100).toFixed(1)}%` : compact(n));
  const parts = [`min ${show(column.min)}`, `max ${show(column.max)}`, `mean ${show(column.mean)}`];
  if (!isRateColumn(column)) parts.push(`sum ${show(column.sum)}`);
  return parts.join(' · ');
}

function summary(column: ColumnProfile): string {
  if (column.from !== undefined) return `${column.from} → ${column.to} (${column.grain})`;
  // A column of years is a span of time, not an amount: neither grouped (2,019) nor summed.
  if (column.role === 'time' && column.min !== undefined) return `${column.min} → ${column.max} (${column.grain})`;
  if (column.min !== undefined) return measureSummary(column);
  if (column.top?.length)
    return column.top
      .slice(0, 3)
      .map((t) => `${cellText(t.value)} ${count(t.count)}`)
      .join(' · ');
  return '';
}

/** The time range of the dataset's first time column, for the one-line title. */
export function timeRange(meta: DatasetMeta): string | null {
  const time = meta.columns.find((c) => c.role === 'time' && c.from);
  return time ? `${time.from?.slice(0, 10)} – ${time.to?.slice(0, 10)}` : null;
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

/** How the file was read, in words: the source facts not told as notes. */
function factText(key: string, value: string | number | boolean): string {
  switch (key) {
    case 'delimiter':
      return `${value} delimited`;
    case 'headerLine':
      return value === 'none' ? 'no header line' : `header on line ${value}`;
    case 'headerRow':
      return `header on row ${value}`;
    case 'headerRows':
      return `header in ${value} rows`;
    case 'headerless':
      return 'no header row';
    case 'shortRowsPadded':
      return `${value} short ${value === 1 ? 'row' : 'rows'} padded with empty cells`;
    case 'sheetCount':
      return `${value} ${value === 1 ? 'sheet' : 'sheets'}`;
    default:
      return `${key} ${value}`;
  }
}

/** The dataset overview a person reads in a terminal. */
export function overviewText(meta: DatasetMeta): string {
  const range = timeRange(meta);
  const title = [
    meta.sheet ? `${meta.name} [${meta.sheet}]` : meta.name,
    `${count(meta.rows)} ${meta.rows === 1 ? 'row' : 'rows'} × ${meta.columns.length} ${meta.columns.length === 1 ? 'column' : 'columns'}`,
    ...(range ? [range] : []),
  ].join(' · ');
  const facts = Object.entries(meta.source)
    // The sheets are named below when there are several.
    .filter(([key]) => !(key in LEFT_OUT_FACTS) && !(key === 'sheetCount' && meta.sheets.length > 1))
    .map(([key, value]) => factText(key, value));
  if (meta.sheets.length > 1) facts.push(`sheets ${meta.sheets.join(', ')}`);
  const header = ['Column', 'Type', 'Role', 'Unit', 'Nulls', 'Distinct', 'Summary'];
  const rows = meta.columns.map((c) => [
    c.name.length > 28 ? `${cellText(c.name).slice(0, 27)}…` : cellText(c.name),
    c.type,
    c.role,
    c.unit ?? '',
    count(c.nulls),
    c.distinct === undefined ? '–' : count(c.distinct),
    summary(c),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const lines = [title, facts.join(' · '), '', pad(header, widths), ...rows.map((r) => pad(r, widths))];
  const notes = [
    ...headerNotes(meta.source).map((note) => `  ${note}`),
    ...leftOutNotes(meta.source).map((note) => `  ${note}`),
    ...meta.columns.flatMap((c) => (c.notes ?? []).map((note) => `  ${c.name}: ${note}`)),
  ];
  if (notes.length) lines.push('', 'Notes:', ...notes);
  if (meta.unreadable.count > 0) {
    lines.push('', `Could not read ${count(meta.unreadable.count)} row${meta.unreadable.count === 1 ? '' : 's'}:`);
    for (const example of meta.unreadable.examples) {
      lines.push(`  line ${example.line ?? '?'}: ${example.reason} — ${JSON.stringify(example.text)}`);
    }
  } else {
    lines.push('', 'Every row was read.');
  }
  return lines.join('\n');
}
