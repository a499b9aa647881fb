import { buffer } from 'node:stream/consumers';
import { renderChart } from '../../../charts';
import type { ChartSpec } from '../../../charts/chart-spec';
import type { DownloadError } from '../../../workers/conversation/conversation-errors';
import type { ConversationPort } from '../../../workers/conversation/conversation-port';
import { FileLinks } from '../../../workers/teams/file-links';
import { shareId } from '../../../workers/teams/teams-files';
import { INLINE_LIMIT } from '../../../workers/teams/teams-conversation';
import { CHANNEL, TEAM_GROUP, TeamsWorld, visibleText } from './teams-subject';

const MONTHS = Array.from(
  { length: 36 },
  (_, i) => `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
);
const usd = { kind: 'currency', code: 'USD' } as const;

/** Charts as answers draw them: a few bars, a three-year trend of three series, a dense scatter. */
const CHARTS: Record<string, ChartSpec> = {
  'four bars': {
    kind: 'bar',
    title: 'Sales by region',
    x: { title: 'Region', scale: 'category' },
    y: { title: 'Sales', unit: usd },
    labels: ['West', 'East', 'Central', 'South'],
    series: [{ name: 'Sales', values: [725458, 678781, 501239, 391721] }],
  },
  'monthly trend, three series': {
    kind: 'line',
    title: 'Monthly sales by segment',
    x: { title: 'Month', scale: 'time', grain: 'month' },
    y: { title: 'Sales', unit: usd },
    labels: MONTHS,
    series: ['Consumer', 'Corporate', 'Home Office'].map((name, s) => ({
      name,
      values: MONTHS.map((_, i) => Math.round(20000 + 8000 * Math.sin(i / 2 + s) + 400 * i * (s + 1))),
    })),
  },
  'scatter of 2,000 points': {
    kind: 'scatter',
    title: 'Profit against discount',
    x: { title: 'Sales', unit: usd },
    y: { title: 'Profit', unit: usd },
    points: Array.from({ length: 2000 }, (_, i) => ({ x: (i * 7919) % 5000, y: ((i * 104729) % 3000) - 1500 })),
  },
};

describe('the Teams conversation port', () => {
  let world: TeamsWorld;
  let port: ConversationPort;
  beforeEach(async () => {
    world = await new TeamsWorld().start();
    port = await world.open(world.conversation('channel'));
  });
  afterEach(() => world.stop());

  it('sends every reply as one card and no text, in the channel thread it answers', async () => {
    const root = world.connector.personSays(CHANNEL, 'revenue by region?');

    const id = await port.post({ kind: 'progress', doing: 'Reading your question' }, root);
    await port.update(id, { kind: 'problem', message: 'No dataset yet' });

    const [activity] = world.connector.in(`${CHANNEL};messageid=${root}`);
    expect(activity?.text).toBeUndefined();
    expect(activity?.attachments).toEqual([
      expect.objectContaining({ contentType: 'application/vnd.microsoft.card.adaptive' }),
    ]);
    expect(visibleText(activity)).toContain('No dataset yet');
    expect(world.connector.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `POST /amer/v3/conversations/${CHANNEL};messageid=${root}/activities`,
      `PUT /amer/v3/conversations/${CHANNEL};messageid=${root}/activities/${id}`,
    ]);
  });

  it('waits out a 429 with Retry-After and then posts once', async () => {
    world.connector.faults.push({ status: 429, retryAfter: '0' });

    await port.post({ kind: 'progress', doing: 'Working on it' });

    expect(world.connector.calls.map((call) => call.method)).toEqual(['POST', 'POST']);
    expect(world.connector.activities).toHaveLength(1);
  });

  it.each(Object.entries(CHARTS))(
    'shows a chart (%s) in a card Teams can load anonymously, within its message size limit',
    async (_name, spec) => {
      const root = world.connector.personSays(CHANNEL, 'chart please');
      const png = await renderChart(spec);

      await port.attach({ bytes: png, filename: 'chart.png', title: spec.title, mediaType: 'image/png' }, root);

      const [activity] = world.connector.in(`${CHANNEL};messageid=${root}`);
      const image = (
        activity?.attachments?.[0] as { content: { body: { type: string; url?: string }[] } }
      ).content.body.find((element) => element.type === 'Image');
      const size = JSON.stringify(activity?.body).length;
      if (image?.url?.startsWith('data:')) {
        expect(size).toBeLessThanOrEqual(INLINE_LIMIT);
      } else {
        // Too big to inline: a path link without a query string, which Teams fetches as it is.
        expect(png.length * (4 / 3)).toBeGreaterThan(INLINE_LIMIT - 2000);
        expect(image?.url).toMatch(
          /^https:\/\/bot\.example\/prod\/teams\/files\/\d{10}\/[\w-]{22}\/[\w-]{43}\/chart\.png$/,
        );
      }
      expect((await world.bytesOf(activity!))?.bytes).toEqual(png);
    },
  );

  it('offers a CSV as a download on a signed link that cannot be altered or outlive its time', async () => {
    const root = world.connector.personSays(CHANNEL, 'csv please');
    const csv = Buffer.from('Region,Sales\nWest,10\n');

    await port.attach(
      { bytes: csv, filename: 'sales-by-region.csv', title: 'Sales by region', mediaType: 'text/csv' },
      root,
    );

    const [activity] = world.connector.in(`${CHANNEL};messageid=${root}`);
    expect(await world.bytesOf(activity!)).toEqual({ filename: 'sales-by-region.csv', bytes: csv });
    const url = new URL(JSON.stringify(activity?.body).match(/https:\/\/bot\.example[^"]+/)?.[0] ?? '');
    expect(url.search).toBe('');
    const path = url.pathname.replace(/^\/prod\/teams\/files/, '');
    expect(world.links.resolve(path.replace(/\d{10}/, '9999999999'))).toBeUndefined();
    const later = new FileLinks({
      store: world.store,
      baseUrl: 'https://bot.example/prod/teams/files',
      key: Buffer.alloc(32, 7),
      now: () => Date.now() + 8 * 24 * 3600 * 1000,
    });
    expect(later.resolve(path)).toBeUndefined();
    const otherKey = new FileLinks({
      store: world.store,
      baseUrl: 'https://bot.example/prod/teams/files',
      key: Buffer.alloc(32, 8),
    });
    expect(otherKey.resolve(path)).toBeUndefined();
  });

  it('reads a channel message’s file through Graph and downloads it by its share id', async () => {
    const bytes = Buffer.from('Region,Sales\nWest,10\n');
    world.graph.channelMessage({ group: TEAM_GROUP, channel: CHANNEL, root: '1700', id: '1701' }, [
      { name: 'sales.csv', bytes },
    ]);

    const [file] = await port.sharedFiles!({ id: '1701', root: '1700' });
    const stream = await port.fetchFile(file!, { maxBytes: 1024, timeoutMs: 5000 });

    expect(await buffer(stream)).toEqual(bytes);
    expect(world.graph.calls.map((call) => call.path)).toEqual([
      `/v1.0/teams/${TEAM_GROUP}/channels/${encodeURIComponent(CHANNEL)}/messages/1700/replies/1701`,
      `/v1.0/shares/${shareId(file!.downloadUrl)}/driveItem/content`,
    ]);
  });

  it('names the permission an admin must grant when the tenant has not granted reading channel messages', async () => {
    world.graph.channelMessage({ group: TEAM_GROUP, channel: CHANNEL, id: '1800' }, [
      { name: 'a.csv', bytes: Buffer.from('a\n1\n') },
    ]);
    world.graph.denied = { messages: true };

    await expect(port.sharedFiles!({ id: '1800' })).rejects.toMatchObject({
      name: 'DownloadError',
      retriable: false,
      message: expect.stringMatching(
        /admin must grant this app the resource-specific permission ChannelMessage\.Read\.Group.*personal chat/,
      ),
    } satisfies Partial<DownloadError>);
  });

  it('names Files.Read.All when Graph lists the file but will not hand it over', async () => {
    world.graph.channelMessage({ group: TEAM_GROUP, channel: CHANNEL, id: '1900' }, [
      { name: 'a.csv', bytes: Buffer.from('a\n1\n') },
    ]);
    world.graph.denied = { shares: true };
    const [file] = await port.sharedFiles!({ id: '1900' });

    await expect(port.fetchFile(file!, { maxBytes: 1024, timeoutMs: 5000 })).rejects.toMatchObject({
      name: 'DownloadError',
      message: expect.stringMatching(/Files\.Read\.All.*personal chat/),
    });
  });

  it('tells the person to send a personal chat file again once its short-lived link no longer works', async () => {
    const personal = await world.open(world.conversation('personal'));
    const gone = {
      id: 'f1',
      name: 'sales.csv',
      downloadUrl: `${world.graph.fileHostUrl}/personal/x/download.aspx/0000/tempauth-old`,
    };

    await expect(personal.fetchFile(gone, { maxBytes: 1024, timeoutMs: 5000 })).rejects.toMatchObject({
      code: 'DOWNLOAD_GONE',
      message: expect.stringContaining('Send it to me again'),
    });
  });

  it('names ChatMessage.Read.Chat for a group chat whose messages Graph will not show', async () => {
    world.graph.denied = { messages: true };
    const group = await world.open(world.conversation('groupChat'));

    await expect(group.sharedFiles!({ id: '2000' })).rejects.toMatchObject({
      message: expect.stringContaining('ChatMessage.Read.Chat'),
    });
  });
});
