import { randomUUID } from 'node:crypto';

/** A channel of the playground: its datasets are its own, as a Slack channel's are. */
export interface RoomChannel {
  id: string;
  name: string;
  topic: string;
}

/** A message as the page shows it; `html` is a bot reply rendered with every value escaped. */
export interface RoomMessage {
  id: string;
  channel: string;
  /** The thread's root message, for a reply. */
  thread?: string;
  author: { name: string; bot: boolean };
  at: string;
  text?: string;
  file?: { name: string; size: number };
  html?: string;
  /** How reading a shared file ended, shown on its message as a reaction would be. */
  mark?: string;
  /** Set on the event that tells the page a message was deleted. */
  removed?: true;
}

/** A file the room serves to the page: a shared upload, a chart, an export. */
export interface RoomFile {
  channel: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

export type RoomListener = (message: RoomMessage) => void;

/** Thrown for a channel or message the room does not have; the page shows the message. */
export class RoomError extends Error {
  readonly code = 'PLAYGROUND_NOT_FOUND';
}

export const DEFAULT_CHANNELS: readonly RoomChannel[] = [
  { id: 'sales', name: 'sales', topic: 'Orders, revenue and margins' },
  { id: 'operations', name: 'operations', topic: 'Incidents, weather and the warehouse' },
  { id: 'leadership', name: 'leadership', topic: 'Weekly digests land here' },
  { id: 'direct', name: 'analytics-bot (direct)', topic: 'What the bot tells you privately' },
];

/** Where `tellPrivately` lands: the playground has one person, and this is their direct conversation with the bot. */
export const DIRECT_CHANNEL = 'direct';

/** Files kept for the page; the oldest go first past this many (a local session, not an archive). */
const KEPT_FILES = 500;

/**
 * The playground's chat: channels and their messages, in memory, with
 * listeners (the page's event streams) told of every new or edited message.
 */
export class ChatRoom {
  private readonly messages = new Map<string, RoomMessage>();
  private readonly files = new Map<string, RoomFile>();
  private readonly listeners = new Set<RoomListener>();

  constructor(
    readonly channels: readonly RoomChannel[] = DEFAULT_CHANNELS,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  channel(id: string): RoomChannel {
    const found = this.channels.find((c) => c.id === id);
    if (!found) throw new RoomError(`There is no channel "${id}" in the playground.`);
    return found;
  }

  message(channel: string, id: string): RoomMessage {
    const found = this.messages.get(id);
    if (!found || found.channel !== channel) throw new RoomError(`There is no message ${id} in #${channel}.`);
    return found;
  }

  all(): RoomMessage[] {
    return [...this.messages.values()];
  }

  /** Adds a message (a reply when `thread` is given) and returns it with its id. */
  post(message: Omit<RoomMessage, 'id' | 'at'>): RoomMessage {
    this.channel(message.channel);
    if (message.thread) this.message(message.channel, message.thread);
    const posted: RoomMessage = { ...message, id: randomUUID(), at: this.clock().toISOString() };
    this.messages.set(posted.id, posted);
    this.emit(posted);
    return posted;
  }

  /** Replaces a bot message's content, as a chat edit does. */
  edit(channel: string, id: string, html: string): RoomMessage {
    return this.change(channel, id, { html });
  }

  /** Marks a message as a reaction would (✅ on a file that was read). */
  mark(channel: string, id: string, mark: string): RoomMessage {
    return this.change(channel, id, { mark });
  }

  /** Deletes a message, as a person can; the page shows it gone. */
  remove(channel: string, id: string): void {
    const removed = this.message(channel, id);
    this.messages.delete(id);
    this.emit({ ...removed, removed: true });
  }

  /** Keeps a file for the page and returns its id; `/files/{id}` serves it. */
  keepFile(file: RoomFile): string {
    const id = randomUUID();
    this.files.set(id, file);
    const oldest = this.files.keys().next().value;
    if (this.files.size > KEPT_FILES && oldest) this.files.delete(oldest);
    return id;
  }

  file(id: string): RoomFile | undefined {
    return this.files.get(id);
  }

  listen(listener: RoomListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private change(channel: string, id: string, change: Partial<RoomMessage>): RoomMessage {
    const changed = { ...this.message(channel, id), ...change };
    this.messages.set(id, changed);
    this.emit(changed);
    return changed;
  }

  private emit(message: RoomMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}
