import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { packageTeamsApp } from '../../local/teams-package';

const APP_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

describe('npm run teams:package', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(tmpdir(), 'teams-package-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes a zip Teams accepts: the manifest with the bot id everywhere it is needed, and both icons at their sizes', async () => {
    const out = await packageTeamsApp({
      appId: APP_ID.toUpperCase(),
      domains: ['abc123.devtunnels.ms'],
      out: path.join(dir, 'app.zip'),
    });

    const zip = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('{{');
    const manifest = JSON.parse(text) as {
      manifestVersion: string;
      id: string;
      bots: { botId: string; supportsFiles: boolean }[];
      validDomains: string[];
      webApplicationInfo: { id: string; resource: string };
      icons: { color: string; outline: string };
    };
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, supportsFiles: true });
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://botid-${APP_ID}` });
    expect(manifest.validDomains).toEqual(['abc123.devtunnels.ms']);
    for (const [name, size] of [
      [manifest.icons.color, 192],
      [manifest.icons.outline, 32],
    ] as const) {
      const png = await zip.file(name)!.async('nodebuffer');
      // The PNG header's IHDR chunk: width and height as big-endian 32-bit integers.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('refuses an app id or domain Teams would reject, naming it, and writes nothing', async () => {
    const out = path.join(dir, 'bad.zip');
    await expect(packageTeamsApp({ appId: 'my-bot', out })).rejects.toThrow(/app id "my-bot" must be .*GUID/);
    await expect(packageTeamsApp({ appId: APP_ID, domains: ['https://abc.devtunnels.ms/api'], out })).rejects.toThrow(
      /domain "https:\/\/abc.devtunnels.ms\/api" must be a host name/,
    );
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
