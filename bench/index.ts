import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestFigures, digestTable } from './digest-bench';
import { edgeFigures, edgeTable } from './edge-bench';
import { cliFigures } from './cli-bench';
import { csvIngest, CSV_PATH, pandasSideBySide, prepareData, xlsxIngest, type Figure } from './ingest-bench';
import { playgroundFigures, playgroundTable } from './playground-bench';
import { questionFigures } from './question-bench';
import { teamsEdgeFigures } from './teams-edge-bench';
import { xlsxMemoryTable } from './xlsx-memory-bench';

/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the
 * same run, because these machines are noisy. `npm run bench -- --record` also
 * appends the run to bench/RESULTS.md with the date. `-- --edge` runs only
 * the edges' section (Slack and Teams: cold start, warm latency, bundle size), `-- --playground`
 * only the playground's (start to page, answer to page), `-- --digest` only the digest's,
 * `-- --questions` only question → PNG on the 1M-row table,
 * `-- --xlsx-memory` only the peak RSS of full-size workbooks (minutes; not part of the default run),
 * `-- --cli` only the CLI's whole process against DuckDB's.
 */
async function main(): Promise<void> {
  const report = await sections();
  console.log(report);
  if (process.argv.includes('--record')) {
    const file = join(__dirname, 'RESULTS.md');
    if (!existsSync(file))
      writeFileSync(
        file,
        '# Benchmark results\n\nEach section is one `npm run bench -- --record` run; ratios are measured within that run.\n',
      );
    appendFileSync(
      file,
      `\n## ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version})\n\n${report}`,
    );
  }
}

async function sections(): Promise<string> {
  if (process.argv.includes('--xlsx-memory')) return `${await xlsxMemoryTable()}\n`;
  if (process.argv.includes('--playground')) return `${playgroundTable(await playgroundFigures())}\n`;
  if (process.argv.includes('--cli')) return `${await cliReport()}\n`;
  if (process.argv.includes('--digest')) return `${digestTable(await digestFigures())}\n`;
  if (process.argv.includes('--questions')) {
    await prepareData();
    return `${await questionTable()}\n`;
  }
  const edge = [
    edgeTable(await edgeFigures(), {
      edge: 'Slack edge (bundle from edgeBuildOptions, AWS mode on loopback)',
      request: 'signed /analyze answered',
      requests: 'signed /analyze',
    }),
    edgeTable(await teamsEdgeFigures(), {
      edge: 'Teams edge (bundle from teamsEdgeBuildOptions, AWS mode on loopback)',
      request: 'JWT-checked thread follow-up queued',
      requests: 'JWT-checked activities',
    }),
  ].join('\n\n');
  if (process.argv.includes('--edge')) return `${edge}\n`;
  return `${await analysisReport()}\n${edge}\n\n${playgroundTable(await playgroundFigures())}\n`;
}

async function cliReport(): Promise<string> {
  await prepareData();
  return figureTable(cliFigures(CSV_PATH));
}

function figureTable(figures: Figure[]): string {
  const lines = figures.map((f) => {
    const ratio = f.ours / f.baseline;
    const verdict = ratio <= f.bar ? 'ok' : 'OVER';
    return (
      `| ${f.name} | ${f.ours.toFixed(0)} ms | ${f.baselineName} ${f.baseline.toFixed(0)} ms | ` +
      `${ratio.toFixed(2)}× (bar ${f.bar}×) ${verdict} | ${f.extra ?? ''} |`
    );
  });
  return ['| what | ours | baseline | ratio | also |', '| --- | --- | --- | --- | --- |', ...lines].join('\n');
}

async function analysisReport(): Promise<string> {
  await prepareData();
  const table = figureTable([...(await csvIngest()), ...(await xlsxIngest()), ...cliFigures(CSV_PATH)]);
  const pandas = pandasSideBySide();
  return `${table}\n\n${pandas}\n\n${await questionTable()}\n\n${digestTable(await digestFigures())}\n`;
}

/** Question → PNG on the 1M-row table, per kind of question. */
async function questionTable(): Promise<string> {
  const questions = (await questionFigures()).map(
    (q) =>
      `| "${q.question}" | ${q.answer.toFixed(0)} ms ${q.answer < 300 ? 'ok' : 'OVER'} | ${q.query.toFixed(0)} ms | ` +
      `${q.chart}: ${Number.isNaN(q.render) ? '–' : `${q.render.toFixed(1)} ms ${q.render < 50 ? 'ok' : 'OVER'}`} |`,
  );
  return [
    '| question on the 1M-row table | answer + PNG (bar < 300 ms) | its SQL alone | warm chart render (bar < 50 ms) |',
    '| --- | --- | --- | --- |',
    ...questions,
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
