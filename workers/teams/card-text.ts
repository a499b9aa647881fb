/**
 * Plain text as a Teams TextBlock shows it literally: its markdown subset (`**`, `_`, links,
 * lists, headings) backslash-escaped, and `<` escaped too, so `<at>Name</at>` in a file name or a
 * question stays text and never turns into a mention.
 *
 * @example teamsText('**Q3** <at>All</at>'); // '\\*\\*Q3\\*\\* \\<at\\>All\\</at\\>'
 */
export function teamsText(text: string): string {
  return text
    .replace(/[\\`*_[\]()#~|<>!{}]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
}

/** A TextBlock that wraps (Teams cuts unwrapped text at the card's edge). */
export function textBlock(text: string, style: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

/** Small grey text under the content: footers, notes, references. */
export function subtle(text: string): Record<string, unknown> {
  return textBlock(text, { isSubtle: true, size: 'Small', spacing: 'Small' });
}

/** Preformatted text (a table, SQL) in a monospace block Teams keeps as it is. */
export function monospace(text: string): Record<string, unknown> {
  return textBlock(teamsText(text), { fontType: 'Monospace' });
}
