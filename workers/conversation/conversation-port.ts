import type { Readable } from 'node:stream';
import type { Reply } from './reply';

/**
 * Where a job talks to people: one conversation (a Slack channel, a Teams
 * chat or channel, a browser playground) as the job layer sees it. Message,
 * thread and person ids are the platform's own and opaque here; the job only
 * hands back what the port or the job gave it. Each adapter (`workers/slack`,
 * `workers/teams`, the playground) passes `test/workers/conversation/conversation-port.contract.test.ts`.
 *
 * @example
 * const id = await port.post({ kind: 'progress', doing: 'Reading sales.csv…' }, thread);
 * await port.update(id, answerReply);
 */
export interface ConversationPort {
  /** The thread the job was asked in (a Slack thread ts, a Teams root message id); absent when it starts one. */
  readonly thread: string | undefined;
  /** Posts a reply, in `thread` when given, and returns the new message's id. */
  post(reply: Reply, thread?: string, options?: SendOptions): Promise<string>;
  /**
   * Replaces a message's content with `reply`. A message that is gone or may no
   * longer be edited fails with `ConversationError` code `MESSAGE_GONE`.
   */
  update(message: string, reply: Reply, options?: SendOptions): Promise<void>;
  /** Puts a file (a chart, a CSV export) into `thread` and returns the platform's id for it. */
  attach(file: Attachment, thread: string): Promise<string>;
  /** Shows on the message that shared a file how reading it ended (Slack swaps its :eyes: reaction). */
  mark(message: string, mark: FileMark): Promise<void>;
  /**
   * Opens a shared file for reading. The stream fails with `WorkerError`
   * `FILE_TOO_LARGE` once it passes `limits.maxBytes` (whatever size was
   * announced), and with `DownloadError` when the platform will not hand it over.
   */
  fetchFile(file: SharedFile, limits: FetchLimits): Promise<Readable>;
  /**
   * The files a message shares, for platforms whose events do not carry them (a Teams channel or
   * group chat message, read through Microsoft Graph); fails with `DownloadError` when the
   * platform will not show them. Adapters whose events carry the files leave it out.
   */
  sharedFiles?(message: { id: string; root?: string }): Promise<SharedFile[]>;
  /** Tells one person privately (a DM), e.g. a digest's owner; returns the message id. */
  tellPrivately(person: string, reply: Reply): Promise<string>;
  /**
   * Whether a person administers the workspace (a Slack admin or owner), who may change anyone's
   * digest. Adapters whose platform says nothing of the kind leave it out: only creators may.
   */
  isWorkspaceAdmin?(person: string): Promise<boolean>;
}

/** A call that must end within `timeoutMs`: one try, no waiting out a rate limit (telling someone a job ran out of time). */
export interface SendOptions {
  timeoutMs?: number;
}

export interface Attachment {
  bytes: Buffer;
  filename: string;
  /** Shown with the file. */
  title: string;
  mediaType: 'image/png' | 'text/csv';
}

/** How reading a shared file ended. */
export type FileMark = 'read' | 'unreadable';

/** A file as the edge put it in an `IngestJob`. */
export interface SharedFile {
  id: string;
  name: string;
  /** Where the platform serves it; an adapter fetches only from its own platform's hosts. */
  downloadUrl: string;
}

export interface FetchLimits {
  maxBytes: number;
  /** For the whole download, including reading the stream. */
  timeoutMs: number;
  /** Stops the download early, e.g. when the job's time is up. */
  signal?: AbortSignal;
}
