/**
 * "sheet Q3", `sheet "Budget 2024"`, "from the sheet ‘FY 24’": a sheet named in
 * the text typed with a file. A quoted name may hold spaces; a bare one ends at
 * a space or punctuation Excel does not allow in sheet names.
 */
const SHEET_PHRASE =
  /(?:\b(from|on|in|use|using)\s+)?(?:the\s+)?\bsheet:?\s+(?:"([^"]+)"|“([^”]+)”|'([^']+)'|‘([^’]+)’|([^\s,;:?!*[\]\\/]+))/gi;

export interface SheetChoice {
  sheet?: string;
  /** The rest of the text, to ask once the sheet is read; absent when nothing is left. */
  question?: string;
}

/**
 * The ways to read the text typed with a workbook, to try in order until the
 * workbook has the sheet one names. A sheet named clearly, quoted (`sheet "Q3"`)
 * or after "from", "on", "in", "use" or "using" (`from the sheet Q3`), is the only
 * reading: a workbook without it is the person's to hear about. A bare name
 * anywhere else ("balance sheet by quarter") is a sheet only if the workbook has
 * one by that name, so the whole text as the question comes next. A bare
 * number ("on sheet 2") counts as such a guess too: it may be a position, not a name.
 *
 * @example
 * sheetChoices('from sheet Q3 total sales'); // [{ sheet: 'Q3', question: 'total sales' }]
 * sheetChoices('total sales, sheet Q3'); // [{ sheet: 'Q3', question: 'total sales' }, { question: 'total sales, sheet Q3' }]
 */
export function sheetChoices(text: string | undefined): SheetChoice[] {
  const trimmed = text?.trim();
  if (!trimmed) return [{}];
  const matches = [...trimmed.matchAll(SHEET_PHRASE)];
  const clear = matches.find(isClear);
  if (clear) return [split(trimmed, clear)];
  const bare = matches[0];
  return bare ? [split(trimmed, bare), { question: trimmed }] : [{ question: trimmed }];
}

function isClear(match: RegExpMatchArray): boolean {
  const quoted = match.slice(2, 6).some((name) => name !== undefined);
  return quoted || (match[1] !== undefined && /\p{L}/u.test(match[6] ?? ''));
}

function split(text: string, match: RegExpMatchArray): SheetChoice {
  const quoted = match.slice(2, 6).find((name) => name !== undefined);
  // A bare name at the end of a sentence ("… sheet Q3.") does not own the full stop.
  const sheet = quoted ?? match[6]?.replace(/\.+$/, '');
  const at = match.index ?? 0;
  const question = (text.slice(0, at) + ' ' + text.slice(at + match[0].length))
    .replace(/\s+/g, ' ')
    .replace(/\s+([?!.,;:])/g, '$1')
    .replace(/^[\s,;:.?!–—-]+|[\s,;:–—-]+$/g, '');
  return { ...(sheet ? { sheet } : {}), ...(question ? { question } : {}) };
}
