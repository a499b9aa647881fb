import type { WebClient } from '@slack/web-api';
import { NO_UNFURLS } from '../../core/slack-text';
import type { SlackContent } from './slack-content';

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
  title: string;
}

/**
 * The worker's writes to one Slack channel. Every message goes out without
 * link unfurls; files go through the external upload flow (`filesUploadV2`),
 * never the retired `files.upload`.
 */
export class SlackReplies {
  constructor(
    private readonly client: WebClient,
    readonly channel: string,
  ) {}

  /** Posts a message (in `thread` when given) and returns its ts. */
  async post(content: SlackContent, thread?: string): Promise<string> {
    const posted = await this.client.chat.postMessage({
      channel: this.channel,
      ...(thread ? { thread_ts: thread } : {}),
      text: content.text,
      blocks: content.blocks,
      ...NO_UNFURLS,
    });
    if (!posted.ts) throw new Error('Slack accepted a message without returning its ts.');
    return posted.ts;
  }

  async update(ts: string, content: SlackContent): Promise<void> {
    await this.client.chat.update({
      channel: this.channel,
      ts,
      text: content.text,
      blocks: content.blocks,
      ...NO_UNFURLS,
    });
  }

  /** Adds an emoji reaction (`white_check_mark`, no colons) to a message. */
  async react(ts: string, name: string): Promise<void> {
    await this.client.reactions.add({ channel: this.channel, timestamp: ts, name });
  }

  async unreact(ts: string, name: string): Promise<void> {
    await this.client.reactions.remove({ channel: this.channel, timestamp: ts, name });
  }

  /** Uploads a file into a thread and returns its Slack file id. */
  async upload(file: UploadedFile, thread: string): Promise<string> {
    const uploaded = await this.client.filesUploadV2({
      channel_id: this.channel,
      thread_ts: thread,
      file: file.bytes,
      filename: file.filename,
      title: file.title,
    });
    const id = uploaded.files[0]?.files?.[0]?.id;
    if (!id) throw new Error('Slack accepted an upload without returning its file id.');
    return id;
  }
}
