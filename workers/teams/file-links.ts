import { randomBytes } from 'node:crypto';
import type { BlobStore } from '../../core/blob-store';
import { fileLinkStoreKey, signedFileLinkPath, verifyFileLinkPath } from '../../core/teams-file-links';

/**
 * How long a link works: long enough to open a chart or a CSV from the thread the same week. The
 * bucket expires the objects a day later (infra/constructs/data-storage.ts, TEAMS_FILE_LINK_DAYS).
 */
export const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface FileLinksOptions {
  store: BlobStore;
  /** The bot API's files route (`https://abc.execute-api…/prod/teams/files`), which serves the links from the store. */
  baseUrl: string;
  /** Signs the links; derive it from a secret (`fileLinkKey`), never send it anywhere. */
  key: Buffer;
  ttlMs?: number;
  now?: () => number;
}

/**
 * Files Teams or a person fetches without credentials (a chart too big to inline, a CSV export):
 * kept in the bot's store under a random id, and linked by an unguessable, expiring path signed
 * with HMAC-SHA256 (core/teams-file-links.ts), which the API's files route checks before serving.
 *
 * @example
 * const url = await links.publish(png, 'revenue.png', 'image/png'); // https://…/teams/files/1733900000/<id>/<sig>/revenue.png
 * links.resolve('1733900000/<id>/<sig>/revenue.png'); // { key: 'teams-files/<id>/revenue.png' }
 */
export class FileLinks {
  constructor(private readonly options: FileLinksOptions) {}

  async publish(bytes: Buffer, filename: string, contentType: string): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    const link = {
      expires: Math.floor((now + (this.options.ttlMs ?? DEFAULT_TTL_MS)) / 1000),
      id: randomBytes(16).toString('base64url'),
      name: safeName(filename),
    };
    await this.options.store.put(fileLinkStoreKey(link), bytes, contentType);
    return `${this.options.baseUrl.replace(/\/+$/, '')}/${signedFileLinkPath(this.options.key, link)}`;
  }

  /** The stored object a link's path (below the files route) names, or `undefined` when forged, altered or expired. */
  resolve(path: string): { key: string } | undefined {
    const link = verifyFileLinkPath(this.options.key, path, (this.options.now ?? Date.now)());
    return link && { key: fileLinkStoreKey(link) };
  }
}

/** A file name fit for a URL path: accents dropped, anything else that needs escaping made a dash. */
function safeName(filename: string): string {
  const cleaned = filename
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(-80);
  return cleaned.replace(/^[.-]+/, '') || 'file';
}
