import { Readable } from 'node:stream';
import type { PlaygroundConversation } from '../../core/job';
import type { ConversationOpener } from '../conversation/conversation-adapters';
import { ConversationError, DownloadError } from '../conversation/conversation-errors';
import type {
  Attachment,
  ConversationPort,
  FetchLimits,
  FileMark,
  SharedFile,
} from '../conversation/conversation-port';
import type { Reply } from '../conversation/reply';
import { WorkerError } from '../errors';
import { ChatRoom, DIRECT_CHANNEL, RoomError } from './chat-room';
import { attachmentHtml, replyHtml } from './reply-html';

const BOT = { name: 'analytics-bot', bot: true };
const MARKS: Record<FileMark, string> = { read: '✅', unreadable: '⚠️' };

/** Where the page fetches a file the room keeps. */
export function fileUrl(id: string): string {
  return `/files/${id}`;
}

/**
 * The conversation port on one channel of the playground: replies are
 * rendered to escaped HTML and land in the in-memory chat room, which the
 * page follows; shared files are the page's own uploads, kept in the room.
 */
export class PlaygroundConversationPort implements ConversationPort {
  constructor(
    private readonly room: ChatRoom,
    private readonly conversation: PlaygroundConversation,
  ) {}

  get thread(): string | undefined {
    return this.conversation.thread;
  }

  async post(reply: Reply, thread?: string): Promise<string> {
    return this.room.post({ channel: this.conversation.channel, thread, author: BOT, html: replyHtml(reply) }).id;
  }

  async update(message: string, reply: Reply): Promise<void> {
    try {
      this.room.edit(this.conversation.channel, message, replyHtml(reply));
    } catch (error) {
      if (error instanceof RoomError) throw new ConversationError('MESSAGE_GONE', error.message, { cause: error });
      throw error;
    }
  }

  async attach(file: Attachment, thread: string): Promise<string> {
    const { channel } = this.conversation;
    const id = this.room.keepFile({ channel, name: file.filename, contentType: file.mediaType, bytes: file.bytes });
    this.room.post({ channel, thread, author: BOT, html: attachmentHtml(file, fileUrl(id)) });
    return id;
  }

  async mark(message: string, mark: FileMark): Promise<void> {
    this.room.mark(this.conversation.channel, message, MARKS[mark]);
  }

  /** The page's upload, from the room; a file of another channel is as good as gone. */
  async fetchFile(file: SharedFile, limits: FetchLimits): Promise<Readable> {
    const kept = this.room.file(file.id);
    if (!kept || kept.channel !== this.conversation.channel) {
      throw new DownloadError('DOWNLOAD_GONE', `${file.name} is no longer in the playground; share it again.`, false);
    }
    if (kept.bytes.length > limits.maxBytes) {
      throw new WorkerError(
        'FILE_TOO_LARGE',
        `${file.name} is over the ${Math.round(limits.maxBytes / 2 ** 20)} MB limit.`,
      );
    }
    return Readable.from([kept.bytes]);
  }

  async tellPrivately(_person: string, reply: Reply): Promise<string> {
    return this.room.post({ channel: DIRECT_CHANNEL, author: BOT, html: replyHtml(reply) }).id;
  }
}

/**
 * Opens playground conversations on `room`. Without one (a worker with no
 * playground running, as in AWS) it fails with `NOT_CONFIGURED`.
 */
export function playgroundConversations(room: ChatRoom | undefined): ConversationOpener<'playground'> {
  return async (conversation) => {
    if (!room) throw new ConversationError('NOT_CONFIGURED', 'No playground is running in this process.');
    return new PlaygroundConversationPort(room, conversation);
  };
}
