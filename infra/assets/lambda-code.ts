import fs from 'node:fs';
import path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { buildSync } from 'esbuild';
import {
  ROOT,
  deadLetterBuildOptions,
  edgeBuildOptions,
  teamsEdgeBuildOptions,
  teamsFilesBuildOptions,
  workerBuildOptions,
} from '../bundles';
import { InfraError } from '../errors';
import type { NpmCpu } from './architecture';
import { installNativePackages } from './native-packages';

/** charts/fonts.ts looks for its fonts next to the module, which after bundling is the asset's root. */
const CHART_FONTS_DIR = path.join(ROOT, 'charts', 'fonts');

// No Docker engine runs here or on CI. Every build below either succeeds or throws, so CDK
// never falls back to running this image; it is only there because the API requires one.
const NO_DOCKER = DockerImage.fromRegistry('local-bundling-only');

/**
 * An asset named `name`, built on this machine by `build` into the folder it is given. Stacks
 * left out of the `aws:cdk:bundling-stacks` context (the tests set it to `[]`) skip the build and
 * get a placeholder hash, so they synthesize without it.
 */
export function builtLocally(name: string, build: (outputDir: string) => void): Code {
  return Code.fromAsset(ROOT, {
    // Hash what is deployed rather than the repository: the same bundle keeps the same asset.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: NO_DOCKER,
      // CDK caches assets by source folder and the serializable bundling options; the local
      // build is a function and does not count, so without this every asset here would be one.
      command: [name],
      local: {
        tryBundle(outputDir) {
          try {
            build(outputDir);
          } catch (error) {
            if (error instanceof InfraError) throw error;
            throw new InfraError('INFRA_BUNDLING_FAILED', `Bundling failed: ${(error as Error).message}`, {
              cause: error,
            });
          }
          return true;
        },
      },
    },
  });
}

/**
 * Source maps stay out of the zips: cold start pays for every byte, and with
 * `--enable-source-maps` Node would parse the map (11 MB for the worker) on every cold start.
 */
function dropSourceMap(outputDir: string): void {
  for (const map of fs.readdirSync(outputDir).filter((name) => name.endsWith('.js.map'))) {
    fs.rmSync(path.join(outputDir, map), { force: true });
  }
}

/** The Slack edge: exactly the esbuild build the edge bench measures (`edgeBuildOptions`), one file. */
export function edgeCode(): Code {
  return builtLocally('slack-edge', (outputDir) => {
    buildSync(edgeBuildOptions(outputDir));
    dropSourceMap(outputDir);
  });
}

/** The Teams edge: its own one-file bundle (`teamsEdgeBuildOptions`), which the Teams edge bench measures. */
export function teamsEdgeCode(): Code {
  return builtLocally('teams-edge', (outputDir) => {
    buildSync(teamsEdgeBuildOptions(outputDir));
    dropSourceMap(outputDir);
  });
}

/** The Teams files route: one file, like the edges. */
export function teamsFilesCode(): Code {
  return builtLocally('teams-files', (outputDir) => {
    buildSync(teamsFilesBuildOptions(outputDir));
    dropSourceMap(outputDir);
  });
}

/** The dead-letter consumer: one file, like the edge. */
export function deadLetterCode(): Code {
  return builtLocally('dead-letters', (outputDir) => {
    buildSync(deadLetterBuildOptions(outputDir));
    dropSourceMap(outputDir);
  });
}

/**
 * The worker: its bundle, the chart fonts in `fonts/`, and the DuckDB and @napi-rs/canvas
 * packages for `cpu` in `node_modules/`, which the bundle leaves external.
 */
export function workerCode(cpu: NpmCpu): Code {
  return builtLocally('worker', (outputDir) => {
    buildSync(workerBuildOptions(outputDir));
    dropSourceMap(outputDir);
    fs.cpSync(CHART_FONTS_DIR, path.join(outputDir, 'fonts'), { recursive: true });
    installNativePackages(outputDir, cpu);
  });
}
