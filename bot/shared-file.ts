import type { WebClient } from '@slack/web-api';
import type { EdgeLogger } from './edge-deps';
import { slackErrorOf } from './edge-messages';
import type { SharedFile } from './file-kinds';

/** A shared file with everything an ingest job needs. */
export interface ReadableFile {
  id: string;
  name: string;
  size: number;
  mimetype?: string;
  url_private_download: string;
}

/**
 * Events sometimes carry a stub (`file_access: "check_file_info"`, as in
 * Slack Connect channels) with only the id; `files.info` has the rest. A file
 * the bot may not open is logged and left out.
 */
export async function completeFile(
  client: WebClient,
  logger: EdgeLogger,
  file: SharedFile,
): Promise<ReadableFile | undefined> {
  const known = readable(file);
  if (known) return known;
  try {
    const info = await client.files.info({ file: file.id });
    const full = info.file && readable({ ...info.file, id: file.id } as SharedFile);
    if (full) return full;
    logger.warn('A shared file has no download URL', { fileId: file.id });
  } catch (error) {
    logger.warn('Could not look up a shared file', { fileId: file.id, error: slackErrorOf(error) });
  }
  return undefined;
}

function readable(file: SharedFile): ReadableFile | undefined {
  const { id, name, size, mimetype, url_private_download } = file;
  if (!name || typeof size !== 'number' || !url_private_download) return undefined;
  return { id, name, size, url_private_download, ...(mimetype ? { mimetype } : {}) };
}
