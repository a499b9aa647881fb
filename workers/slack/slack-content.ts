import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../../core/slack-text';

/**
 * A message as the worker posts it: Block Kit for people, `text` for
 * notifications and screen readers. Both are mrkdwn, so both hold only escaped text.
 */
export interface SlackContent {
  text: string;
  blocks: KnownBlock[];
}

/** Slack refuses section text past 3,000 characters; longer text is cut with an ellipsis. */
const SECTION_LIMIT = 3000;
/** Slack refuses a button's label past 75 characters. */
const BUTTON_LABEL_LIMIT = 75;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A section of mrkdwn the caller has already escaped. */
export function section(mrkdwn: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(mrkdwn, SECTION_LIMIT) } };
}

/** Small grey lines under a message: sources, references, notes. */
export function context(...mrkdwn: string[]): KnownBlock {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, 10).map((text) => ({ type: 'mrkdwn' as const, text: clip(text, SECTION_LIMIT) })),
  };
}

/**
 * Preformatted text shown exactly as given (SQL, a result table): a rich-text
 * block is never parsed as mrkdwn, so nothing in it can ping, link or break out.
 */
export function preformatted(text: string): KnownBlock {
  return {
    type: 'rich_text',
    elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: clip(text, SECTION_LIMIT) }] }],
  };
}

export interface Button {
  actionId: string;
  label: string;
  value: string;
}

export function actions(buttons: Button[]): KnownBlock {
  return {
    type: 'actions',
    elements: buttons.map((button) => ({
      type: 'button' as const,
      action_id: button.actionId,
      // Plain text is shown as typed, so labels need no escaping; only their length is limited.
      text: { type: 'plain_text' as const, text: clip(button.label, BUTTON_LABEL_LIMIT), emoji: false },
      value: button.value,
    })),
  };
}

/** Text from a file or a person, safe inside mrkdwn. */
export const safe = escapeMrkdwn;
