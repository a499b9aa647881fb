import { formatDate, formatNumber } from '../../charts/format';
import type { AnsweredQuestion } from '../analysis/answer-question';
import { chartUnit } from '../answer/chart-unit';
import type { ResultColumn, ResultValue } from '../plan/result-table';
import { cellText } from './terminal-text';

const MAX_ROWS = 25;

function cell(value: ResultValue, column: ResultColumn): string {
  if (value === null) return '–';
  // A year (a time column of integers) is a label, not an amount: 2019, not 2,019.
  if (typeof value === 'number' && column.role === 'time') return String(value);
  if (typeof value === 'number') return formatNumber(value, chartUnit(column.unit));
  if ((column.type === 'date' || column.type === 'datetime') && column.grain)
    return formatDate(String(value), column.grain);
  return cellText(String(value));
}

/** The result as an aligned text table, numbers right-aligned, cut at 25 rows. */
export function resultText(columns: ResultColumn[], rows: ResultValue[][]): string {
  const shown = rows.slice(0, MAX_ROWS).map((row) => columns.map((column, i) => cell(row[i] ?? null, column)));
  const widths = columns.map((column, i) =>
    Math.max(cellText(column.name).length, ...shown.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((text, i) => (columns[i]?.role === 'measure' ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [
    line(columns.map((c) => cellText(c.name))),
    line(widths.map((w) => '─'.repeat(w))),
    ...shown.map(line),
  ];
  if (rows.length > MAX_ROWS) lines.push(`… ${rows.length - MAX_ROWS} more rows (--json has them all)`);
  return lines.join('\n');
}

/** What a person reads in a terminal: the headline, the insights, the numbers, where the chart is. */
export function answerText(answer: AnsweredQuestion, chartPath: string | null): string {
  const lines = [answer.headline, ''];
  if (answer.insights.length) lines.push(...answer.insights.map((insight) => `• ${insight}`), '');
  const { relationship } = answer.result;
  if (relationship) {
    // A scatter's points are rows, not a summary: show what was computed over all of them.
    const fit = [
      `r = ${relationship.correlation?.toFixed(3) ?? 'n/a'}`,
      `${relationship.pairs.toLocaleString('en-US')} pairs`,
    ];
    if (relationship.slope !== null) fit.push(`slope ${relationship.slope.toPrecision(4)}`);
    lines.push(fit.join(' · '), '');
  } else {
    lines.push(resultText(answer.result.columns, answer.result.rows), '');
  }
  // A question that repeats a word ("sales sales …") is read as one mention of it.
  lines.push(`Read as: ${[...new Set(answer.understood)].join('; ')}`);
  if (answer.note) lines.push(answer.note);
  if (answer.leftOut) lines.push(answer.leftOut);
  if (answer.unread) lines.push(answer.unread);
  const noChart = answer.png ? 'Chart: not written' : 'Chart: none (the answer is a table)';
  lines.push(chartPath ? `Chart: ${chartPath}` : noChart);
  return lines.join('\n');
}
