import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How to start the sandbox process: the script Node runs, and where it finds `@duckdb/node-api`. */
export interface SandboxProgram {
  script: string;
  nodePath: string;
}

let fromSource: SandboxProgram | undefined;

/**
 * The sandbox process's program. The deployed worker ships it built, next to
 * its bundle (infra/bundles.ts); run from source (tests, the CLI, the local
 * runner) it is bundled once per process with esbuild, which tsx brings,
 * since starting it through tsx would add most of a second to every query.
 */
export function sandboxProgram(): SandboxProgram {
  const built = path.join(__dirname, 'sandbox-process.js');
  const nodePath = path.resolve(path.dirname(require.resolve('@duckdb/node-api/package.json')), '..', '..');
  if (fs.existsSync(built)) return { script: built, nodePath };
  if (fromSource) return fromSource;
  // Loaded here only: the deployed bundle never reaches this line and must not carry esbuild.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sql-sandbox-program-')), 'sandbox-process.js');
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'sandbox-process.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@duckdb/node-api'],
    logLevel: 'silent',
  });
  fromSource = { script, nodePath };
  return fromSource;
}
