import { openDatabase } from '../../../workers/engine/duckdb';
import { ingestFile } from '../../../workers/ingest/ingest-file';

/**
 * Ingests the file named on the command line in a process of its own and
 * prints its outcome and the process's peak RSS as one JSON line, so a test can
 * measure memory without its own heap in the figure.
 */
async function main(): Promise<void> {
  const connection = await openDatabase();
  const limits = { maxUploadBytes: 200 * 1024 * 1024, maxUnzippedBytes: 1024 * 1024 * 1024 };
  let outcome: { rows?: number; code?: string; message?: string };
  try {
    const { meta } = await ingestFile(process.argv[2] as string, { connection, ...limits });
    outcome = { rows: meta.rows };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    outcome = { code, message };
  }
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ...outcome, peakRssMb })}\n`);
}

void main();
