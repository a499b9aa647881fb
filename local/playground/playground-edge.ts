import { z } from 'zod';
import { DigestId, jobIdFor, type DigestCommand, type Job, type PlaygroundConversation } from '../../core/job';
import type { JobQueue } from '../../core/job-queue';
import type { ChatRoom } from '../../workers/playground/chat-room';
import { replyHtml } from '../../workers/playground/reply-html';
import { PlaygroundInputError, type PlaygroundEdge } from './playground-server';

type JobBase = Pick<Job, 'version' | 'id' | 'conversation' | 'requestedBy' | 'placeholder' | 'receivedAt'>;

/** The playground has one person: whoever has the page open on this machine. */
const YOU = { id: 'you', name: 'you' };
const AUTHOR = { name: 'you', bot: false };

/** What a button in a reply carries back (see `ReplyAction`); anything else is refused. */
const Action = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ask'), dataset: z.string().min(1).max(128), question: z.string().min(1).max(500) }),
  z.object({ kind: z.literal('show-sql'), answer: z.string().regex(/^j[0-9a-f]{24}$/) }),
  z.object({ kind: z.literal('download-csv'), answer: z.string().regex(/^j[0-9a-f]{24}$/) }),
  z.object({ kind: z.literal('subscribe'), answer: z.string().regex(/^j[0-9a-f]{24}$/) }),
  z.object({ kind: z.literal('digest'), digest: DigestId, do: z.enum(['pause', 'resume', 'send-now', 'delete']) }),
]);

/** The page runs on this machine, so its person's time zone is the machine's. */
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `digests`, or `digest <cadence> <question>`; `undefined` for anything else. */
function digestCommandOf(text: string): DigestCommand | undefined {
  if (/^\s*digests\s*$/i.test(text)) return { do: 'list' };
  const subscription = /^\s*digest\s+(.+)$/is.exec(text)?.[1]?.trim();
  return subscription ? { do: 'subscribe', text: subscription, timeZone: LOCAL_ZONE } : undefined;
}

export interface PlaygroundEdgeOptions {
  room: ChatRoom;
  queue: JobQueue;
  clock?: () => Date;
}

/**
 * The playground's edge, as `bot/` is Slack's: each thing a person does on the
 * page becomes their message in the room, a placeholder reply in its thread,
 * and one job on the queue.
 */
export function playgroundEdge({ room, queue, clock = () => new Date() }: PlaygroundEdgeOptions): PlaygroundEdge {
  /** Posts "working on it" in the thread and queues the job the rest of it makes. */
  async function start(
    conversation: PlaygroundConversation,
    eventKey: string,
    doing: string,
    job: (base: JobBase) => Job,
  ): Promise<void> {
    const thread = conversation.thread;
    const placeholder = room.post({
      channel: conversation.channel,
      thread,
      author: { name: 'analytics-bot', bot: true },
      html: replyHtml({ kind: 'progress', doing }),
    });
    await queue.enqueue(
      job({
        version: 1,
        id: jobIdFor('playground', eventKey),
        conversation,
        requestedBy: YOU,
        placeholder: { channel: conversation.channel, ts: placeholder.id },
        receivedAt: clock().toISOString(),
      }),
    );
  }

  return {
    async shareFile({ channel, thread, name, bytes }) {
      if (bytes.length === 0) throw new PlaygroundInputError(`${name} is empty.`);
      const shared = room.post({ channel, thread, author: AUTHOR, file: { name, size: bytes.length } });
      const file = room.keepFile({ channel, name, contentType: 'application/octet-stream', bytes, transient: true });
      const conversation: PlaygroundConversation = { platform: 'playground', channel, thread: thread ?? shared.id };
      await start(conversation, shared.id, `Reading ${name}…`, (base) => ({
        ...base,
        kind: 'ingest',
        file: { id: file, name, size: bytes.length, downloadUrl: `http://127.0.0.1/files/${file}` },
        message: shared.id,
      }));
    },

    async say({ channel, thread, text: typed }) {
      const said = room.post({ channel, thread, author: AUTHOR, text: typed });
      // The README and help give Slack's form (`/analyze digests`); here it means the same.
      const text = typed.replace(/^\s*\/analyze\b\s*/i, '') || 'help';
      const conversation: PlaygroundConversation = { platform: 'playground', channel, thread: thread ?? said.id };
      const command = /^\s*(help|list)\s*$/i.exec(text)?.[1]?.toLowerCase() as 'help' | 'list' | undefined;
      if (command) {
        return start(conversation, said.id, 'Looking…', (base) => ({ ...base, kind: 'command', command }));
      }
      const digest = digestCommandOf(text);
      if (digest) {
        return start(conversation, said.id, 'Working on it…', (base) => ({
          ...base,
          kind: 'digest-command',
          command: digest,
        }));
      }
      await start(conversation, said.id, 'Working on it…', (base) => ({
        ...base,
        kind: 'question',
        text: text.trim(),
        via: thread ? 'thread' : 'mention',
      }));
    },

    async remove({ channel, message }) {
      room.remove(channel, message);
    },

    async act({ channel, thread, message, action }) {
      room.message(channel, message);
      let parsed: z.infer<typeof Action>;
      try {
        parsed = Action.parse(JSON.parse(action));
      } catch {
        throw new PlaygroundInputError('That button is out of date; ask again.');
      }
      const conversation: PlaygroundConversation = { platform: 'playground', channel, thread };
      const click = `${message}:${action}:${clock().getTime()}`;
      if (parsed.kind === 'ask') {
        const { question, dataset } = parsed;
        room.post({ channel, thread, author: AUTHOR, text: question });
        return start(conversation, click, 'Working on it…', (base) => ({
          ...base,
          kind: 'question',
          text: question,
          via: 'button',
          dataset,
        }));
      }
      if (parsed.kind === 'subscribe' || parsed.kind === 'digest') {
        const command: DigestCommand =
          parsed.kind === 'subscribe'
            ? { do: 'subscribe', text: 'weekly', answer: parsed.answer, timeZone: LOCAL_ZONE }
            : { do: parsed.do, digest: parsed.digest };
        return start(conversation, click, 'Working on it…', (base) => ({ ...base, kind: 'digest-command', command }));
      }
      const format = parsed.kind === 'show-sql' ? 'sql' : 'csv';
      await start(conversation, click, format === 'sql' ? 'Fetching the SQL…' : 'Writing the CSV…', (base) => ({
        ...base,
        kind: 'export',
        format,
        answer: parsed.answer,
      }));
    },
  };
}
