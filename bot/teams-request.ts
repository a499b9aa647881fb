import type { Activity } from '@microsoft/agents-activity';
import { parseAnalyzeText, type AnalyzeRequest } from './analyze-command';

/**
 * Whether the activity @mentions the bot (Teams puts an `<at>` tag in the text and a `mention`
 * entity naming the recipient).
 */
export function mentionsBot(activity: Activity): boolean {
  const bot = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (entity) => entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === bot,
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * What the person typed, without the bot's mention (the Agents SDK's `removeRecipientMention`), other
 * tags and HTML entities: Teams sends `<at>Analytics</at> revenue &amp; margin`.
 */
export function typedText(activity: Activity): string {
  const text = mentionsBot(activity) ? activity.removeRecipientMention() : (activity.text ?? '');
  return text
    .replace(/<\/?at>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The manifest's commands: `analyze <question>`, `list`, `help`; any other text is a question, as a
 * mention is in Slack. `analyze` alone explains.
 *
 * @example teamsRequest('analyze revenue by region') // { kind: 'question', text: 'revenue by region' }
 */
export function teamsRequest(text: string): AnalyzeRequest {
  return parseAnalyzeText(text.replace(/^analy[sz]e\b:?/i, ''));
}
