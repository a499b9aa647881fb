import type { ColumnProfile, ColumnRole } from '../../core/dataset';
import type { DatasetEntry } from '../catalog/dataset-entry';
import { headerNotes } from '../ingest/header-note';
import { leftOutNotes } from '../ingest/left-out-facts';
import { GRAIN_ADJECTIVE } from '../plan/grain-words';
import { askActions } from './answer-replies';
import { datasetTitle, plural, timeSpan } from './dataset-words';
import type { DatasetListReply, HelpReply, ProfileColumn, ProfileNote, ProfileReply } from './reply';

const ROLE_LABELS: [ColumnRole, string][] = [
  ['time', 'Time'],
  ['measure', 'Measures'],
  ['dimension', 'Categories'],
  ['identifier', 'Identifiers'],
  ['text', 'Text'],
];

/** Notes past this many are counted, not listed: the reply is an overview, not a report. */
const LISTED_NOTES = 5;

export const NO_DATASET_TEXT =
  'No dataset in this channel yet — drop a CSV or Excel file here and I’ll read it, then ask me about it.';

function profileColumn(column: ColumnProfile): ProfileColumn {
  const details: string[] = [];
  if (column.unit) details.push(column.unit === 'percent' ? '%' : column.unit);
  if (column.role === 'time') {
    const span = timeSpan(column);
    if (column.grain) details.push(GRAIN_ADJECTIVE[column.grain].toLowerCase());
    if (span) details.push(span);
  }
  if (column.role === 'dimension' && column.distinct !== undefined) details.push(plural(column.distinct, 'value'));
  return { name: column.name, details };
}

function readingNotes(entry: DatasetEntry): ProfileNote[] {
  const notes: ProfileNote[] = [
    ...headerNotes(entry.source).map((text) => ({ text })),
    ...leftOutNotes(entry.source).map((text) => ({ text })),
    ...entry.columns.flatMap((c) => (c.notes ?? []).map((text) => ({ column: c.name, text }))),
  ];
  if (entry.unreadable.count > 0) {
    const verb = entry.unreadable.count === 1 ? 'is' : 'are';
    notes.push({ text: `${plural(entry.unreadable.count, 'row')} could not be read and ${verb} left out.` });
  }
  if (notes.length > LISTED_NOTES) {
    return [
      ...notes.slice(0, LISTED_NOTES - 1),
      { text: `…and ${plural(notes.length - LISTED_NOTES + 1, 'more note')}.` },
    ];
  }
  return notes;
}

/**
 * The reply to a shared file: its title, its columns by role, what is worth
 * knowing about how it was read, and questions to ask about it.
 */
export function profileReply(entry: DatasetEntry): ProfileReply {
  return {
    kind: 'profile',
    title: datasetTitle(entry),
    roles: ROLE_LABELS.flatMap(([role, label]) => {
      const columns = entry.columns.filter((c) => c.role === role).map(profileColumn);
      return columns.length ? [{ role, label, columns }] : [];
    }),
    notes: readingNotes(entry),
    actions: askActions(entry.id, entry.suggestions),
  };
}

/** `list`: the datasets newest first, as the catalog lists them. */
export function datasetListReply(
  entries: DatasetEntry[],
  { mentionUploaders }: { mentionUploaders: boolean },
): DatasetListReply {
  return {
    kind: 'dataset-list',
    datasets: entries.map((entry) => ({ title: datasetTitle(entry), addedAt: entry.addedAt, addedBy: entry.addedBy })),
    mentionUploaders,
  };
}

/** `help`, with questions that work on the newest dataset when it has some. */
export function helpReply(latest: DatasetEntry | undefined): HelpReply {
  if (!latest || latest.suggestions.length === 0) return { kind: 'help' };
  return {
    kind: 'help',
    examples: { title: datasetTitle(latest), actions: askActions(latest.id, latest.suggestions) },
  };
}
