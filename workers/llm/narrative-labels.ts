import { formatDate } from '../../charts';
import { parseIsoDate } from '../../charts/iso-date';
import type { TimeGrain } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { cleanUntrusted, UNTRUSTED_LIMITS } from './untrusted-text';

/** Grains from finest to coarsest: a period may be named at its own grain or any coarser one. */
const GRAINS: readonly TimeGrain[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];

/**
 * The texts from the data that an answer's narrative may name: column names,
 * group labels, filter values, comparison labels, and each time group's
 * period as sentences write it ("2017", "Q3 2017", "March 2016", "2016-03-01").
 * The number check removes them from a narrative before reading its numbers,
 * so the digits of a label or a date are never taken for figures, and a
 * number is never allowed just because some label holds it.
 */
export function narrativeLabels(result: ResultTable, plan: AnalysisPlan): string[] {
  const labels = new Set<string>();
  result.columns.forEach((column, i) => {
    labels.add(column.name);
    if (column.role === 'measure') return;
    for (const row of result.rows) {
      const cell = row[i];
      if (typeof cell !== 'string') continue;
      labels.add(cell);
      if (column.role === 'time') for (const form of periodForms(cell, column.grain ?? 'day')) labels.add(form);
    }
  });
  for (const filter of plan.filters) {
    if (filter.op === 'in' || filter.op === 'not_in') for (const value of filter.values) labels.add(String(value));
  }
  for (const side of plan.comparison?.sides ?? []) {
    labels.add(side.label);
    for (const value of side.values ?? []) labels.add(String(value));
  }
  return [...labels];
}

/**
 * A period's names at its grain and the coarser ones, long and short:
 * "Mar 2016", "March 2016", "2016-03", "Q1 2016", "Q1", "2016".
 */
function periodForms(iso: string, grain: TimeGrain): string[] {
  const date = parseIsoDate(iso);
  if (date === null) return [];
  const year = String(date.getUTCFullYear());
  const quarter = `Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  const month = (style: 'long' | 'short') => date.toLocaleString('en-US', { month: style, timeZone: 'UTC' });
  const day = date.getUTCDate();
  const forms = [iso, iso.slice(0, 10), year];
  for (const coarser of GRAINS.slice(GRAINS.indexOf(grain))) forms.push(formatDate(iso, coarser));
  if (GRAINS.indexOf(grain) <= GRAINS.indexOf('quarter')) forms.push(quarter, `${year} ${quarter}`);
  if (GRAINS.indexOf(grain) <= GRAINS.indexOf('month')) {
    forms.push(iso.slice(0, 7), `${month('long')} ${year}`, `${month('short')} ${year}`);
  }
  if (GRAINS.indexOf(grain) <= GRAINS.indexOf('week')) {
    for (const m of [month('long'), month('short')]) forms.push(`${m} ${day}, ${year}`, `${day} ${m} ${year}`);
  }
  return forms;
}

/**
 * The periods a computed sentence names ("in 2016", "Q3 2017", "Mar 1, 2016",
 * "2016-03-01"), with the years inside them: the filters' periods, which the
 * result's own labels do not show.
 */
export function periodsIn(text: string): string[] {
  const months = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
  const period = new RegExp(
    `(?:Q[1-4]\\s+)?(?:${months}\\s+(?:\\d{1,2},?\\s+)?)?\\b(?:1[89]|2[01])\\d{2}(?:-\\d{2}(?:-\\d{2})?)?\\b`,
    'g',
  );
  const found = [...text.matchAll(period)].flatMap((m) => [m[0], ...(m[0].match(/\b(?:1[89]|2[01])\d{2}\b/g) ?? [])]);
  return [...new Set(found)];
}

/**
 * `text` with every whole occurrence of a label blanked out, the longest
 * labels first. Labels count as they are and as the model saw them (cleaned
 * and capped); a label never matches inside a word or a number ("1" is not
 * taken out of "1.5" or "12").
 */
export function withoutLabels(text: string, labels: readonly string[]): string {
  const forms = new Set<string>();
  for (const label of labels) {
    const cleaned = cleanUntrusted(label, UNTRUSTED_LIMITS.value);
    for (const form of [label.trim(), cleaned, cleaned.replace(/…$/, '')]) if (form !== '') forms.add(form);
  }
  if (forms.size === 0) return text;
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}]|\\d[.,])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}]|[.,]\\d)`,
    'giu',
  );
  return text.replace(pattern, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
