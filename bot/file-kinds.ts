/** The fields of a Slack file object the edge reads. */
export interface SharedFile {
  id: string;
  name?: string;
  size?: number;
  mimetype?: string;
  url_private_download?: string;
}

/**
 * Names and types that may hold a table. Plain text and legacy `.xls` are let
 * through: the worker sniffs the bytes and explains what it cannot read
 * (an old `.xls` gets "save it as .xlsx"), which the edge cannot do from a name.
 */
const TABLE_EXTENSIONS = new Set(['csv', 'tsv', 'tab', 'txt', 'xlsx', 'xlsm', 'xls']);
const TABLE_MIMETYPES = new Set([
  'text/csv',
  'application/csv',
  'text/tab-separated-values',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-excel',
]);

export type FileVerdict = 'read' | 'not-a-table' | 'too-large';

/** Whether a shared file is worth a job: only clearly non-tabular files and oversized ones are turned away here. */
export function triageFile(file: SharedFile, maxUploadBytes: number): FileVerdict {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name ?? '')?.[1]?.toLowerCase();
  const mimetype = file.mimetype?.split(';')[0]?.trim().toLowerCase();
  const tabular =
    (extension !== undefined && TABLE_EXTENSIONS.has(extension)) ||
    (mimetype !== undefined && TABLE_MIMETYPES.has(mimetype));
  if (!tabular) return 'not-a-table';
  if ((file.size ?? 0) > maxUploadBytes) return 'too-large';
  return 'read';
}
