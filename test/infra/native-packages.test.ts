import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTION_ARCHITECTURE } from '../../infra/assets/architecture';
import {
  elfMachine,
  installNativePackages,
  installedNativeVersions,
  nativeBinaries,
  npmInstallArguments,
} from '../../infra/assets/native-packages';

describe('worker native packages', () => {
  it('names the Linux glibc binaries of each CPU', () => {
    expect(nativeBinaries('arm64')).toEqual([
      '@duckdb/node-bindings-linux-arm64/duckdb.node',
      '@duckdb/node-bindings-linux-arm64/libduckdb.so',
      '@napi-rs/canvas-linux-arm64-gnu/skia.linux-arm64-gnu.node',
    ]);
  });

  it('pins the versions installed here', () => {
    const versions = installedNativeVersions();

    expect(Object.keys(versions)).toEqual(['@duckdb/node-api', '@napi-rs/canvas']);
    for (const version of Object.values(versions)) expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('asks npm for Linux glibc builds of the CPU, with no install scripts', () => {
    expect(npmInstallArguments('arm64')).toEqual(
      expect.arrayContaining(['install', '--os=linux', '--cpu=arm64', '--libc=glibc', '--ignore-scripts']),
    );
  });

  it('reads the CPU of an ELF binary, and nothing from other files', () => {
    const x64Binary = require.resolve('@duckdb/node-bindings-linux-x64/duckdb.node');

    expect(elfMachine(x64Binary)).toBe(0x3e);
    expect(elfMachine(path.join(__dirname, 'native-packages.test.ts'))).toBeUndefined();
  });

  // Integration: fetches from the npm registry (cached by npm after the first run).
  it(`installs the ${FUNCTION_ARCHITECTURE.npmCpu} binaries next to a bundle, and only what loads`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-asset-'));
    try {
      installNativePackages(dir, FUNCTION_ARCHITECTURE.npmCpu);

      const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
      expect(fs.readdirSync(dir)).toEqual(['node_modules']);
      expect(fs.readdirSync(path.join(dir, 'node_modules', '@duckdb')).sort()).toEqual([
        'node-api',
        'node-bindings',
        `node-bindings-linux-${FUNCTION_ARCHITECTURE.npmCpu}`,
      ]);
      expect(files.filter((file) => /\.d\.ts$|\.map$|README/i.test(file))).toEqual([]);
      expect(files.filter((file) => file.endsWith('.node')).sort()).toEqual(
        nativeBinaries(FUNCTION_ARCHITECTURE.npmCpu)
          .filter((binary) => binary.endsWith('.node'))
          .map((binary) => path.join('node_modules', binary))
          .sort(),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
