import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startLocalBot, type LocalBot } from '../../local/local-bot';
import { SUPERSTORE_CSV } from '../support/datasets';
import { states } from '../support/question-cases';

/** Debian's Chromium: `.ci/run` installs it when it is missing, and no browser is downloaded at install. */
const CHROMIUM = '/usr/bin/chromium';
/** Where the screenshots go; the README's is copied from here. */
const SHOTS = path.join(__dirname, '..', '..', 'out', 'playground');

/** What the callbacks below use in the page, where the DOM is; this project's types are Node's. */
interface InPage {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
  __owned?: number;
}

async function sql(query: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    return (await connection.runAndReadAll(query)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

/** Drops a file on the channel pane the way a person drags one from their desktop. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const inPage = globalThis as unknown as InPage;
      const binary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new inPage.DataTransfer();
      data.items.add(new inPage.File([binary], name, { type: 'text/csv' }));
      return data;
    },
    { name, base64: bytes.toString('base64') },
  );
  await page.dispatchEvent('#channel', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#channel', 'drop', { dataTransfer: transfer });
}

async function ask(page: Page, where: '#composer-text' | '#thread-text', text: string): Promise<void> {
  await page.fill(where, text);
  await page.press(where, 'Enter');
}

/** The thread of the channel's message that says `text`, opened in the side pane. */
async function openThread(page: Page, text: string): Promise<Locator> {
  const root = page.locator('#messages .message', { hasText: text }).last();
  await root.locator('.thread-link').click();
  return page.locator('#thread-messages');
}

async function chartLoaded(image: Locator): Promise<boolean> {
  return image.evaluate((img) => {
    const loaded = img as unknown as { complete: boolean; naturalWidth: number };
    return loaded.complete && loaded.naturalWidth > 400;
  });
}

// Integration: `npm start`'s playground in headless Chromium, with the real worker behind it.
describe('the playground in a browser', () => {
  let bot: LocalBot;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does).`);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'playground-'));
    await mkdir(SHOTS, { recursive: true });
    bot = await startLocalBot({ DATA_DIR: dataDir, PLAYGROUND_PORT: '0', LOG_LEVEL: 'ERROR' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(bot.playground.url);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads a dropped file and answers questions, follow-ups and buttons in its threads', async () => {
    await dropFile(page, 'superstore.csv', await readFile(SUPERSTORE_CSV));
    const fileThread = await openThread(page, 'superstore.csv');
    await fileThread.getByText('superstore.csv · 9,994 rows × 21 columns · Jan 2014–Dec 2017').waitFor();
    expect(await chartLoaded(fileThread.locator('img.chart').first())).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'profile.png') });

    // A suggested question is a button that asks it in the file's thread.
    const suggestion = fileThread.locator('[data-action]').first();
    const suggested = (await suggestion.textContent()) ?? '';
    await suggestion.click();
    await fileThread.locator('.message.bot .headline').first().waitFor();
    expect(await fileThread.locator('.message:not(.bot) .body').last().textContent()).toBe(suggested);

    await ask(page, '#composer-text', 'total sales by region');
    const thread = await openThread(page, 'total sales by region');
    const headline = thread.locator('.headline').last();
    await headline.waitFor();
    const [top] = await sql(
      `SELECT Region, sum(Sales) AS total FROM read_csv('${SUPERSTORE_CSV}') GROUP BY Region ORDER BY total DESC LIMIT 1`,
    );
    const text = (await headline.textContent()) ?? '';
    expect(text).toContain(String(top?.Region));
    expect(states(text, Number(top?.total))).toBe(true);
    const chart = thread.locator('img.chart').last();
    await chart.waitFor();
    expect(await chartLoaded(chart)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'answer.png') });

    await ask(page, '#thread-text', 'only 2017');
    await thread.locator('.headline').nth(1).waitFor();
    const [top2017] = await sql(
      `SELECT Region, sum(Sales) AS total FROM read_csv('${SUPERSTORE_CSV}', dateformat='%m/%d/%Y')
       WHERE year("Order Date") = 2017 GROUP BY Region ORDER BY total DESC LIMIT 1`,
    );
    const followUp = (await thread.locator('.headline').nth(1).textContent()) ?? '';
    expect(followUp).toContain(String(top2017?.Region));
    expect(states(followUp, Number(top2017?.total))).toBe(true);

    await thread.getByRole('button', { name: 'Show SQL' }).first().click();
    const shown = thread.locator('pre', { hasText: 'SELECT' });
    await shown.waitFor();
    expect(await shown.textContent()).toMatch(/"Region"/);
  });

  it('subscribes a digest, lists it, sends it now, and posts it at the top of the channel with SQL’s numbers', async () => {
    await ask(page, '#composer-text', 'digest monthly total sales by region');
    const setUp = await openThread(page, 'digest monthly total sales by region');
    await setUp.getByText(/Digest set up: “total sales by region” on the 1st of every month at 9:00/).waitFor();

    await ask(page, '#composer-text', 'digests');
    const list = await openThread(page, 'digests');
    await list.getByText('1 digest in this channel').waitFor();
    await list.getByRole('button', { name: 'Send now' }).click();
    await list.getByText('Sent “total sales by region” on the 1st of every month at 9:00 to the channel.').waitFor();

    const post = page.locator('#messages .message', { hasText: 'Digest: total sales by region' }).last();
    const headline = post.locator('.headline');
    await headline.waitFor();
    // The latest complete month: the data ends on 30 December 2017.
    const [december] = await sql(
      `SELECT sum(Sales) AS total FROM read_csv('${SUPERSTORE_CSV}', dateformat='%m/%d/%Y')
       WHERE "Order Date" >= DATE '2017-12-01' AND "Order Date" < DATE '2018-01-01'`,
    );
    const text = (await headline.textContent()) ?? '';
    expect(text).toContain('in Dec 2017');
    expect(states(text, Number(december?.total))).toBe(true);
    expect(await post.textContent()).toContain('superstore.csv, uploaded');
    const charts = (await openThread(page, 'Digest: total sales by region')).locator('img.chart');
    await charts.nth(1).waitFor();
    expect(await chartLoaded(charts.first())).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'digest.png') });
  });

  it('keeps each channel to its own files', async () => {
    await page.click('[data-channel="operations"]');
    await ask(page, '#composer-text', 'total sales by region');
    const thread = await openThread(page, 'total sales by region');
    await thread.getByText(/No dataset in this channel yet/).waitFor();
    expect(await thread.locator('.headline').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'isolation.png') });
  });

  it('shows markup in a file as text and never runs it', async () => {
    await page.click('[data-channel="leadership"]');
    const hostile =
      'Name,Amount\n"<img src=x onerror=""window.__owned=1"">",5\n"<script>window.__owned=2</script>",7\n';
    await dropFile(page, 'hostile.csv', Buffer.from(hostile));
    await ask(page, '#composer-text', 'total amount by name');
    const thread = await openThread(page, 'total amount by name');
    await thread.locator('.headline').waitFor();

    expect(await thread.locator('.headline').textContent()).toContain('<script>window.__owned=2</script>');
    expect(await page.evaluate(() => (globalThis as unknown as InPage).__owned)).toBeUndefined();
    expect(await page.locator('#thread img:not(.chart)').count()).toBe(0);
  });
});
