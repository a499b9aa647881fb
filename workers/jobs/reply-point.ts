import type { SlackContent } from '../slack/slack-content';
import type { SlackReplies } from '../slack/slack-replies';
import { progressMessage } from '../slack/status-messages';
import { errorFields, type JobLogger } from './job-log';
import type { JobLedger } from './job-ledger';

export interface ReplyPointOptions {
  replies: SlackReplies;
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
   * Slack, where they would cover the message saying it took too long.
   */
  signal?: AbortSignal;
  /** A line shown under every progress update (see `lastTryCaveat`). */
  caveat?: string;
  log: JobLogger;
}

/** Slack's answers to editing a message that is gone or not the bot's. */
const GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

/**
 * The one message a job keeps editing: the edge's placeholder, or one the
 * worker posts when there is none (a thread reply, a file shared without one).
 * It shows progress, then the result or what went wrong, so nobody is left
 * looking at a spinner.
 */
export class ReplyPoint {
  private ts: string | undefined;

  constructor(private readonly options: ReplyPointOptions) {
    const posted = options.step ? options.ledger?.result(options.step) : undefined;
    this.ts = options.placeholder ?? (typeof posted === 'string' ? posted : undefined);
  }

  /** Where replies to this job go: its thread, or the thread its message starts. */
  get thread(): string | undefined {
    return this.options.thread ?? this.ts;
  }

  get hasMessage(): boolean {
    return this.ts !== undefined;
  }

  /** Shows the first progress line, posting the point's own message if there is none yet. */
  async start(doing: string): Promise<void> {
    this.refuseIfAbandoned();
    if (this.ts) return this.progress(doing);
    await this.post(progressMessage(doing, this.options.caveat));
  }

  /** Progress is a courtesy: a failed edit is logged and the work goes on. */
  async progress(doing: string): Promise<void> {
    this.refuseIfAbandoned();
    if (!this.ts) return;
    try {
      await this.options.replies.update(this.ts, progressMessage(doing, this.options.caveat));
    } catch (error) {
      this.options.log.warn('progress update failed', { error: errorFields(error) });
    }
  }

  /**
   * The result: edits the message into it, or posts it when there is no
   * message or it was deleted meanwhile. A mention notifies in a new message
   * but not in an edit, so `asNewMessage` is what to post instead, if it differs.
   */
  async finish(content: SlackContent, asNewMessage: SlackContent = content): Promise<void> {
    this.refuseIfAbandoned();
    if (!this.ts) return this.post(asNewMessage);
    try {
      await this.options.replies.update(this.ts, content);
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (!code || !GONE.has(code)) throw error;
      await this.options.replies.post(asNewMessage, this.thread);
    }
  }

  /**
   * Best effort, for failures: tells the person if the point has a message to
   * edit; never throws. `through` is the way to Slack when the time is short.
   */
  async tell(content: SlackContent, through: SlackReplies = this.options.replies): Promise<boolean> {
    if (!this.ts) return false;
    try {
      await through.update(this.ts, content);
      return true;
    } catch (error) {
      this.options.log.warn('could not tell the user', { error: errorFields(error) });
      return false;
    }
  }

  /** Stops the given-up work at its next reply, as the ledger stops its next step. */
  private refuseIfAbandoned(): void {
    this.options.signal?.throwIfAborted();
  }

  private async post(content: SlackContent): Promise<void> {
    const { ledger, step, replies } = this.options;
    const post = () => replies.post(content, this.options.thread);
    this.ts = ledger && step ? await ledger.once(step, post) : await post();
  }
}
