import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startLocalBot } from '../local/local-bot';
import { CSV_PATH, prepareData } from './ingest-bench';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..');

export interface PlaygroundFigures {
  /** `npm start` (tsx, as the script runs it) to a page whose channels are shown, median ms. */
  startToPage: number;
  /** The worker's answer edited into the room → the headline on the page, on the 1M-row table, median ms. */
  answerToPage: number;
  /** The worker's answer itself, for scale: question posted → answer edited into the room, median ms. */
  workerAnswer: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** One `npm start`: spawn it as the script does, wait for its URL, then for the page's channel list. */
async function startToPage(browser: Browser): Promise<number> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'playground-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PLAYGROUND_PORT: '0', LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        const found = /Playground: (http:\/\/\S+)/.exec(printed);
        if (found?.[1]) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code} before serving the page`)));
    });
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('#channels button').first().waitFor();
    const elapsed = performance.now() - started;
    await page.close();
    return elapsed;
  } finally {
    child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** What the page-side callbacks use; this project's types are Node's, the page has the DOM. */
interface InPage {
  document: { querySelectorAll(selector: string): { length: number }; body: unknown };
  MutationObserver: new (callback: () => void) => { observe(node: unknown, options: object): void };
}

/**
 * Questions on the 1M-row file, asked in its thread in the playground: when
 * the worker edits its answer into the room (this process's clock) and when
 * the open thread shows the headline (the page's clock, the same machine's).
 */
async function answerLatency(browser: Browser, runs: number): Promise<{ toPage: number[]; worker: number[] }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'playground-bench-'));
  const bot = await startLocalBot({
    DATA_DIR: dataDir,
    PLAYGROUND_PORT: '0',
    LOG_LEVEL: 'ERROR',
    MAX_UPLOAD_MB: '500',
  });
  const answered: number[] = [];
  bot.playground.room.listen((message) => {
    if (message.html?.includes('class="headline"')) answered.push(Date.now());
  });
  try {
    const upload = await fetch(`${bot.playground.url}/api/channels/sales/files?name=sales-1m.csv`, {
      method: 'POST',
      body: await readFile(CSV_PATH),
    });
    if (!upload.ok) throw new Error(`the playground refused the bench file: ${upload.status}`);
    await bot.queue.idle();
    const page = await browser.newPage();
    await page.goto(bot.playground.url);
    await page.locator('#messages .thread-link').first().click();
    const toPage: number[] = [];
    const worker: number[] = [];
    for (let i = 0; i < runs; i++) {
      const shown = page.evaluate(
        (count) =>
          new Promise<number>((resolve) => {
            // No named functions in here: tsx names them with a helper the page does not have.
            const { document, MutationObserver } = globalThis as unknown as InPage;
            new MutationObserver(() => {
              if (document.querySelectorAll('#thread-messages .headline').length > count) resolve(Date.now());
            }).observe(document.body, { subtree: true, childList: true });
          }),
        i,
      );
      const before = answered.length;
      const asked = Date.now();
      await page.fill('#thread-text', 'total revenue by region');
      await page.press('#thread-text', 'Enter');
      const seen = await shown;
      const at = answered[before];
      if (at === undefined) throw new Error('the worker never answered the bench question');
      worker.push(at - asked);
      toPage.push(seen - at);
    }
    await page.close();
    return { toPage, worker };
  } finally {
    await bot.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** `npm run bench`'s playground section; bars: start to page < 2 s, answer to page < 300 ms. */
export async function playgroundFigures(): Promise<PlaygroundFigures> {
  await prepareData();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) starts.push(await startToPage(browser));
    const { toPage, worker } = await answerLatency(browser, 3);
    return { startToPage: median(starts), answerToPage: median(toPage), workerAnswer: median(worker) };
  } finally {
    await browser.close();
  }
}

export function playgroundTable(figures: PlaygroundFigures): string {
  const verdict = (value: number, bar: number) => (value < bar ? 'ok' : 'OVER');
  return [
    '| playground | figure | bar |',
    '| --- | --- | --- |',
    `| npm start → page usable | ${figures.startToPage.toFixed(0)} ms ${verdict(figures.startToPage, 2000)} | < 2 s |`,
    `| worker's answer → headline in the page (1M rows) | ${figures.answerToPage.toFixed(0)} ms ${verdict(figures.answerToPage, 300)} | < 300 ms |`,
    `| (the worker's answer itself, for scale) | ${figures.workerAnswer.toFixed(0)} ms | |`,
  ].join('\n');
}
