import { randomBytes } from 'node:crypto';
import { fileLinkKey, fileLinkStoreKey, signedFileLinkPath, verifyFileLinkPath } from '../../core/teams-file-links';

const KEY = fileLinkKey('app password');
const NOW = Date.parse('2026-12-02T00:00:00Z');
const LINK = { expires: NOW / 1000 + 3600, id: randomBytes(16).toString('base64url'), name: 'revenue.png' };

describe('signed Teams file links', () => {
  const path = signedFileLinkPath(KEY, LINK);

  it('resolve to the linked object, with or without a leading slash', () => {
    expect(verifyFileLinkPath(KEY, path, NOW)).toEqual(LINK);
    expect(verifyFileLinkPath(KEY, `/${path}`, NOW)).toEqual(LINK);
    expect(fileLinkStoreKey(LINK)).toBe(`teams-files/${LINK.id}/revenue.png`);
  });

  it('refuse an altered expiry, id or name', () => {
    const [expires, id, signature, name] = path.split('/') as [string, string, string, string];
    const flip = (text: string) => `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`;
    for (const altered of [
      [String(Number(expires) + 86400), id, signature, name],
      [expires, flip(id), signature, name],
      [expires, id, flip(signature), name],
      [expires, id, signature, 'salaries.csv'],
    ]) {
      expect(verifyFileLinkPath(KEY, altered.join('/'), NOW)).toBeUndefined();
    }
  });

  it('refuse a link signed with another key', () => {
    expect(verifyFileLinkPath(fileLinkKey('another password'), path, NOW)).toBeUndefined();
  });

  it('work until their expiry and not a second after', () => {
    expect(verifyFileLinkPath(KEY, path, LINK.expires * 1000)).toEqual(LINK);
    expect(verifyFileLinkPath(KEY, path, LINK.expires * 1000 + 1000)).toBeUndefined();
  });

  it('refuse paths that are not links: query strings, climbing segments, short signatures', () => {
    const [expires, id, signature] = path.split('/') as [string, string, string];
    for (const bad of [
      `${path}?download=1`,
      `${expires}/${id}/${signature}/../secret`,
      `${expires}/${id}/${signature.slice(1)}/revenue.png`,
      `${expires}/${id}/${signature}/revenue.png/more`,
      '',
    ]) {
      expect(verifyFileLinkPath(KEY, bad, NOW)).toBeUndefined();
    }
  });
});
