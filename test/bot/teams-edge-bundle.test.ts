import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { bundle, edgeBuildOptions, teamsEdgeBuildOptions } from '../../infra/bundles';

const MAX_BYTES = 1.5 * 1024 * 1024;
/** Heavy packages that belong to the worker, and Slack's Bolt, which the Teams edge never loads. */
const NOT_IN_TEAMS_EDGE = ['@duckdb/', '@napi-rs/', 'openai', 'exceljs', 'chart.js', '@slack/'];

describe('the Teams edge bundle (the exact build that is deployed)', () => {
  let outdir: string;
  let teams: Metafile;
  let slack: Metafile;

  beforeAll(async () => {
    outdir = mkdtempSync(path.join(tmpdir(), 'teams-edge-bundle-'));
    [teams, slack] = await Promise.all([
      bundle(teamsEdgeBuildOptions(path.join(outdir, 'teams'))),
      bundle(edgeBuildOptions(path.join(outdir, 'slack'))),
    ]);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('holds no worker package and no Slack code', () => {
    const found = Object.keys(teams.inputs).filter((input) =>
      NOT_IN_TEAMS_EDGE.some((name) => input.includes(`node_modules/${name}`)),
    );
    expect(found).toEqual([]);
  });

  it('is one file under 1.5 MB', () => {
    const js = Object.keys(teams.outputs).filter((output) => output.endsWith('.js'));
    expect(js).toHaveLength(1);
    expect(statSync(path.resolve(js[0] ?? '')).size).toBeLessThan(MAX_BYTES);
  });

  it('leaves the Slack edge bundle without the Agents SDK or jose', () => {
    const found = Object.keys(slack.inputs).filter((input) => /node_modules\/(@microsoft\/agents|jose)\//.test(input));
    expect(found).toEqual([]);
  });
});
