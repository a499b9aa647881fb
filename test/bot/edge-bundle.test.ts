import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';
import {
  bundle,
  deadLetterBuildOptions,
  edgeBuildOptions,
  teamsEdgeBuildOptions,
  teamsFilesBuildOptions,
} from '../../infra/bundles';

/** The edges' bar (issues 4 and 13): a small bundle that starts fast. */
const MAX_BYTES = 1.5 * 1024 * 1024;
/** Heavy packages that belong to the worker. */
const WORKER_ONLY = ['@duckdb/', 'duckdb', '@napi-rs/', 'canvas', 'openai', 'exceljs', 'chart.js'];

interface EdgeBundle {
  name: string;
  build: (outdir: string) => BuildOptions;
  /** Packages beyond the worker's that this function never loads. */
  without: string[];
}

const BUNDLES: EdgeBundle[] = [
  // Slack's edge: Bolt, never the Agents SDK or the JWT check of the Teams edge.
  { name: 'the Slack edge', build: edgeBuildOptions, without: ['@microsoft/agents', 'jose/'] },
  { name: 'the Teams edge', build: teamsEdgeBuildOptions, without: ['@slack/'] },
  // The files route checks an HMAC and reads S3: nothing of Slack or the Bot Framework.
  { name: 'the Teams files route', build: teamsFilesBuildOptions, without: ['@slack/', '@microsoft/', 'jose/'] },
  // The dead-letter consumer edits a placeholder and tells a digest's owner: it never runs a query.
  { name: 'the dead-letter consumer', build: deadLetterBuildOptions, without: [] },
];

describe.each(BUNDLES)('$name bundle (the exact build that is deployed)', ({ build, without }) => {
  let outdir: string;
  let metafile: Metafile;

  beforeAll(async () => {
    outdir = mkdtempSync(path.join(tmpdir(), 'edge-bundle-'));
    metafile = await bundle(build(outdir));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it(`holds no worker package (DuckDB, canvas, the LLM client, exceljs, Chart.js)${without.length ? ` and none of ${without.join(', ')}` : ''}`, () => {
    const found = Object.keys(metafile.inputs).filter((input) =>
      [...WORKER_ONLY, ...without].some((name) => input.includes(`node_modules/${name}`)),
    );
    expect(found).toEqual([]);
  });

  it('is one file under 1.5 MB', () => {
    const js = Object.keys(metafile.outputs).filter((output) => output.endsWith('.js'));
    expect(js).toHaveLength(1);
    expect(statSync(path.resolve(js[0] ?? '')).size).toBeLessThan(MAX_BYTES);
  });
});
