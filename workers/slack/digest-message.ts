import type { KnownBlock } from '@slack/types';
import type { DigestListReply, DigestReply, DigestSetUpReply } from '../conversation/reply';
import { digestActionId, DigestButtonValue, encodeButtonValue } from '../../core/slack-actions';
import { actions, context, safe, section, type SlackContent } from './slack-content';

const DIGEST_LABELS = { pause: 'Pause', resume: 'Resume', 'send-now': 'Send now', delete: 'Delete' } as const;

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
  blocks.push(context(`:page_facing_up: ${safe(reply.source)}${reply.unread ? ` · ${safe(reply.unread)}` : ''}`));
  if (reply.tone === 'news') blocks.push(context('Reply in this thread to ask more about it.'));
  return { text: safe(`${reply.question}: ${reply.headline}`), blocks };
}

/**
 * The channel's digests, one section each: what, when, whose, how the last run went, and its
 * buttons (pause or resume, send now, delete), which the worker lets only its creator use.
 */
export function digestListMessage(reply: DigestListReply): SlackContent {
  if (reply.digests.length === 0) {
    const text = `${reply.notice ? `${safe(reply.notice)} ` : ''}No digest in this channel yet. Set one up with \`/analyze digest weekly sales by region on Monday 9:00\`.`;
    return { text, blocks: [section(text)] };
  }
  const heading = `${reply.digests.length} digest${reply.digests.length === 1 ? '' : 's'} in this channel`;
  const blocks: KnownBlock[] = [section(`*${heading}*`)];
  if (reply.notice) blocks.unshift(section(safe(reply.notice)));
  for (const digest of reply.digests) {
    const state = digest.paused ? ' · paused' : '';
    blocks.push(section(`*${safe(digest.question)}* ${safe(digest.schedule)}${state}`));
    const by = digest.owner.name ? safe(digest.owner.name) : `<@${safe(digest.owner.id)}>`;
    const next = digest.nextRun ? ` · ${safe(digest.nextRun)}` : '';
    const last = digest.lastRun ? ` · ${safe(digest.lastRun)}` : '';
    blocks.push(context(`${safe(capitalised(digest.source))}${next} · set up by ${by}${last}`));
    blocks.push(
      actions(
        digest.actions.map((action) => ({
          actionId: digestActionId(action.do, action.digest),
          label: DIGEST_LABELS[action.do],
          value: encodeButtonValue(DigestButtonValue, { digest: action.digest, do: action.do }),
        })),
      ),
    );
  }
  return { text: heading, blocks };
}

/** A digest set up: the confirmation, line by line. */
export function digestSetUpMessage(reply: DigestSetUpReply): SlackContent {
  const [first = '', ...rest] = reply.lines.map(safe);
  const blocks: KnownBlock[] = [section(`:calendar: ${first}`)];
  if (rest.length) blocks.push(context(rest.join('\n')));
  return { text: `:calendar: ${first}`, blocks };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
