import { open } from 'node:fs/promises';
import { DELIMITERS, type Delimiter } from './csv-dialect';

const LF = 0x0a;
const CHUNK = 1 << 20;

/**
 * The delimiter that splits the first line of `text` into the most fields, and how many, counted without
 * splitting; null when the line ends within `text` (the sniffer splits it as usual) or holds a quote (a
 * quoted cell may hold delimiters). A first line longer than the sniffed text is where splitting costs more
 * than the file is worth: a 12 MB line of commas took 29 s and 2.5 GB to split into six million fields
 * before it was refused for them.
 */
export function longFirstLine(text: string): { delimiter: Delimiter; fields: number } | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.includes('\n', start) || text.includes('"', start)) return null;
  let best = { delimiter: ',' as Delimiter, fields: 1 };
  for (const delimiter of DELIMITERS) {
    let fields = 1;
    for (let at = text.indexOf(delimiter, start); at !== -1; at = text.indexOf(delimiter, at + 1)) fields++;
    if (fields > best.fields) best = { delimiter, fields };
  }
  return best;
}

/** The fields of a UTF-8 file's first line, counted a megabyte at a time: the line may be longer than memory should hold. */
export async function fieldsInFirstLine(path: string, delimiter: Delimiter): Promise<number> {
  const separator = delimiter.charCodeAt(0);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    let fields = 1;
    for (let position = 0; ; position += CHUNK) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      const end = buffer.subarray(0, bytesRead).indexOf(LF);
      const stop = end === -1 ? bytesRead : end;
      for (let k = 0; k < stop; k++) if (buffer[k] === separator) fields++;
      if (end !== -1 || bytesRead < CHUNK) return fields;
    }
  } finally {
    await handle.close();
  }
}
