/**
 * "sheet Q3", `sheet "Budget 2024"`, "from the sheet ‘FY 24’": a sheet named in
 * the text typed with a file. A quoted name may hold spaces; a bare one ends at
 * a space or punctuation Excel does not allow in sheet names.
 */
const SHEET_PHRASE =
  /(?:\b(?:from|on|in|use|using)\s+)?(?:the\s+)?\bsheet:?\s+(?:"([^"]+)"|“([^”]+)”|'([^']+)'|‘([^’]+)’|([^\s,;:?!*[\]\\/]+))/i;

export interface SheetChoice {
  sheet?: string;
  /** The rest of the text, to ask once the sheet is read; absent when nothing is left. */
  question?: string;
}

/**
 * Splits the text typed with a workbook into the sheet it names and the question.
 *
 * @example
 * splitSheetChoice('total sales, sheet Q3'); // { sheet: 'Q3', question: 'total sales' }
 */
export function splitSheetChoice(text: string | undefined): SheetChoice {
  const trimmed = text?.trim();
  if (!trimmed) return {};
  const match = SHEET_PHRASE.exec(trimmed);
  if (!match) return { question: trimmed };
  const quoted = match.slice(1, 5).find((name) => name !== undefined);
  // A bare name at the end of a sentence ("… sheet Q3.") does not own the full stop.
  const sheet = quoted ?? match[5]?.replace(/\.+$/, '');
  const question = (trimmed.slice(0, match.index) + ' ' + trimmed.slice(match.index + match[0].length))
    .replace(/\s+/g, ' ')
    .replace(/\s+([?!.,;:])/g, '$1')
    .replace(/^[\s,;:.?!–—-]+|[\s,;:–—-]+$/g, '');
  return { ...(sheet ? { sheet } : {}), ...(question ? { question } : {}) };
}
