import { posix } from 'node:path';
import { WorkerError } from '../errors';
import type { GuardedZip } from './zip-guard';

/** The workbook index and its relationships are kilobytes; anything near this is not a real workbook. */
const MAX_INDEX_BYTES = 32 * 1024 * 1024;

/** A sheet as the workbook lists it. */
export interface SheetEntry {
  name: string;
  /** The zip entry holding the sheet's cells; null for chart sheets and parts that are missing. */
  part: string | null;
  hidden: boolean;
}

/** What the workbook's index says about it, read before any sheet is. */
export interface WorkbookLayout {
  /** In the order of the workbook's tabs. */
  sheets: SheetEntry[];
  /** Serial numbers count days from 1904-01-01 instead of 1900-01-00 (old Mac workbooks). */
  date1904: boolean;
  /** The zip entries of the shared string table and the styles, when the workbook has them. */
  sharedStrings: string | null;
  styles: string | null;
}

/** A rectangle of cells, 1-based and inclusive, as in `<mergeCell ref="B1:C2"/>`. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Reads the sheet list (names, order, visibility, where each sheet's XML lives),
 * the date system and where the shared strings and styles live, from
 * `xl/workbook.xml` and its relationships. Parts are resolved here because
 * exceljs's streaming reader only finds them at their usual names with relative
 * targets, which not every writer produces.
 */
export async function readWorkbookLayout(zip: GuardedZip): Promise<WorkbookLayout> {
  if (!zip.has('xl/workbook.xml')) {
    throw new WorkerError('XLSX_CORRUPT', 'This file is a ZIP archive but not an Excel workbook.');
  }
  const workbook = await zip.readText('xl/workbook.xml', MAX_INDEX_BYTES);
  const relsPart = 'xl/_rels/workbook.xml.rels';
  const relations = zip.has(relsPart) ? relationships(await zip.readText(relsPart, MAX_INDEX_BYTES)) : null;
  const existing = (part: string | null | undefined): string | null => (part && zip.has(part) ? part : null);
  const partOfType = (type: string, usual: string): string | null =>
    existing(relations ? [...relations.values()].find((relation) => relation.type === type)?.part : usual);

  const sheets = [...workbook.matchAll(tagPattern('sheet'))].map((match, index): SheetEntry => {
    const attributes = parseAttributes(match[1] ?? '');
    const relationId = [...attributes].find(([key]) => /^[\w-]+:id$/.test(key))?.[1];
    const relation = relations && relationId ? relations.get(relationId) : undefined;
    // Without relationships, fall back on the usual naming, as Excel itself writes it.
    const part = relations
      ? relation?.type === 'worksheet'
        ? relation.part
        : null
      : `xl/worksheets/sheet${index + 1}.xml`;
    return {
      name: attributes.get('name') ?? `Sheet${index + 1}`,
      part: existing(part),
      hidden: (attributes.get('state') ?? 'visible') !== 'visible',
    };
  });
  const properties = parseAttributes(tagPattern('workbookPr').exec(workbook)?.[1] ?? '');
  return {
    sheets,
    date1904: ['1', 'true'].includes(properties.get('date1904') ?? ''),
    sharedStrings: partOfType('sharedStrings', 'xl/sharedStrings.xml'),
    styles: partOfType('styles', 'xl/styles.xml'),
  };
}

/** The workbook's relationships by id: the kind of part (`worksheet`, `styles`…) and the zip entry it is. */
function relationships(xml: string): Map<string, { type: string; part: string }> {
  const relations = new Map<string, { type: string; part: string }>();
  for (const match of xml.matchAll(tagPattern('Relationship'))) {
    const attributes = parseAttributes(match[1] ?? '');
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (!id || !target || attributes.get('TargetMode') === 'External') continue;
    // Targets are relative to xl/ unless absolute within the package.
    const part = posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    relations.set(id, { type: (attributes.get('Type') ?? '').split('/').pop() ?? '', part });
  }
  return relations;
}

/** Start tags named `name`, with any namespace prefix; group 1 holds the attributes, which may contain `>`. */
function tagPattern(name: string): RegExp {
  return new RegExp(`<(?:[\\w-]+:)?${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1] as string, decodeXml(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

const MERGE_TAG = Buffer.from('mergeCell ', 'latin1');
/** Longer than any `<mergeCell ref="…"/>` element; bounds what is carried across chunks. */
const MAX_TAG_BYTES = 512;

/**
 * Collects a sheet's merged ranges from its XML as it streams past. exceljs's
 * streaming reader skips `<mergeCells>`, which Excel writes after every row, so
 * they are only complete once the sheet has been read to its end.
 */
export class MergedRangeScanner {
  readonly ranges: CellRange[] = [];
  private carry: Buffer = Buffer.alloc(0);

  /** Feed the sheet's XML, chunk by chunk, in order. */
  readonly push = (chunk: Buffer): void => {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let from = 0;
    let pending = -1;
    for (let hit = bytes.indexOf(MERGE_TAG, from); hit >= 0; hit = bytes.indexOf(MERGE_TAG, from)) {
      const end = bytes.indexOf(0x3e /* > */, hit);
      if (end < 0) {
        pending = hit;
        break;
      }
      this.add(bytes.toString('latin1', hit, end));
      from = end + 1;
    }
    // Keep what could be the start of a tag cut by the chunk boundary.
    const keepFrom = pending >= 0 ? pending : Math.max(from, bytes.length - MERGE_TAG.length);
    this.carry = bytes.length - keepFrom <= MAX_TAG_BYTES ? Buffer.from(bytes.subarray(keepFrom)) : Buffer.alloc(0);
  };

  private add(tag: string): void {
    const match = /\bref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?["']/.exec(tag);
    if (!match) return;
    const [, left, top, right, bottom] = match as unknown as [string, string, string, string?, string?];
    this.ranges.push({
      top: Number(top),
      left: columnNumber(left),
      bottom: Number(bottom ?? top),
      right: columnNumber(right ?? left),
    });
  }
}

function columnNumber(letters: string): number {
  let number = 0;
  for (let i = 0; i < letters.length; i++) number = number * 26 + letters.charCodeAt(i) - 64;
  return number;
}

/** A row of a sheet as text, with its 1-based row number. */
export interface SheetRow {
  number: number;
  cells: readonly (string | null)[];
  /** No cell holds a number, date or boolean: the row could be labels. */
  labelsOnly: boolean;
}

/** Header labels, one per column, and how many sheet rows they came from. */
export interface MergedHeader {
  labels: (string | null)[];
  /** The sheet row the header starts on. */
  firstRow: number;
  rows: 1 | 2;
  /** The row below the header was its second row, not data. */
  takesRowBelow: boolean;
}

/**
 * The labels of the header at `rows[index]`. A label merged across columns
 * labels each of them. A group row of labels merged across the columns they
 * head, with one label per column under it, makes a two-row header whose
 * labels are combined as "Group Sub" ("Q1 Sales"); a label merged down both rows
 * ("Region") stays as it is. The group row may be the row found as the header
 * (then the row below it is taken from the data) or the row just above it.
 */
export function mergedHeader(
  rows: readonly SheetRow[],
  index: number,
  columns: number,
  merges: readonly CellRange[],
): MergedHeader {
  const header = rows[index] as SheetRow;
  const byNumber = new Map(rows.map((row) => [row.number, row]));
  const labelsOf = (row: SheetRow): (string | null)[] => {
    const labels = Array.from({ length: columns }, (_, column) => row.cells[column] ?? null);
    for (const range of merges) {
      if (range.top > row.number || range.bottom < row.number) continue;
      const label = byNumber.get(range.top)?.cells[range.left - 1];
      if (!label) continue;
      for (let column = range.left; column <= Math.min(range.right, columns); column++) labels[column - 1] ??= label;
    }
    return labels;
  };
  // A label merged across every column is a title, not a group.
  const groupsOn = (row: SheetRow): CellRange[] =>
    merges.filter(
      (range) =>
        range.top === row.number &&
        range.bottom === row.number &&
        range.right > range.left &&
        range.right - range.left + 1 < columns,
    );
  const combine = (groups: (string | null)[], subs: (string | null)[]): (string | null)[] =>
    subs.map((sub, column) => {
      const group = groups[column] ?? null;
      return group && sub && group !== sub ? `${group} ${sub}` : (sub ?? group);
    });

  const above = byNumber.get(header.number - 1);
  if (above && filledCount(above) >= 2 && groupsOn(above).length > 0) {
    return {
      labels: combine(labelsOf(above), labelsOf(header)),
      firstRow: above.number,
      rows: 2,
      takesRowBelow: false,
    };
  }
  const below = rows[index + 1];
  if (below && below.number === header.number + 1 && isSubHeader(header, below, groupsOn(header))) {
    return {
      labels: combine(labelsOf(header), labelsOf(below)),
      firstRow: header.number,
      rows: 2,
      takesRowBelow: true,
    };
  }
  return { labels: labelsOf(header), firstRow: header.number, rows: 1, takesRowBelow: false };
}

/**
 * Whether `below` holds the sub-labels of `header`'s groups: labels under every
 * group, and nothing under the header's other labels (those span both rows).
 */
function isSubHeader(header: SheetRow, below: SheetRow, groups: readonly CellRange[]): boolean {
  if (groups.length === 0 || !below.labelsOnly) return false;
  const grouped = (column: number): boolean => groups.some((range) => range.left <= column && column <= range.right);
  const labelsUnderGroups = groups.every((range) =>
    below.cells.slice(range.left - 1, range.right).some((cell) => cell !== null),
  );
  const emptyUnderOthers = header.cells.every(
    (cell, i) => cell === null || grouped(i + 1) || (below.cells[i] ?? null) === null,
  );
  return labelsUnderGroups && emptyUnderOthers;
}

function filledCount(row: SheetRow): number {
  return row.cells.filter((cell) => cell !== null).length;
}
