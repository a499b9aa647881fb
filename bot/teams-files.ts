import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { fileLinkStoreKey, verifyFileLinkPath } from '../core/teams-file-links';

/** A Lambda proxy response holds at most 6 MB, and the body goes base64 (4/3 larger). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** What the bot publishes by link; anything else stored under the prefix is served as bytes. */
const SERVED_TYPES = new Set(['image/png', 'text/csv']);
/** Shared caches never keep a file whose link is its only credential; a browser may for a day. */
const MAX_AGE_SECONDS = 24 * 60 * 60;

export interface TeamsFilesDeps {
  /** The link key (`fileLinkKey` of the Teams app password); read once and kept. */
  key: () => Promise<Buffer>;
  s3: S3Client;
  bucket: string;
  now?: () => number;
}

export interface FileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * `GET /teams/files/{expires}/{id}/{signature}/{name}`: the chart or CSV a signed link names, for
 * Teams' image proxy and people who click a link, neither of which sends credentials. A link that is
 * malformed, altered, signed with another key or expired gets 403 before S3 is asked; a link whose
 * object is gone gets 404. Only keys under `teams-files/` can ever be read.
 *
 * @example
 * const serve = createTeamsFiles({ key, s3, bucket });
 * await serve('1733900000/<id>/<sig>/revenue.png'); // { status: 200, headers: { 'content-type': 'image/png', … }, body }
 */
export function createTeamsFiles(deps: TeamsFilesDeps): (path: string) => Promise<FileResponse> {
  return async (path) => {
    const now = (deps.now ?? Date.now)();
    const link = verifyFileLinkPath(await deps.key(), path, now);
    if (!link) return text(403, 'This link is not valid or has expired; ask the bot again in Teams.');
    let object;
    try {
      object = await deps.s3.send(new GetObjectCommand({ Bucket: deps.bucket, Key: fileLinkStoreKey(link) }));
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return text(404, 'This file is no longer kept.');
      throw error;
    }
    if ((object.ContentLength ?? 0) > MAX_FILE_BYTES) {
      object.Body?.transformToWebStream()
        .cancel()
        .catch(() => undefined);
      return text(413, 'This file is too large to serve by link.');
    }
    const body = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
    const type = SERVED_TYPES.has(object.ContentType ?? '')
      ? (object.ContentType as string)
      : 'application/octet-stream';
    const maxAge = Math.max(0, Math.min(MAX_AGE_SECONDS, link.expires - Math.floor(now / 1000)));
    return {
      status: 200,
      headers: {
        'content-type': type,
        'content-length': String(body.length),
        'content-disposition': `${type === 'image/png' ? 'inline' : 'attachment'}; filename="${link.name}"`,
        'cache-control': `private, max-age=${maxAge}, immutable`,
        'x-content-type-options': 'nosniff',
      },
      body,
    };
  };
}

function text(status: number, message: string): FileResponse {
  return {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: Buffer.from(message),
  };
}
