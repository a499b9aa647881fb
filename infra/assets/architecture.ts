import { Architecture } from 'aws-cdk-lib/aws-lambda';

/** A CPU as npm names it (`--cpu`, package suffixes), for the Linux glibc binaries the worker ships. */
export type NpmCpu = 'arm64' | 'x64';

/**
 * Both functions run on arm64 (Graviton).
 *
 * Both native packages the worker loads publish arm64 Linux glibc builds on npm, in the same
 * versions as the x64 ones (`npm view @duckdb/node-bindings-linux-arm64 os cpu libc`,
 * `npm view @napi-rs/canvas-linux-arm64-gnu os cpu libc`); their binaries need at most glibc 2.25
 * and GLIBCXX 3.4.22, and the Node.js 22 runtime (Amazon Linux 2023) has glibc 2.34. Lambda bills
 * arm64 about 20% less per GB-second, and the worker's time is CPU-bound DuckDB and Skia work.
 * The edge has no native code, so it follows for one architecture in the whole stack.
 */
export const FUNCTION_ARCHITECTURE: { lambda: Architecture; npmCpu: NpmCpu } = {
  lambda: Architecture.ARM_64,
  npmCpu: 'arm64',
};
