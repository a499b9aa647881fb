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
];

/**
 * The playground's chat: channels and their messages, in memory, with
 * listeners (the page's event streams) told of every new or edited message.
 */
export class ChatRoom {
  private readonly messages = new Map<string, RoomMessage>();
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
    const edited = { ...this.message(channel, id), html };
    this.messages.set(id, edited);
    this.emit(edited);
    return edited;
  }

  listen(listener: RoomListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(message: RoomMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}
