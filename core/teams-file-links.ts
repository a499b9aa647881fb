import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed links Teams fetches files by (charts too big to inline, CSV exports). The worker signs
 * them and the bot's API checks them, so both sides share this module. A link's path is
 * `{expires}/{id}/{signature}/{name}` under the files route, with no query string, since Teams
 * mangles `&` in card image URLs.
 */
const LINK_PATH = /^(\d{10})\/([A-Za-z0-9_-]{22})\/([A-Za-z0-9_-]{43})\/([A-Za-z0-9._-]{1,80})$/;

export interface FileLink {
  /** Seconds since the epoch after which the link no longer works. */
  expires: number;
  /** 16 random bytes, base64url: what makes the link unguessable. */
  id: string;
  name: string;
}

/** The S3 key of a linked file; the files route may read nothing outside `teams-files/`. */
export const TEAMS_FILES_PREFIX = 'teams-files/';

export function fileLinkStoreKey(link: Pick<FileLink, 'id' | 'name'>): string {
  return `${TEAMS_FILES_PREFIX}${link.id}/${link.name}`;
}

/** The path of a link below the files route, signed with `key`. */
export function signedFileLinkPath(key: Buffer, link: FileLink): string {
  return `${link.expires}/${link.id}/${signature(key, link)}/${link.name}`;
}

/**
 * The link a path below the files route names, or `undefined` when it is malformed, altered, signed
 * with another key or expired. The signature is compared in constant time.
 */
export function verifyFileLinkPath(key: Buffer, path: string, now: number): FileLink | undefined {
  const match = LINK_PATH.exec(path.replace(/^\/+/, ''));
  if (!match) return undefined;
  const [, expires, id, given, name] = match as unknown as [string, string, string, string, string];
  const link = { expires: Number(expires), id, name };
  const expected = Buffer.from(signature(key, link));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  if (link.expires * 1000 < now) return undefined;
  return link;
}

/** The link key for a deployment, derived from the bot's app password so no extra secret is needed. */
export function fileLinkKey(appPassword: string): Buffer {
  return createHmac('sha256', appPassword).update('analytics-bot teams file links v1').digest();
}

function signature(key: Buffer, link: FileLink): string {
  return createHmac('sha256', key).update(`${link.expires}/${link.id}/${link.name}`).digest('base64url');
}
