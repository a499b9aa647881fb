import { openDatabase } from '../workers/engine/duckdb';
import { ingestFile } from '../workers/ingest/ingest-file';

/** Ingests one file in a fresh process and prints its peak RSS, for the memory bar. */
async function run(path: string): Promise<void> {
  await ingestFile(path, {
    connection: await openDatabase(),
    maxUploadBytes: 1 << 30,
    maxUnzippedBytes: 4 * 1024 ** 3,
  });
  console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

run(process.argv[2] as string).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
