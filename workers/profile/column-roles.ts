import type { ColumnRole, ColumnType } from '../../core/dataset';
import { isIdentifierName } from '../types/column-decision';
import type { TypedColumn } from '../types/typed-table';

/** Whole-column counts of a text column, with the shape of its values from the sample. */
export interface TextStats {
  present: number;
  distinct: number;
  averageLength: number;
  /** Share of values with a space in them. */
  spaceShare: number;
}

/** The longest average length of a column of names rather than notes: "Bosnia and Herzegovina" is 22. */
const NAME_LENGTH = 25;

const YEAR_NAME = /^(year|yr|fiscal year|fy|jahr|année|año|anno)$/i;

/**
 * Decides how a column is used. Numbers are measures unless named like a year;
 * text is a dimension (a category) while it has few enough distinct values to
 * group by, an identifier when nearly every value is a unique code or a short
 * name, and free text otherwise.
 */
export function roleFor(
  column: TypedColumn,
  text: TextStats | null,
  numberRange: { min: number; max: number } | null,
  numberCounts?: { present: number; distinct?: number },
): { role: ColumnRole; type: ColumnType } {
  switch (column.type) {
    case 'date':
    case 'datetime':
      return { role: 'time', type: column.type };
    case 'integer':
      if (YEAR_NAME.test(column.name.trim()) && numberRange && numberRange.min >= 1800 && numberRange.max <= 2200) {
        return { role: 'time', type: 'integer' };
      }
      if (ENTITY_NAME.test(column.name.trim())) return { role: 'identifier', type: 'integer' };
      if (numberRange && numberCounts && !MEASURE_NAME.test(column.name) && numbersRow(numberRange, numberCounts)) {
        return { role: 'identifier', type: 'integer' };
      }
      return { role: 'measure', type: 'integer' };
    case 'decimal':
    case 'currency':
    case 'percent':
      return { role: 'measure', type: column.type };
    case 'boolean':
      return { role: 'dimension', type: 'boolean' };
    default:
      return textRole(column, text);
  }
}

/** A name that says the column holds amounts, whatever its values look like (made-up data is often 1, 2, 3…). */
const MEASURE_NAME =
  /amount|total|sum|sales|revenue|price|cost|qty|quantity|count|units?\b|value|score|profit|spend|income|balance|weight|hours|minutes|age\b|size/i;

/**
 * A column named by one thing in the singular (`Ticket`, `Order`, `Invoice`) holds its numbers, where a
 * count of them says so in the plural (`Orders`, `Tickets`): "how many tickets" counts the tickets.
 */
const ENTITY_NAME =
  /^(ticket|order|invoice|receipt|booking|reservation|case|claim|shipment|request|transaction|incident|job|account|customer|client|employee|patient|student|member|user|item|batch|lot|policy|contract|application|issue|task)$/i;

/** Fewer values than this can be a short run of quantities that happen to differ. */
const NUMBERING_VALUES = 20;

/**
 * Whether whole numbers number the rows (a `ticket` or `Order` column of 1001, 1002, …): each value
 * once, in a run with few gaps. Such a column is counted, never summed; a quantity is neither
 * unique per row nor consecutive.
 */
function numbersRow(range: { min: number; max: number }, counts: { present: number; distinct?: number }): boolean {
  const { present, distinct } = counts;
  if (distinct === undefined || present < NUMBERING_VALUES || distinct !== present) return false;
  return range.max - range.min + 1 <= distinct * 1.1;
}

function textRole(column: TypedColumn, text: TextStats | null): { role: ColumnRole; type: ColumnType } {
  if (!text || text.present === 0) return { role: 'dimension', type: 'category' };
  const ratio = text.distinct / text.present;
  const identifierName = isIdentifierName(column.name);
  if (column.identifierLike || (identifierName && ratio > 0.01 && text.distinct > 20)) {
    return { role: 'identifier', type: 'text' };
  }
  if (text.distinct <= 50 || (ratio <= 0.5 && text.averageLength <= 60)) return { role: 'dimension', type: 'category' };
  if (text.averageLength <= 40 && text.spaceShare < 0.1) return { role: 'identifier', type: 'text' };
  // Short values nearly one per row are names (countries, products, films), a label for a ranking
  // ("top 5 countries by income"), even with spaces in them; longer ones are notes.
  if (text.averageLength <= NAME_LENGTH) return { role: 'identifier', type: 'text' };
  return { role: 'text', type: 'text' };
}
