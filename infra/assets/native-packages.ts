import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, WORKER_NATIVE_PACKAGES } from '../bundles';
import { InfraError } from '../errors';
import type { NpmCpu } from './architecture';

/** ELF `e_machine` values, to prove a binary was built for the function's CPU. */
const ELF_MACHINE: Record<NpmCpu, number> = { x64: 0x3e, arm64: 0xb7 };

/** Files npm packages carry that nothing loads at run time; LICENSE files stay. */
const UNUSED_FILE = /(\.d\.ts|\.map|^readme(\.md)?|^changelog(\.md)?|^sbom\.cdx\.json|^\.package-lock\.json)$/i;

/** The binaries the worker's native packages load on Lambda (Linux, glibc), relative to `node_modules`. */
export function nativeBinaries(cpu: NpmCpu): string[] {
  const duckdb = `@duckdb/node-bindings-linux-${cpu}`;
  return [
    `${duckdb}/duckdb.node`,
    `${duckdb}/libduckdb.so`,
    `@napi-rs/canvas-linux-${cpu}-gnu/skia.linux-${cpu}-gnu.node`,
  ];
}

/** The versions installed in the repository, so the function loads the native code the tests ran. */
export function installedNativeVersions(root = ROOT): Record<string, string> {
  return Object.fromEntries(
    WORKER_NATIVE_PACKAGES.map((name) => {
      const manifest = require.resolve(`${name}/package.json`, { paths: [root] });
      return [name, (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version];
    }),
  );
}

/** The `npm install` arguments that fetch the Linux glibc builds for `cpu`, whatever machine runs the synth. */
export function npmInstallArguments(cpu: NpmCpu): string[] {
  return [
    'install',
    '--os=linux',
    `--cpu=${cpu}`,
    '--libc=glibc',
    '--omit=dev',
    '--ignore-scripts',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--update-notifier=false',
    '--loglevel=error',
  ];
}

/** The `e_machine` field of an ELF file, or undefined when the file is not ELF. */
export function elfMachine(file: string): number | undefined {
  const header = Buffer.alloc(20);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header.readUInt32BE(0) === 0x7f454c46 ? header.readUInt16LE(18) : undefined;
}

/**
 * Installs the worker's native packages for `cpu` into `dir/node_modules`, next to the bundle,
 * from the npm registry (this machine may hold another CPU's binaries), then drops what no one
 * loads and checks that each binary is there and built for `cpu`.
 *
 * @example installNativePackages(assetDir, 'arm64')
 */
export function installNativePackages(dir: string, cpu: NpmCpu, npm = 'npm'): void {
  const manifest = path.join(dir, 'package.json');
  fs.writeFileSync(manifest, JSON.stringify({ private: true, dependencies: installedNativeVersions() }));
  const result = spawnSync(npm, npmInstallArguments(cpu), { cwd: dir, encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new InfraError(
      'INFRA_BUNDLING_FAILED',
      `npm could not fetch the ${cpu} native packages for the worker: ${result.stderr || result.error?.message}`,
      { cause: result.error },
    );
  }
  fs.rmSync(manifest);
  removeUnusedFiles(path.join(dir, 'node_modules'));
  for (const binary of nativeBinaries(cpu)) {
    const file = path.join(dir, 'node_modules', binary);
    if (!fs.existsSync(file) || elfMachine(file) !== ELF_MACHINE[cpu]) {
      throw new InfraError('INFRA_BUNDLING_FAILED', `The worker asset lacks a linux-${cpu} build of ${binary}.`);
    }
  }
}

function removeUnusedFiles(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removeUnusedFiles(full);
    else if (UNUSED_FILE.test(entry.name)) fs.rmSync(full);
  }
}
