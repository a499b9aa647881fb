/**
 * The JSON value in a model's free-text reply, for servers that cannot
 * constrain the output: drops a reasoning block (`<think>…</think>`, which
 * Nemotron models may emit), prefers a fenced ```json block, else takes the
 * first balanced `{…}` object. Null when there is none that parses.
 *
 * @example
 * jsonInText('Sure! ```json\n{"kind":"decline","reason":"no data"}\n```') // { kind: 'decline', reason: 'no data' }
 */
export function jsonInText(text: string): unknown {
  const visible = text.replace(/<think>[\s\S]*?(<\/think>|$)/g, '');
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(visible)?.[1];
  for (const candidate of [fenced, visible.trim(), firstObject(visible)]) {
    if (candidate === undefined || candidate === null) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // Not this candidate; try the next reading of the reply.
    }
  }
  return null;
}

/** The first `{…}` whose braces balance, skipping braces inside strings. */
function firstObject(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}
