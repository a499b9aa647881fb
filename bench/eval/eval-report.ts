import type { CaseKind, CaseResult } from './run-eval';

const KINDS: CaseKind[] = ['answer', 'follow-up', 'beyond plans', 'decline'];

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

/** One planner's row: accuracy overall and by kind, latency percentiles, who planned, and the fallbacks. */
function summaryRow(label: string, results: readonly CaseResult[]): string {
  const correct = results.filter((r) => r.correct).length;
  const byKind = KINDS.map((kind) => {
    const of = results.filter((r) => r.kind === kind);
    return `${of.filter((r) => r.correct).length}/${of.length}`;
  });
  const ms = results.map((r) => r.ms);
  const latency = [50, 90, 99].map((p) => `${percentile(ms, p).toFixed(0)}`).join(' / ');
  const byModel = results.filter((r) => r.planner === 'model').length;
  const sql = results.filter((r) => r.method === 'sql').length;
  const fallbacks = results.filter((r) => r.note !== undefined).length;
  return (
    `| ${label} | ${correct}/${results.length} (${pct(correct, results.length)}) | ${byKind.join(' | ')} | ` +
    `${latency} ms | ${byModel} (${sql} by SQL) | ${fallbacks} |`
  );
}

/** Why the notes were written, counted: timeouts, refusals, unusable plans. */
function fallbackLines(label: string, results: readonly CaseResult[]): string[] {
  const counts = new Map<string, number>();
  for (const r of results) if (r.note) counts.set(r.note, (counts.get(r.note) ?? 0) + 1);
  return [...counts].map(([note, n]) => `- ${label}: ${n} × "${note}"`);
}

/** The evaluation as Markdown: the summary table, the fallbacks and every wrong answer. */
export function evalReport(runs: readonly { label: string; results: CaseResult[] }[]): string {
  const header = [
    `| planner | correct | ${KINDS.join(' | ')} | latency p50 / p90 / p99 | planned by the model | fallbacks |`,
    `| --- | --- | ${KINDS.map(() => '---').join(' | ')} | --- | --- | --- |`,
  ];
  const rows = runs.map(({ label, results }) => summaryRow(label, results));
  const fallbacks = runs.flatMap(({ label, results }) => fallbackLines(label, results));
  const failures = runs.flatMap(({ label, results }) =>
    results
      .filter((r) => !r.correct)
      .map((r) => `- ${label}, ${r.dataset}: "${r.question}" (${r.kind}): ${r.detail ?? 'wrong'}`),
  );
  return [
    ...header,
    ...rows,
    '',
    fallbacks.length > 0 ? `Fallbacks:\n${fallbacks.join('\n')}` : 'Fallbacks: none.',
    '',
    failures.length > 0 ? `Not right:\n${failures.join('\n')}` : 'Not right: none.',
    '',
  ].join('\n');
}
