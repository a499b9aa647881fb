import type { KnownBlock } from '@slack/types';
import type { ColumnProfile, ColumnRole } from '../../core/dataset';
import type { DatasetEntry } from '../catalog/dataset-entry';
import { GRAIN_ADJECTIVE } from '../plan/grain-words';
import { askButtons } from './ask-buttons';
import { datasetTitle, datasetTitleMrkdwn, timeSpan } from './dataset-words';
import { context, plural, safe, section, type SlackContent } from './slack-content';

const ROLE_LABELS: [ColumnRole, string][] = [
  ['time', 'Time'],
  ['measure', 'Measures'],
  ['dimension', 'Categories'],
  ['identifier', 'Identifiers'],
  ['text', 'Text'],
];

/** Notes past this many are counted, not listed: the message is an overview, not a report. */
const LISTED_NOTES = 5;

function columnLabel(column: ColumnProfile): string {
  const details: string[] = [];
  if (column.unit) details.push(column.unit === 'percent' ? '%' : column.unit);
  if (column.role === 'time') {
    const span = timeSpan(column);
    if (column.grain) details.push(GRAIN_ADJECTIVE[column.grain].toLowerCase());
    if (span) details.push(span);
  }
  if (column.role === 'dimension' && column.distinct !== undefined) details.push(plural(column.distinct, 'value'));
  return details.length ? `${safe(column.name)} (${safe(details.join(', '))})` : safe(column.name);
}

/** The columns grouped by what they are for, one line per role. */
function columnsByRole(columns: ColumnProfile[]): string {
  return ROLE_LABELS.flatMap(([role, label]) => {
    const members = columns.filter((c) => c.role === role);
    return members.length ? [`*${label}:* ${members.map(columnLabel).join(', ')}`] : [];
  }).join('\n');
}

function readingNotes(entry: DatasetEntry): string[] {
  const notes = entry.columns.flatMap((c) => (c.notes ?? []).map((note) => `*${safe(c.name)}*: ${safe(note)}`));
  if (entry.unreadable.count > 0) {
    notes.push(
      `${plural(entry.unreadable.count, 'row')} could not be read and ${entry.unreadable.count === 1 ? 'is' : 'are'} left out.`,
    );
  }
  if (notes.length > LISTED_NOTES) {
    return [...notes.slice(0, LISTED_NOTES - 1), `…and ${plural(notes.length - LISTED_NOTES + 1, 'more note')}.`];
  }
  return notes;
}

/**
 * The reply to a shared file: its one-line title, its columns by role, what
 * is worth knowing about how it was read, and three questions to ask as buttons.
 * The overview chart is uploaded into the thread next to it.
 */
export function profileMessage(entry: DatasetEntry): SlackContent {
  const blocks: KnownBlock[] = [section(datasetTitleMrkdwn(entry)), section(columnsByRole(entry.columns))];
  const notes = readingNotes(entry);
  if (notes.length) blocks.push(context(...notes.map((note) => `:warning: ${note}`)));
  if (entry.suggestions.length) {
    blocks.push(section('Try one of these, or reply in this thread with your own question:'));
    blocks.push(askButtons(entry.id, entry.suggestions));
  } else {
    blocks.push(section('Reply in this thread with a question about it.'));
  }
  return { text: safe(datasetTitle(entry)), blocks };
}
