// Plain JavaScript on purpose: this runs before any TypeScript is compiled, and is what spares
// `npm run analyze` compiling it at every start. CommonJS, as launch.cjs: an ES module entry costs
// Node's module loader some 4 ms more at each start.
const { createHash } = require('node:crypto');
const { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const HERE = __filename;
const ROOT = resolve(dirname(HERE), '../..');
const ENTRY = join(ROOT, 'workers/cli/analyze.ts');
const CACHE = join(ROOT, '.cache/cli');
// `.js` under a package without `"type"` is CommonJS, and lint and format skip it as the built file it is.
const BUNDLE = join(CACHE, 'analyze.js');
const MANIFEST = join(CACHE, 'manifest.json');
const FONTS = join(ROOT, 'charts/fonts');

/**
 * Required from node_modules at run time, never bundled: what loads a native binary (it lives
 * there), exceljs, which only an Excel file loads, and iconv-lite, which loads each code table when
 * first asked for it; bundled, their megabyte would be compiled at every start. DuckDB's API is
 * plain JavaScript in some 120 files over its native bindings: bundled, with the bundle's code
 * cache, it loads about 100 ms sooner than required file by file, and only the bindings stay out.
 */
const EXTERNAL = ['@duckdb/node-bindings', '@napi-rs/canvas', 'exceljs', 'iconv-lite'];

/**
 * Every file the bundle depends on (see keyOf), as absolute paths. Plain concatenation, not
 * path.join: this runs cold at every start, once a file, and join costs more than the stat.
 */
function keyedFiles(sources) {
  return [HERE, `${ROOT}/package-lock.json`, ...sources.map((source) => `${ROOT}/${source}`)];
}

/**
 * What the bundle was built from: every source file of ours it holds (as esbuild listed them), the
 * lockfile for the packages it holds, and this file for how it was built. A change to any of them,
 * or a source that is gone, gives another key.
 */
function keyOf(sources) {
  const hash = createHash('sha256');
  for (const file of keyedFiles(sources)) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * What the files looked like when last hashed, four numbers a file. ctime and inode are in it
 * because a copy or a checkout can give a file its old size and mtime back, but not its old ctime
 * or inode.
 */
function statsOf(sources) {
  const stats = [];
  for (const file of keyedFiles(sources)) {
    const { size, mtimeMs, ctimeMs, ino } = statSync(file);
    stats.push(size, mtimeMs, ctimeMs, ino);
  }
  return stats;
}

function sameStats(a, b) {
  if (a.length !== b?.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function writeManifest(manifest) {
  const building = join(CACHE, `manifest.${process.pid}.json`);
  writeFileSync(building, JSON.stringify(manifest));
  renameSync(building, MANIFEST);
}

/**
 * Hashing every source costs about 25 ms at each start, so the key is trusted while no file's stat
 * changed since it was hashed; when one did, the hash decides, and a match records the new stats.
 */
function cachedKey() {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    if (!existsSync(BUNDLE)) return undefined;
    const stats = statsOf(manifest.sources);
    if (sameStats(stats, manifest.stats)) return manifest.key;
    if (manifest.key !== keyOf(manifest.sources)) return undefined;
    writeManifest({ ...manifest, stats });
    return manifest.key;
  } catch {
    // No manifest yet, or a source it lists was deleted: either way the bundle must be built again.
    return undefined;
  }
}

/**
 * The CLI as one CommonJS file in `.cache/cli/`, built with the local esbuild when there is none
 * or when a source changed since, and the path to it. Each build goes to a file of its own and is
 * renamed into place, so two first runs at once each get a whole bundle.
 */
async function prebuiltCli() {
  if (cachedKey()) return BUNDLE;
  const { build } = require('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const building = join(CACHE, `analyze.${process.pid}.js`);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: building,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    metafile: true,
    external: EXTERNAL,
    // The bundle runs as a vm.Script (launch.cjs), where `import()` has no loader: a lazily loaded
    // package (iconv-lite for a file that is not UTF-8) must be a `require` inside a promise.
    supported: { 'dynamic-import': false },
    logLevel: 'silent',
  });
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
  // charts/fonts.ts looks for its fonts next to the module, which is now the bundle.
  cpSync(FONTS, join(CACHE, 'fonts'), { recursive: true });
  renameSync(building, BUNDLE);
  // Stats before the hash: a file changed in between then fails the stat check and is hashed again.
  const stats = statsOf(sources);
  writeManifest({ key: keyOf(sources), sources, stats });
  return BUNDLE;
}

module.exports = { BUNDLE, prebuiltCli };

// `npm ci` / `npm install` run this as the `prepare` script, so a fresh clone's first run is fast too.
// A failed build must not fail the install: the first run builds again and says what went wrong.
if (require.main === module) {
  prebuiltCli().catch((error) => {
    rmSync(join(CACHE, `analyze.${process.pid}.js`), { force: true });
    console.warn(`The CLI was not prebuilt (${error.message}); \`npm run analyze\` will build it on its first run.`);
  });
}
