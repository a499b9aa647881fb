import type { SqlValue } from '../plan/sql-params';
import { plural } from '../conversation/dataset-words';
import type { CsvReadyReply, SqlReply } from '../conversation/reply';
import { preformatted, safe, section, type SlackContent } from './slack-content';

function literal(value: SqlValue): string {
  return typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
}

/**
 * "Show SQL": the statement exactly as it ran, and the values bound to its
 * placeholders (they are never spliced into the SQL text).
 */
export function sqlMessage(reply: SqlReply): SlackContent {
  const params = Object.entries(reply.params);
  const bound = params.length
    ? `\n\n-- bound parameters\n${params.map(([name, value]) => `-- $${name} = ${literal(value)}`).join('\n')}`
    : '';
  const intro = `The SQL behind “${reply.question}” on ${reply.dataset}:`;
  return {
    text: safe(intro),
    blocks: [section(safe(intro)), preformatted(`${reply.sql.trim()}${bound}`)],
  };
}

/** "Download CSV" done; the file is uploaded into the thread next to it. */
export function csvReadyMessage(reply: CsvReadyReply): SlackContent {
  const text = `The CSV of “${safe(reply.question)}”: ${plural(reply.rows, 'row')}, in this thread.`;
  return { text, blocks: [section(`:page_facing_up: ${text}`)] };
}
