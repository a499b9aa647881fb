/** Markup built by `html`: the only kind of value that is placed into HTML unescaped. */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows it literally, in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

type Placed = SafeHtml | string | number | readonly Placed[] | undefined | null | false;

function place(value: Placed): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(place).join('');
  return escapeHtml(String(value));
}

/**
 * A template tag that escapes every value it places, unless the value is
 * itself `SafeHtml` from this tag: markup can only come from the template's
 * literal parts, so a cell holding `<script>` shows as text.
 *
 * @example html`<p class="headline">${reply.headline}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: Placed[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, literal, i) => out + literal + (i < values.length ? place(values[i]) : ''), ''),
  );
}
