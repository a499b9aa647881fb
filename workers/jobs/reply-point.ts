import { ConversationError } from '../conversation/conversation-errors';
import type { ConversationPort, SendOptions } from '../conversation/conversation-port';
import type { Reply } from '../conversation/reply';
import { errorFields, type JobLogger } from './job-log';
import type { JobLedger } from './job-ledger';

export interface ReplyPointOptions {
  port: ConversationPort;
  /** The thread to answer in; without one, the point's own message starts it. */
  thread?: string;
  /** The edge's placeholder, edited into progress and the result. */
  placeholder?: string;
  /** Remembers a message the worker posts itself, so a retried job edits it instead of posting again. */
  ledger?: JobLedger;
  /** The ledger step of that message. */
  step?: string;
  /**
   * Aborted when the job was given up at its time limit (see `JobDeadline`):
   * the work may still be running, but its progress and result no longer reach
   * the conversation, where they would cover the message saying it took too long.
   */
  signal?: AbortSignal;
  /** A line shown under every progress update (see `lastTryCaveat`). */
  caveat?: string;
  log: JobLogger;
}

/**
 * The one message a job keeps editing: the edge's placeholder, or one the
 * worker posts when there is none (a thread reply, a file shared without one).
 * It shows progress, then the result or what went wrong, so nobody is left
 * looking at a spinner.
 */
export class ReplyPoint {
  private message: string | undefined;

  constructor(private readonly options: ReplyPointOptions) {
    const posted = options.step ? options.ledger?.result(options.step) : undefined;
    this.message = options.placeholder ?? (typeof posted === 'string' ? posted : undefined);
  }

  /** Where replies to this job go: its thread, or the thread its message starts. */
  get thread(): string | undefined {
    return this.options.thread ?? this.message;
  }

  get hasMessage(): boolean {
    return this.message !== undefined;
  }

  /** Shows the first progress line, posting the point's own message if there is none yet. */
  async start(doing: string): Promise<void> {
    this.refuseIfAbandoned();
    if (this.message) return this.progress(doing);
    await this.post(this.progressReply(doing));
  }

  /** Progress is a courtesy: a failed edit is logged and the work goes on. */
  async progress(doing: string): Promise<void> {
    this.refuseIfAbandoned();
    if (!this.message) return;
    try {
      await this.options.port.update(this.message, this.progressReply(doing));
    } catch (error) {
      this.options.log.warn('progress update failed', { error: errorFields(error) });
    }
  }

  /**
   * The result: edits the message into it, or posts it when there is no
   * message or it is gone meanwhile (deleted, or no longer editable). A mention
   * notifies in a new message but not in an edit, so `asNewMessage` is what to
   * post instead, if it differs.
   */
  async finish(reply: Reply, asNewMessage: Reply = reply): Promise<void> {
    this.refuseIfAbandoned();
    if (!this.message) return this.post(asNewMessage);
    try {
      await this.options.port.update(this.message, reply);
    } catch (error) {
      if (!(error instanceof ConversationError && error.code === 'MESSAGE_GONE')) throw error;
      await this.options.port.post(asNewMessage, this.thread);
    }
  }

  /**
   * Best effort, for failures: tells the person if the point has a message to
   * edit; never throws. `options` bound the call when the time is short.
   */
  async tell(reply: Reply, options?: SendOptions): Promise<boolean> {
    if (!this.message) return false;
    try {
      await this.options.port.update(this.message, reply, options);
      return true;
    } catch (error) {
      this.options.log.warn('could not tell the user', { error: errorFields(error) });
      return false;
    }
  }

  private progressReply(doing: string): Reply {
    return { kind: 'progress', doing, ...(this.options.caveat ? { caveat: this.options.caveat } : {}) };
  }

  /** Stops the given-up work at its next reply, as the ledger stops its next step. */
  private refuseIfAbandoned(): void {
    this.options.signal?.throwIfAborted();
  }

  private async post(reply: Reply): Promise<void> {
    const { ledger, step, port } = this.options;
    const post = () => port.post(reply, this.options.thread);
    this.message = ledger && step ? await ledger.once(step, post) : await post();
  }
}
