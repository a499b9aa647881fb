import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { Filter } from '../plan/analysis-plan';
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
const LOSS = String.raw`lost money|made (?:a )?loss(?:es)?|ran at a loss|(?:was|were) unprofitable|(?:was|were) loss[- ]making|had (?:a )?(?:loss|negative profit)`;
const GAIN = String.raw`made money|made (?:a )?profit|turned a profit|(?:was|were) profitable|had (?:a )?positive profit`;
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
  const rest = `${question.slice(0, match.index)}${noun}${question.slice(match.index + match[0].length)}`;
  const below = loss ? 'below 0' : 'above 0';
  return {
    kind: 'read',
    question: rest.replace(/\s+/g, ' ').trim(),
    filter,
    understood: `filter: ${entity.name} whose total ${money.name} is ${below} (from "${noun} ${words}": each ${noun.replace(/s$/, '')}'s rows added up, not single rows)`,
    label: `${entity.name} with Total ${money.name} ${comparator} 0`,
  };
}
