import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../core/config';
import { createLanguageModel } from '../../workers/llm/language-model';
import { EVAL_DATASETS } from './eval-cases';
import { evalReport } from './eval-report';
import { runEval } from './run-eval';

/**
 * `npm run eval`: the question set against the offline planner and, when
 * `NVIDIA_API_KEY` is set or `LLM_BASE_URL` points at an OpenAI-compatible
 * server (a self-hosted NIM needs no key), against the model with the
 * offline fallback the worker uses. `--record` appends the report to
 * bench/RESULTS.md.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const apiKey = process.env.NVIDIA_API_KEY ?? (process.env.LLM_BASE_URL ? 'none' : undefined);
  const llm = createLanguageModel({ ...config.llm, apiKey });
  const questions = EVAL_DATASETS.reduce((n, d) => n + d.cases.length, 0);
  console.error(`${questions} questions over ${EVAL_DATASETS.length} datasets`);
  const runs = [{ label: 'offline', results: await runEval(EVAL_DATASETS) }];
  if (llm) runs.push({ label: `model (${config.llm.model})`, results: await runEval(EVAL_DATASETS, llm) });
  else console.error('No NVIDIA_API_KEY or LLM_BASE_URL: the model is not evaluated.');
  const report = evalReport(runs);
  console.log(report);
  if (process.argv.includes('--record')) {
    const heading = `\n## Evaluation ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version})\n\n`;
    const intro = `\`npm run eval\`: ${questions} questions over ${EVAL_DATASETS.length} datasets, each checked against hand-written SQL.\n\n`;
    appendFileSync(join(__dirname, '..', 'RESULTS.md'), `${heading}${intro}${report}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
