import { QUESTION_KINDS } from './eval-cases';
import type { CaseResult, Verdict } from './run-eval';

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

const count = (results: readonly CaseResult[], verdict: Verdict) => results.filter((r) => r.verdict === verdict).length;

/** One planner's row: correct, declined and wrong overall, latency percentiles, who planned, and the fallbacks. */
function summaryRow(label: string, results: readonly CaseResult[]): string {
  const n = results.length;
  const correct = count(results, 'correct');
  const declined = count(results, 'declined');
  const wrong = count(results, 'wrong');
  const ms = results.map((r) => r.ms);
  const latency = [50, 90, 99].map((p) => `${percentile(ms, p).toFixed(0)}`).join(' / ');
  const byModel = results.filter((r) => r.planner === 'model').length;
  const sql = results.filter((r) => r.method === 'sql').length;
  const fallbacks = results.filter((r) => r.note !== undefined).length;
  return (
    `| ${label} | ${n} | ${correct} (${pct(correct, n)}) | ${declined} (${pct(declined, n)}) | ` +
    `${wrong} (${pct(wrong, n)}) | ${latency} ms | ${byModel} (${sql} by SQL) | ${fallbacks} |`
  );
}

/** Correct / declined / wrong for each kind of question, one column per planner. */
function kindTable(runs: readonly { label: string; results: CaseResult[] }[]): string[] {
  const rows = QUESTION_KINDS.flatMap((kind) => {
    const cells = runs.map(({ results }) => {
      const of = results.filter((r) => r.kind === kind);
      return `${count(of, 'correct')} / ${count(of, 'declined')} / ${count(of, 'wrong')}`;
    });
    const n = runs[0]?.results.filter((r) => r.kind === kind).length ?? 0;
    return n === 0 ? [] : [`| ${kind} | ${n} | ${cells.join(' | ')} |`];
  });
  return [
    `| kind | questions | ${runs.map((r) => `${r.label}: correct / declined / wrong`).join(' | ')} |`,
    `| --- | --- | ${runs.map(() => '---').join(' | ')} |`,
    ...rows,
  ];
}

/** Why the notes were written, counted: timeouts, refusals, unusable plans. */
function fallbackLines(label: string, results: readonly CaseResult[]): string[] {
  const counts = new Map<string, number>();
  for (const r of results) if (r.note) counts.set(r.note, (counts.get(r.note) ?? 0) + 1);
  return [...counts].map(([note, n]) => `- ${label}: ${n} × "${note}"`);
}

/** The evaluation as Markdown: the summary, the table by kind, the fallbacks, every wrong answer and every decline. */
export function evalReport(runs: readonly { label: string; results: CaseResult[] }[]): string {
  const header = [
    '| planner | questions | correct | declined | wrong | latency p50 / p90 / p99 | planned by the model | fallbacks |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const rows = runs.map(({ label, results }) => summaryRow(label, results));
  const fallbacks = runs.flatMap(({ label, results }) => fallbackLines(label, results));
  const listed = (verdict: Verdict) =>
    runs.flatMap(({ label, results }) =>
      results
        .filter((r) => r.verdict === verdict)
        .map((r) => `- ${label}, ${r.dataset}: "${r.question}" (${r.kind})${r.detail ? `: ${r.detail}` : ''}`),
    );
  const wrong = listed('wrong');
  const declined = listed('declined');
  return [
    ...header,
    ...rows,
    '',
    ...kindTable(runs),
    '',
    fallbacks.length > 0 ? `Fallbacks:\n${fallbacks.join('\n')}` : 'Fallbacks: none.',
    '',
    wrong.length > 0 ? `Wrong:\n${wrong.join('\n')}` : 'Wrong: none.',
    '',
    declined.length > 0 ? `Declined:\n${declined.join('\n')}` : 'Declined: none.',
    '',
  ].join('\n');
}
