import type { KnownBlock } from '@slack/types';
import type { DigestReply } from '../conversation/reply';
import { context, safe, section, type SlackContent } from './slack-content';

/**
 * A digest post: what it follows, the headline in bold and the findings as bullets, then the
 * file it read. The charts are uploaded into the post's thread, where replies are follow-ups.
 * A quiet run is the headline line alone.
 */
export function digestMessage(reply: DigestReply): SlackContent {
  const blocks: KnownBlock[] = [
    context(`:calendar: Digest: ${safe(reply.question)}`),
    section(reply.tone === 'news' ? `*${safe(reply.headline)}*` : safe(reply.headline)),
  ];
  if (reply.insights.length) blocks.push(section(reply.insights.map((insight) => `• ${safe(insight)}`).join('\n')));
  blocks.push(context(`:page_facing_up: ${safe(reply.source)}`));
  if (reply.tone === 'news') blocks.push(context('Reply in this thread to ask more about it.'));
  return { text: safe(`${reply.question}: ${reply.headline}`), blocks };
}
