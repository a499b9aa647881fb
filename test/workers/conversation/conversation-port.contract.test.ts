import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { WebClient } from '@slack/web-api';
import type { ConversationError, DownloadError } from '../../../workers/conversation/conversation-errors';
import type { ConversationPort, FileMark, SharedFile } from '../../../workers/conversation/conversation-port';
import type { Reply } from '../../../workers/conversation/reply';
import { ChatRoom, DIRECT_CHANNEL, type RoomMessage } from '../../../workers/playground/chat-room';
import { playgroundConversations } from '../../../workers/playground/playground-conversation';
import { slackClientFactory } from '../../../workers/slack/slack-client';
import { slackConversations } from '../../../workers/slack/slack-conversation';
import { FakeSlack } from '../../fakes/slack-api';
import { CHANNEL as TEAMS_CHANNEL, TENANT, TeamsWorld, visibleText } from '../teams/teams-subject';
import { CapturedLogs, FAST_RETRIES, TOKEN } from '../../support/worker-harness';

/**
 * One platform behind its loopback fake, seen from both sides: the port the
 * worker talks to, and what people there would see. A Teams adapter (Bot
 * Connector fake) and the playground add a function returning one of these.
 */
interface Subject {
  /** The port on a conversation, in `thread` when given (a message id the subject made). */
  open(thread?: string): Promise<ConversationPort>;
  /** The same, with the platform's credentials missing. */
  openUnconfigured(): Promise<ConversationPort>;
  /** A person's message at the top of the conversation; its id, to use as a thread. */
  say(text: string): Promise<string>;
  /** The text people read in a message (as the platform renders it), or undefined when there is none. */
  textOf(message: string): Promise<string | undefined>;
  /** The texts of a thread's replies (the message that starts it left out), oldest first. */
  repliesIn(thread: string): Promise<string[]>;
  /** Files put into a thread, oldest first. */
  filesIn(thread: string): Promise<{ filename: string; bytes: Buffer }[]>;
  /** A file a person shares, with the message that shares it (marked as seen, as the edge does). */
  share(name: string, bytes: Buffer): Promise<{ file: SharedFile; message: string }>;
  /** A file whose link points away from the platform's own hosts. */
  foreignFile(): SharedFile;
  /** The marks a shared file's message shows now. */
  marksOn(message: string): Promise<FileMark[]>;
  /** Whether marks show at all: Teams bots have no reactions, so there a mark must change nothing people see. */
  showsMarks: boolean;
  /** Every message people can see in the conversation, threads included: what a mark must not add to. */
  messageCount(): Promise<number>;
  /** Deletes a message, as a person could. */
  remove(message: string): Promise<void>;
  /** A person the bot may message privately, and the texts they got that way. */
  person: string;
  privateTexts(person: string): Promise<string[]>;
  stop(): Promise<void>;
}

const CHANNEL = 'C0CONTRACT';

async function slackSubject(): Promise<Subject> {
  const slack = await new FakeSlack({ tokens: [TOKEN] }).start();
  const logs = new CapturedLogs();
  const client = slackClientFactory({ apiUrl: slack.apiUrl, retryConfig: FAST_RETRIES, logger: logs });
  const person = new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  const opener = (secrets: { get: (name: string) => Promise<string | undefined> }) =>
    slackConversations({ secrets, client });
  const conversation = (thread?: string) => ({
    platform: 'slack' as const,
    team: slack.team,
    channel: CHANNEL,
    ...(thread ? { thread } : {}),
  });
  const say = async (text: string) => (await person.chat.postMessage({ channel: CHANNEL, text })).ts as string;
  const MARKS: Record<string, FileMark> = { white_check_mark: 'read', warning: 'unreadable' };
  return {
    open: (thread) => opener({ get: async () => TOKEN })(conversation(thread)),
    openUnconfigured: () => opener({ get: async () => undefined })(conversation()),
    say,
    textOf: async (message) => slack.messages.find((m) => m.channel === CHANNEL && m.ts === message)?.text,
    repliesIn: async (thread) =>
      slack
        .thread(CHANNEL, thread)
        .filter((m) => m.ts !== thread)
        .map((m) => m.text ?? ''),
    filesIn: async (thread) =>
      slack.uploads
        .filter((u) => u.channel === CHANNEL && u.thread_ts === thread)
        .map(({ filename, bytes }) => ({ filename, bytes })),
    share: async (name, bytes) => {
      const message = await say('here is the file');
      const hosted = slack.hostFile({ name, bytes, channel: CHANNEL });
      await person.reactions.add({ channel: CHANNEL, timestamp: message, name: 'eyes' });
      return { file: { id: hosted.id, name, downloadUrl: hosted.url_private_download }, message };
    },
    foreignFile: () => ({ id: 'F0FOREIGN', name: 'x.csv', downloadUrl: 'https://example.com/x.csv' }),
    marksOn: async (message) =>
      slack.reactionsOn(CHANNEL, message).flatMap((name) => (MARKS[name] ? [MARKS[name]] : [])),
    showsMarks: true,
    messageCount: async () => slack.messages.length,
    remove: async (message) => slack.deleteMessage(CHANNEL, message),
    person: 'U0BOSS001',
    privateTexts: async (user) =>
      slack.messages.filter((m) => m.channel === slack.directChannelOf(user)).map((m) => m.text ?? ''),
    stop: () => slack.stop(),
  };
}

async function teamsSubject(): Promise<Subject> {
  const world = await new TeamsWorld().start();
  const { connector } = world;
  const channel = (thread?: string) => world.conversation('channel', thread);
  const say = async (text: string) => connector.personSays(TEAMS_CHANNEL, text);
  const byId = (id: string) => connector.activities.find((activity) => activity.id === id);
  return {
    open: (thread) => world.open(channel(thread)),
    openUnconfigured: () => world.open(channel(), false),
    say,
    textOf: async (message) => visibleText(byId(message)),
    repliesIn: async (thread) =>
      connector.in(`${TEAMS_CHANNEL};messageid=${thread}`).map((activity) => visibleText(activity) ?? ''),
    filesIn: async (thread) => {
      const files = await Promise.all(
        connector.in(`${TEAMS_CHANNEL};messageid=${thread}`).map((a) => world.bytesOf(a)),
      );
      return files.flatMap((file) => (file ? [file] : []));
    },
    share: async (name, bytes) => {
      // A personal chat file: the kind whose link the activity carries (channel files come through Graph).
      const message = connector.personSays('a:1personal-alice', 'here is the file');
      return { file: { id: 'file-1', name, downloadUrl: world.graph.personalFile(name, bytes) }, message };
    },
    foreignFile: () => ({ id: 'file-x', name: 'x.csv', downloadUrl: 'https://example.com/x.csv' }),
    marksOn: async () => [],
    showsMarks: false,
    messageCount: async () => connector.activities.length,
    remove: async (message) => connector.remove(message),
    person: '29:1boss',
    privateTexts: async (person) => {
      const chat = connector.chats.find((c) => c.person === person && c.tenantId === TENANT);
      return chat ? connector.in(chat.id).map((activity) => visibleText(activity) ?? '') : [];
    },
    stop: () => world.stop(),
  };
}

/** The playground's in-memory chat, read as the page shows it: markup gone, text as people see it. */
async function playgroundSubject(): Promise<Subject> {
  const room = new ChatRoom();
  const channel = room.channels[0]?.id ?? '';
  const you = { name: 'you', bot: false };
  const shown = (m: RoomMessage) =>
    (m.html ?? m.text ?? '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const inThread = (thread: string) => room.all().filter((m) => m.channel === channel && m.thread === thread);
  const conversation = (thread?: string) => ({
    platform: 'playground' as const,
    channel,
    ...(thread ? { thread } : {}),
  });
  const MARKS: Record<string, FileMark> = { '✅': 'read', '⚠️': 'unreadable' };
  return {
    open: (thread) => playgroundConversations(room)(conversation(thread)),
    openUnconfigured: () => playgroundConversations(undefined)(conversation()),
    say: async (text) => room.post({ channel, author: you, text }).id,
    textOf: async (message) => {
      const found = room.all().find((m) => m.id === message);
      return found && shown(found);
    },
    repliesIn: async (thread) => inThread(thread).map(shown),
    filesIn: async (thread) =>
      inThread(thread).flatMap((m) => {
        const id = /\/files\/([0-9a-f-]{36})/.exec(m.html ?? '')?.[1];
        const file = id ? room.file(id) : undefined;
        return file ? [{ filename: file.name, bytes: file.bytes }] : [];
      }),
    share: async (name, bytes) => {
      const message = room.post({ channel, author: you, file: { name, size: bytes.length } }).id;
      const id = room.keepFile({ channel, name, contentType: 'application/octet-stream', bytes });
      return { file: { id, name, downloadUrl: `http://127.0.0.1/files/${id}` }, message };
    },
    foreignFile: () => ({ id: 'elsewhere', name: 'x.csv', downloadUrl: 'https://example.com/x.csv' }),
    marksOn: async (message) => {
      const mark = room.message(channel, message).mark;
      return mark && MARKS[mark] ? [MARKS[mark]] : [];
    },
    showsMarks: true,
    messageCount: async () => room.all().length,
    remove: async (message) => room.remove(channel, message),
    person: 'you',
    privateTexts: async () =>
      room
        .all()
        .filter((m) => m.channel === DIRECT_CHANNEL)
        .map(shown),
    stop: async () => undefined,
  };
}

const progress = (doing: string): Reply => ({ kind: 'progress', doing });

// One contract for every conversation adapter: what the job layer relies on, checked through each platform's wire format.
describe.each([
  ['Slack, through its Web API', slackSubject],
  ['Teams, through the Bot Connector and Microsoft Graph', teamsSubject],
  ['the playground, in its chat room', playgroundSubject],
] as const)('ConversationPort: %s', (_name, make) => {
  let subject: Subject;
  let port: ConversationPort;
  beforeEach(async () => {
    subject = await make();
    port = await subject.open();
  });
  afterEach(() => subject.stop());

  it('posts a reply in a thread and returns the id to edit it by', async () => {
    const thread = await subject.say('revenue by region?');

    const message = await port.post(progress('Reading your question'), thread);

    expect(await subject.repliesIn(thread)).toEqual([expect.stringContaining('Reading your question')]);
    expect(await subject.textOf(message)).toContain('Reading your question');
  });

  it('starts a thread with a reply posted without one, and answers in it', async () => {
    const started = await port.post(progress('Working on it'));
    await port.post({ kind: 'problem', message: 'That file is too large' }, started);

    expect(await subject.repliesIn(started)).toEqual([expect.stringContaining('That file is too large')]);
  });

  it('knows the thread it was opened in, and none when it was opened at the top', async () => {
    const thread = await subject.say('a question');

    expect((await subject.open(thread)).thread).toBe(thread);
    expect(port.thread).toBeUndefined();
  });

  it('edits a message into another reply, in place', async () => {
    const thread = await subject.say('help');
    const message = await port.post(progress('Reading your question'), thread);

    await port.update(message, { kind: 'csv-ready', question: 'sales by region', rows: 4 });

    const replies = await subject.repliesIn(thread);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('sales by region');
    expect(replies[0]).toContain('4 rows');
  });

  it('fails an edit of a message that is gone with MESSAGE_GONE, so the job can post anew', async () => {
    const message = await port.post(progress('Working on it'));
    await subject.remove(message);

    await expect(port.update(message, progress('Still working'))).rejects.toMatchObject({
      name: 'ConversationError',
      code: 'MESSAGE_GONE',
    } satisfies Partial<ConversationError>);
  });

  it('edits within a time limit when one is given', async () => {
    const message = await port.post(progress('Working on it'));

    await port.update(
      message,
      { kind: 'failure', retrying: false, timedOut: true, reference: 'abc12345' },
      {
        timeoutMs: 2000,
      },
    );

    expect(await subject.textOf(message)).toContain('took longer');
  });

  it('puts a file into the thread, bytes and name intact', async () => {
    const thread = await subject.say('chart please');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

    const id = await port.attach(
      { bytes: png, filename: 'revenue.png', title: 'Revenue', mediaType: 'image/png' },
      thread,
    );

    expect(id).toEqual(expect.any(String));
    expect(await subject.filesIn(thread)).toEqual([{ filename: 'revenue.png', bytes: png }]);
  });

  it('marks a shared file as read, and a retried mark changes nothing', async () => {
    const { message } = await subject.share('sales.csv', Buffer.from('a,b\n1,2\n'));

    const before = await subject.messageCount();

    await port.mark(message, 'read');
    await port.mark(message, 'read');

    expect(await subject.marksOn(message)).toEqual(subject.showsMarks ? ['read'] : []);
    expect(await subject.messageCount()).toBe(before);
  });

  it('marks a file it could not read as such', async () => {
    const { message } = await subject.share('broken.xlsx', Buffer.from('not a workbook'));

    await port.mark(message, 'unreadable');

    expect(await subject.marksOn(message)).toEqual(subject.showsMarks ? ['unreadable'] : []);
  });

  it('streams a shared file’s bytes', async () => {
    const bytes = Buffer.from('Region,Sales\nWest,10\nEast,7\n');
    const { file } = await subject.share('sales.csv', bytes);

    const stream = await port.fetchFile(file, { maxBytes: 1024, timeoutMs: 5000 });

    expect(stream).toBeInstanceOf(Readable);
    expect(await buffer(stream)).toEqual(bytes);
  });

  it('refuses a shared file past the size limit with FILE_TOO_LARGE', async () => {
    const { file } = await subject.share('big.csv', Buffer.alloc(4096, 'a,b\n'));

    const reading = port.fetchFile(file, { maxBytes: 1024, timeoutMs: 5000 }).then((stream) => buffer(stream));

    await expect(reading).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('fetches nothing from a link off the platform’s hosts', async () => {
    await expect(port.fetchFile(subject.foreignFile(), { maxBytes: 1024, timeoutMs: 5000 })).rejects.toMatchObject({
      name: 'DownloadError',
      retriable: false,
    } satisfies Partial<DownloadError>);
  });

  it('tells one person privately, not the conversation', async () => {
    const thread = await subject.say('digest owner');

    await port.tellPrivately(subject.person, { kind: 'problem', message: 'Your digest could not run' });

    expect(await subject.privateTexts(subject.person)).toEqual([expect.stringContaining('Your digest could not run')]);
    expect(await subject.repliesIn(thread)).toEqual([]);
  });

  it('fails to open without the platform’s credentials with NOT_CONFIGURED', async () => {
    await expect(subject.openUnconfigured()).rejects.toMatchObject({
      name: 'ConversationError',
      code: 'NOT_CONFIGURED',
    } satisfies Partial<ConversationError>);
  });
});
