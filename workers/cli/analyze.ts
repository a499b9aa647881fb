import { writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, localEnvironment } from '../../core/config';
import { EnvSecretSource } from '../../core/env-secret-source';
import { fileSlug } from '../../core/file-slug';
import type { DatasetMeta } from '../../core/dataset';
import type { AnsweredQuestion } from '../analysis/answer-question';
import { openDatabase } from '../engine/duckdb';
import { WorkerError } from '../errors';
import { ingestFile } from '../ingest/ingest-file';
import { PlanError } from '../plan/plan-errors';
import { overviewText } from './overview-text';
import { printable } from '../../core/printable-text';
import { echoedQuestion, printableJson, withEchoesCut } from './terminal-text';

const USAGE =
  'Usage: npm run analyze -- <file.csv|file.tsv|file.xlsx> ["question"] [--sheet NAME] [--out chart.png] [--json]';

export interface CliIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  /** The environment to read settings from (default: the process's). */
  env?: Record<string, string | undefined>;
  /**
   * Where the file and `--out` are found, and where a chart goes when `--out` is not given (default: the
   * directory `npm run` was typed in, which npm passes as INIT_CWD, else the working directory).
   */
  cwd?: string;
}

/** Why a file could not be written, in words; the system's code for anything rarer. */
function writeProblem(code: string | undefined): string {
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'the folder is not writable';
  if (code === 'EISDIR') return 'that is a folder';
  return code ?? 'error';
}

function datasetSummary(meta: DatasetMeta) {
  const { columns, ...rest } = meta;
  return { ...rest, columns: columns.map(({ name, type, role, unit }) => ({ name, type, role, unit })) };
}

function answerJson(answer: AnsweredQuestion, meta: DatasetMeta, chart: string | null) {
  return {
    question: answer.question,
    dataset: datasetSummary(meta),
    plan: answer.plan,
    understood: answer.understood,
    sql: answer.sql,
    params: answer.params,
    result: {
      columns: answer.result.columns.map(({ name, type, role, unit }) => ({ name, type, role, unit })),
      rows: answer.result.rows,
      matchedRows: answer.result.matchedRows,
    },
    headline: answer.headline,
    insights: answer.insights,
    planner: answer.planner,
    ...(answer.note ? { note: answer.note } : {}),
    ...(answer.leftOut ? { leftOut: answer.leftOut } : {}),
    ...(answer.unread ? { unread: answer.unread } : {}),
    chart,
  };
}

/** What was wrong with the command line, in words (Node's own messages explain `--` escaping first). */
function argumentProblem(error: Error & { code?: string }): string {
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Unknown option ${option}.`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `${option} needs a value.`;
  return error.message;
}

/** Runs the worker's analysis path in a terminal; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  // Cells, sheet names and questions reach the terminal in what is printed: none of their control characters do.
  const out = { write: (text: string) => io.out.write(printable(text)) };
  const err = { write: (text: string) => io.err.write(printable(text)) };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sheet: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    err.write(`${argumentProblem(error as Error & { code?: string })}\n${USAGE}\n`);
    return 2;
  }
  const [path, typed, ...extra] = parsed.positionals;
  // An empty question asks for nothing: the overview, as without one.
  const question = typed?.trim() ? typed : undefined;
  if (parsed.values.help || !path) {
    (parsed.values.help ? out : err).write(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  const chartOut = parsed.values.out ?? '';
  const chartType = extname(chartOut).toLowerCase();
  if (chartType !== '' && chartType !== '.png') {
    // The chart is rendered as PNG only: a PNG in a file named .svg or .jpg opens nowhere.
    err.write(`The chart is a PNG image: give --out a name ending in .png (not "${basename(chartOut)}").\n`);
    return 2;
  }
  if (extra.length > 0) {
    // The shell split an unquoted question into words: say how to keep it whole rather than only the usage.
    const words = echoedQuestion([typed, ...extra].join(' '));
    // The file's path is quoted too when the shell would split it, so that the line can be pasted back.
    const file = /[\s"'$`\\!*?&;|<>()]/.test(path) ? `'${path.replace(/'/g, `'\\''`)}'` : path;
    err.write(`Put the question in quotes: npm run analyze -- ${file} "${words}"\n${USAGE}\n`);
    return 2;
  }
  try {
    const env = io.env ?? localEnvironment('.env');
    const cwd = io.cwd ?? env.INIT_CWD ?? process.cwd();
    const file = resolve(cwd, path);
    const config = loadConfig(env);
    // DuckDB opens while the file is sniffed.
    const opening = openDatabase();
    const { table, meta } = await ingestFile(file, { connection: opening, sheet: parsed.values.sheet, ...config });
    const connection = await opening;
    if (parsed.values.sheet !== undefined && meta.format !== 'xlsx') {
      err.write(`--sheet is for workbooks: ${meta.name} is a ${meta.format.toUpperCase()} file and was read whole.\n`);
    }
    if (question === undefined) {
      const profile = { rows: meta.rows, columns: meta.columns };
      out.write(
        parsed.values.json
          ? `${printableJson({ dataset: datasetSummary(meta), profile })}\n`
          : `${overviewText(meta)}\n`,
      );
      return 0;
    }
    // Loaded only for a question: the planner, the model client and the chart renderer (with its native
    // canvas) are most of what the CLI would otherwise load before reading a file.
    const [{ answerQuestion }, { languageModelSource }, { answerText }] = await Promise.all([
      import('../analysis/answer-question'),
      import('../llm/language-model-source'),
      import('./answer-text'),
    ]);
    // With NVIDIA_API_KEY set (or in .env), the model plans, as in the bot; without it nothing leaves the machine.
    const llm = await languageModelSource(new EnvSecretSource(env), config.llm)();
    const answer = await answerQuestion(question, { connection, table, meta, llm });
    if (answer.kind === 'not-understood') {
      const reason = withEchoesCut(answer.reason.replace(/\.$/, ''));
      if (parsed.values.json) {
        // The whole question stays in `question`, for a caller matching answers to what it asked.
        const declined = { question, declined: reason, understood: answer.understood, suggestions: answer.suggestions };
        out.write(`${printableJson(declined)}\n`);
      }
      const tries = answer.suggestions.map((s) => `"${s}"`).join(' · ');
      err.write(`I did not understand "${echoedQuestion(question)}": ${reason}. Try: ${tries}\n`);
      return 1;
    }
    let chartPath: string | null = null;
    let chartProblem: string | null = null;
    if (answer.png) {
      const name = `${fileSlug(basename(meta.name, extname(meta.name)))}-${fileSlug(answer.plan.title)}.png`;
      chartPath = resolve(cwd, parsed.values.out ?? name);
      try {
        await writeFile(chartPath, answer.png);
      } catch (error) {
        // A folder that is not there or not writable is the caller's to fix: the answer is still printed.
        chartProblem = `Could not write the chart to ${chartPath}: ${writeProblem((error as NodeJS.ErrnoException).code)}.`;
        chartPath = null;
      }
    }
    out.write(
      parsed.values.json
        ? `${printableJson(answerJson(answer, meta, chartPath))}\n`
        : `${answerText(answer, chartPath)}\n`,
    );
    if (chartProblem) err.write(`${chartProblem}\n`);
    return chartProblem ? 1 : 0;
  } catch (error) {
    if (error instanceof WorkerError || error instanceof PlanError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof ConfigError) {
      err.write(`${error.message}\n`);
      return 2;
    }
    err.write(`Something went wrong on our side: ${(error as Error).message.split('\n')[0]}\n`);
    return 3;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { out: process.stdout, err: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
