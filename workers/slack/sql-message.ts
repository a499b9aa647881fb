import type { SqlValue } from '../plan/sql-params';
import { preformatted, safe, section, type SlackContent } from './slack-content';

export interface SqlView {
  question: string;
  dataset: string;
  sql: string;
  params: Record<string, SqlValue>;
}

function literal(value: SqlValue): string {
  return typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
}

/**
 * "Show SQL": the statement exactly as it ran, and the values bound to its
 * placeholders (they are never spliced into the SQL text).
 */
export function sqlMessage(view: SqlView): SlackContent {
  const params = Object.entries(view.params);
  const bound = params.length
    ? `\n\n-- bound parameters\n${params.map(([name, value]) => `-- $${name} = ${literal(value)}`).join('\n')}`
    : '';
  const intro = `The SQL behind “${view.question}” on ${view.dataset}:`;
  return {
    text: safe(intro),
    blocks: [section(safe(intro)), preformatted(`${view.sql.trim()}${bound}`)],
  };
}
