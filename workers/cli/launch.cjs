// `npm run analyze`: the CLI from its prebuilt bundle (see prebuilt-bundle.cjs), without compiling
// TypeScript at every start.
const { createHash } = require('node:crypto');
const { closeSync, existsSync, fstatSync, openSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const { prebuiltCli } = require('./prebuilt-bundle.cjs');

/**
 * Requires the bundle with V8's code cache kept beside it, which spares compiling the bundle's
 * megabyte at every start (Node 20 has no `module.enableCompileCache`). V8 rejects a cache made
 * from source of another length, but not one made from other source of the same length, so the
 * cache starts with a digest of the bundle file it was made from: of its inode, size and time
 * written, which any new bundle changes (hashing its megabyte took 2 ms of every start). A new
 * cache is written after the run, so it holds the functions the run compiled. The bundle's
 * `require` takes DuckDB's binding from {@link duckdbBinding}.
 */
function requireCached(file) {
  const requireHere = createRequire(file);
  let binding;
  const requireForBundle = Object.assign(
    (id) => (id === '@duckdb/node-bindings' ? (binding ??= duckdbBinding(requireHere)) : requireHere(id)),
    { resolve: requireHere.resolve, cache: requireHere.cache },
  );
  const cacheFile = `${file}.v8-cache`;
  // Read and described through one descriptor, so that a bundle put in its place meanwhile is not mixed up with it.
  const fd = openSync(file, 'r');
  const { ino, size, mtimeMs } = fstatSync(fd);
  const bundle = readFileSync(fd);
  closeSync(fd);
  const digest = createHash('md5').update(`${ino}:${size}:${mtimeMs}`).digest();
  const kept = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const cachedData = kept?.subarray(0, digest.length).equals(digest) ? kept.subarray(digest.length) : undefined;
  const source = `(function (exports, require, module, __filename, __dirname) {${bundle.toString('utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, requireForBundle, module, file, dirname(file));
  const keepCache = () => {
    if (!cachedData || script.cachedDataRejected) {
      writeFileSync(cacheFile, Buffer.concat([digest, script.createCachedData()]));
    }
  };
  return { cli: module.exports, keepCache };
}

/**
 * DuckDB's native binding. Its package tells glibc from musl Linux by reading the whole Node
 * executable (detect-libc), some 10 ms of every start: the binary for this platform is tried first,
 * and the package's own choice is the fallback (on musl, where that binary is missing or does not load).
 */
function duckdbBinding(requireHere) {
  try {
    return requireHere(`@duckdb/node-bindings-${process.platform}-${process.arch}/duckdb.node`);
  } catch {
    return requireHere('@duckdb/node-bindings');
  }
}

async function launch() {
  let bundle;
  try {
    bundle = await prebuiltCli();
  } catch (error) {
    // esbuild puts what it could not build in `errors`; its message only counts them.
    const [first] = error.errors ?? [];
    const reason = first ? `${first.location?.file ?? ''}:${first.location?.line ?? ''}: ${first.text}` : error.message;
    process.stderr.write(`Could not build the CLI from its sources: ${reason.split('\n')[0]}\n`);
    process.exit(3);
  }
  const { cli, keepCache } = requireCached(bundle);
  process.exitCode = await cli.main(process.argv.slice(2), { out: process.stdout, err: process.stderr });
  keepCache();
}

void launch();
