import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { bundle, teamsFilesBuildOptions } from '../../infra/bundles';

/** The files route checks an HMAC and reads S3: nothing of the worker, Slack or the Bot Framework. */
const NOT_IN_FILES = ['@duckdb/', '@napi-rs/', 'openai', 'exceljs', 'chart.js', '@slack/', '@microsoft/', 'jose/'];

describe('the Teams files bundle (the exact build that is deployed)', () => {
  let outdir: string;
  let files: Metafile;

  beforeAll(async () => {
    outdir = mkdtempSync(path.join(tmpdir(), 'teams-files-bundle-'));
    files = await bundle(teamsFilesBuildOptions(outdir));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('holds neither the worker, Slack nor the Agents SDK', () => {
    const found = Object.keys(files.inputs).filter((input) =>
      NOT_IN_FILES.some((name) => input.includes(`node_modules/${name}`)),
    );
    expect(found).toEqual([]);
  });

  it('is one file under 1.5 MB, the bar the Teams edge meets', () => {
    const js = Object.keys(files.outputs).filter((output) => output.endsWith('.js'));
    expect(js).toHaveLength(1);
    const bytes = statSync(path.resolve(js[0] ?? '')).size;
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
  });
});
