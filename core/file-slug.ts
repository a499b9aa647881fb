/**
 * A title as the words of a file name: lower case, accents dropped, anything else a dash, at most 60
 * characters; "chart" when nothing is left. NFKD splits "ü" into "u" and a combining mark, and the
 * mark goes, or "Ümsatz" would read "u-msatz".
 *
 * @example fileSlug('Ümsatz / Monat') // 'umsatz-monat'
 */
export function fileSlug(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return slug || 'chart';
}
