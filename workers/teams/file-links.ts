import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BlobStore } from '../../core/blob-store';

/** How long a link works: long enough to open a chart or a CSV from the thread the same week. */
const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const LINK_PATH = /^\/files\/(\d{10})\/([A-Za-z0-9_-]{22})\/([A-Za-z0-9_-]{43})\/([A-Za-z0-9._-]{1,80})$/;

export interface FileLinksOptions {
  store: BlobStore;
  /** The bot API's public base (`https://abc.execute-api…/prod`), which serves `GET /files/…` from the store. */
  baseUrl: string;
  /** Signs the links; derive it from a secret, never send it anywhere. */
  key: Buffer;
  ttlMs?: number;
  now?: () => number;
}

/**
 * Files Teams or a person fetches without credentials (a chart too big to inline, a CSV export):
 * kept in the bot's store under a random id, and linked by an unguessable, expiring path signed
 * with HMAC-SHA256. The path has no query string, since Teams mangles `&` in card image URLs.
 *
 * @example
 * const url = await links.publish(png, 'revenue.png'); // https://…/files/1733900000/<id>/<sig>/revenue.png
 * links.resolve(new URL(url).pathname.replace(/^\/prod/, '')); // { key: 'teams-files/<id>/revenue.png' }
 */
export class FileLinks {
  constructor(private readonly options: FileLinksOptions) {}

  async publish(bytes: Buffer, filename: string, contentType: string): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    const expires = Math.floor((now + (this.options.ttlMs ?? DEFAULT_TTL_MS)) / 1000);
    const id = randomBytes(16).toString('base64url');
    const name = safeName(filename);
    await this.options.store.put(storeKey(id, name), bytes, contentType);
    return `${this.options.baseUrl.replace(/\/+$/, '')}/files/${expires}/${id}/${this.sign(expires, id, name)}/${name}`;
  }

  /** The stored object a link's path names, or `undefined` when the path is forged, altered or expired. */
  resolve(path: string): { key: string } | undefined {
    const match = LINK_PATH.exec(path);
    if (!match) return undefined;
    const [, expires, id, signature, name] = match as unknown as [string, string, string, string, string];
    const expected = Buffer.from(this.sign(Number(expires), id, name));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (Number(expires) * 1000 < (this.options.now ?? Date.now)()) return undefined;
    return { key: storeKey(id, name) };
  }

  private sign(expires: number, id: string, name: string): string {
    return createHmac('sha256', this.options.key).update(`${expires}/${id}/${name}`).digest('base64url');
  }
}

function storeKey(id: string, name: string): string {
  return `teams-files/${id}/${name}`;
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

/** The link key for a deployment, derived from the bot's app password so no extra secret is needed. */
export function linkKey(appPassword: string): Buffer {
  return createHmac('sha256', appPassword).update('analytics-bot teams file links v1').digest();
}
