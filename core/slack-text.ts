import { printable } from './printable-text';
/**
 * Text from people and files goes into Slack messages through here, so a
 * question or a column name can never ping a channel, link somewhere or
 * break the message's markup.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes `&`, `<` and `>` as Slack's mrkdwn asks, which also turns
 * `<!channel>`, `<!here>`, `<@U…>` and `<http://…|…>` into plain text. A bare
 * `@channel` only pings when a message is sent with `link_names` or
 * `parse: 'full'`; a zero-width space after the `@` keeps it inert even then.
 *
 * @example escapeMrkdwn('<!here> P&L > 5') // '&lt;!here&gt; P&amp;L &gt; 5'
 */
export function escapeMrkdwn(text: string): string {
  return printable(text)
    .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
    .replace(/@(channel|here|everyone)\b/gi, '@\u200B$1');
}

/**
 * What a person typed, from the way Slack delivers it: links, channels and
 * user groups as their labels (`<https://…|report>` → `report`,
 * `<#C123|sales>` → `#sales`), other people's mentions and `<!here>` dropped,
 * and the three entities Slack always encodes (`&amp;`, `&lt;`, `&gt;`)
 * decoded, so "profit > 0 & sales" reaches the planner as typed.
 */
export function plainText(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('@') || target.startsWith('!')) return label && !target.startsWith('!here') ? label : '';
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Spread into every `chat.postMessage`/`chat.update`: a question holding a URL must not unfurl a preview. */
export const NO_UNFURLS = { unfurl_links: false, unfurl_media: false } as const;
