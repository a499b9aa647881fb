import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { Filter } from '../plan/analysis-plan';
import { defaultAggregation } from './dataset-defaults';
import { pickColumns } from './column-choice';
import { findColumns } from './column-match';
import { fold, nameWords } from './question-tokens';

/**
 * Conditions on whole entities as people put them: "orders that lost money",
 * "customers who were unprofitable", "products that made a profit". An order
 * lost money when its rows' profit adds up to less than zero: one line sold
 * at a loss inside a profitable order does not make the order a loss. The
 * condition becomes a `having` filter on the entity's column and is taken out
 * of the question, which then reads as before ("how many orders").
 */
const LOSS = String.raw`lost money|made (?:a )?loss(?:es)?|ran at a loss|(?:was|were) unprofitable|(?:was|were) loss[- ]making|(?:had|with) (?:a )?(?:loss|negative profit)`;
const GAIN = String.raw`made money|made (?:a )?profit|turned a profit|(?:was|were) profitable|(?:had|with) (?:a )?positive profit`;
const CONDITION = new RegExp(String.raw`\b([a-z][a-z_-]*) (?:that |which |who |where )?(?:(${LOSS})|(${GAIN}))\b`, 'i');

/** Name words of a column that says whether something made money. */
const MONEY_WORDS = ['profit', 'earning'];

export type EntityConditionReading =
  | { kind: 'none' }
  | { kind: 'read'; question: string; filter: Filter; understood: string; label: string }
  | { kind: 'problem'; problem: string };

function profitColumns(meta: DatasetMeta): ColumnProfile[] {
  return meta.columns.filter(
    (c) => c.role === 'measure' && nameWords(c.name).some((w) => MONEY_WORDS.some((m) => w.startsWith(m))),
  );
}

/**
 * @example
 * readEntityCondition('how many orders lost money', meta)
 * // { kind: 'read', question: 'how many orders',
 * //   filter: { op: 'having', column: 'Order ID', measure: { column: 'Profit', aggregation: 'sum' }, comparator: '<', value: 0 }, … }
 */
export function readEntityCondition(question: string, meta: DatasetMeta): EntityConditionReading {
  const match = CONDITION.exec(question);
  const noun = match?.[1];
  if (!match || !noun) return { kind: 'none' };
  const words = (match[2] ?? match[3] ?? '').toLowerCase();
  const [entity, other] = pickColumns(findColumns([fold(noun)], meta.columns), 'count');
  if (!entity || other || entity.role !== 'identifier') {
    return {
      kind: 'problem',
      problem: `I could not tell which column "${noun}" counts, to say which ${noun} ${words}`,
    };
  }
  const [money, another] = profitColumns(meta);
  if (!money || another) {
    const named =
      money && another
        ? `; it could be ${profitColumns(meta)
            .map((c) => c.name)
            .join(' or ')}`
        : '';
    return { kind: 'problem', problem: `no one column says whether ${noun} ${words}${named}` };
  }
  const loss = match[2] !== undefined;
  const comparator = loss ? '<' : '>';
  const filter: Filter = {
    op: 'having',
    column: entity.name,
    measure: { column: money.name, aggregation: 'sum' },
    comparator,
    value: 0,
  };
  const rest = `${question.slice(0, match.index)}${noun}${question.slice(match.index + match[0].length)}`
    .replace(/\s+/g, ' ')
    .trim();
  const below = loss ? 'below 0' : 'above 0';
  return {
    kind: 'read',
    // "orders that lost money" on its own asks how many: a list of a thousand orders answers nothing.
    question: rest === noun ? `number of ${noun}` : rest,
    filter,
    understood: `filter: ${entity.name} whose total ${money.name} is ${below} (from "${noun} ${words}": each ${noun.replace(/s$/, '')}'s rows added up, not single rows)`,
    label: `${entity.name} with Total ${money.name} ${comparator} 0`,
  };
}

/** "how many orders", "number of customers", "count the orders": the noun counted. */
const COUNTED =
  /\b(?:how many|number of|count(?: of| the)?)\s+(?:the\s+)?(?:distinct\s+|unique\s+|different\s+)?([a-z][a-z_-]*)/i;

/** An entity a question counts, and the word it was called by. */
export interface CountedEntity {
  column: ColumnProfile;
  noun: string;
}

/**
 * The identifier column a question counts members of ("how many orders" →
 * Order ID), or null when it counts rows or names no one identifier.
 */
export function countedEntity(question: string, meta: DatasetMeta): CountedEntity | null {
  const noun = COUNTED.exec(question)?.[1];
  if (!noun) return null;
  const [column, other] = pickColumns(findColumns([fold(noun)], meta.columns), 'count');
  // A row's own id (Row ID) has one row per member: a total over it is the row itself.
  const perRow = column?.distinct === meta.rows;
  return column && !other && column.role === 'identifier' && !perRow ? { column, noun } : null;
}

/**
 * A condition on an amount, read for each entity counted rather than each
 * row: "how many orders had Sales over 500" counts the orders whose lines add
 * up to over 500, as a manager means it, not the orders with one line over
 * 500. Only for amounts that add up (sales, units); a discount or a price over
 * a number stays a condition on single rows, since a total of those means
 * nothing.
 */
export function perEntityTotal(
  filter: Filter,
  from: string,
  entity: CountedEntity,
  meta: DatasetMeta,
): { filter: Filter; understood: string; label: string } | null {
  if (filter.op !== 'compare' || typeof filter.value !== 'number') return null;
  const measure = meta.columns.find((c) => c.name === filter.column);
  if (!measure || measure.role !== 'measure' || defaultAggregation(measure) !== 'sum') return null;
  const { comparator, value } = filter;
  const shown = value.toLocaleString('en-US');
  const than = { '>': 'above', '>=': 'at least', '<': 'below', '<=': 'at most' }[comparator];
  const one = entity.noun.replace(/s$/, '');
  return {
    filter: {
      op: 'having',
      column: entity.column.name,
      measure: { column: measure.name, aggregation: 'sum' },
      comparator,
      value,
    },
    understood: `filter: ${entity.column.name} whose total ${measure.name} is ${than} ${shown} (${from}; each ${one}'s rows added up, not single rows)`,
    label: `${entity.column.name} with Total ${measure.name} ${comparator} ${shown}`,
  };
}
