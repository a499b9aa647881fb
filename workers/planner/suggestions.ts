import type { DatasetMeta } from '../../core/dataset';
import {
  defaultAggregation,
  mainDimension,
  mainMeasure,
  profitMeasure,
  rankingDimension,
  secondMeasure,
} from './dataset-defaults';
import { dataRange, timeColumns } from './dataset-time';
import { readPlan } from './question-planner';
import { GRAIN_ADJECTIVE } from '../plan/grain-words';
import { trendGrain } from './trend-grain';
import type { Vocabulary } from './vocabulary';

const WANTED = 3;

/**
 * Three questions this dataset can answer, written with its own column names:
 * a trend, a ranking and a share when the data has what they need, then
 * breakdowns, relationships, distributions and counts. Each one is planned
 * before it is offered, so every suggestion works when typed back.
 *
 * @example
 * suggestQuestions(superstore.meta, vocabulary)
 * // ['Monthly Sales trend', 'Top 5 Customer Name by Profit', 'Share of Sales by Segment']
 */
export function suggestQuestions(meta: DatasetMeta, vocabulary: Vocabulary): string[] {
  const chosen: string[] = [];
  for (const question of candidates(meta)) {
    if (chosen.length === WANTED) break;
    if (chosen.includes(question)) continue;
    if (readPlan(question, { meta, vocabulary }).kind === 'plan') chosen.push(question);
  }
  return chosen;
}

function candidates(meta: DatasetMeta): string[] {
  const measure = mainMeasure(meta);
  const second = secondMeasure(meta);
  const time = timeColumns(meta)[0];
  const range = time && dataRange(time);
  const ranked = rankingDimension(meta);
  const shared = mainDimension(meta, true);
  const breakdown = mainDimension(meta);
  const dimensions = meta.columns.filter((c) => c.role === 'dimension');
  const list: string[] = [];
  if (measure && range) list.push(`${GRAIN_ADJECTIVE[trendGrain(range)]} ${measure.name} trend`);
  const rankBy = profitMeasure(meta) ?? measure;
  if (ranked && rankBy) list.push(`Top 5 ${ranked.name} by ${rankBy.name}`);
  if (measure && shared && defaultAggregation(measure) === 'sum')
    list.push(`Share of ${measure.name} by ${shared.name}`);
  if (measure && breakdown) list.push(`${measure.name} by ${breakdown.name}`);
  if (measure && second) list.push(`${measure.name} vs ${second.name}`);
  if (measure) list.push(`Distribution of ${measure.name}`);
  if (measure && ranked) list.push(`Which ${ranked.name} has the highest ${measure.name}`);
  for (const dimension of dimensions) list.push(`Number of rows by ${dimension.name}`);
  if (range) list.push('Number of rows over time');
  list.push('Overview', 'How many rows are there');
  const countable = meta.columns.filter((c) => c.role === 'dimension' || c.role === 'identifier');
  for (const column of countable) list.push(`How many different ${column.name}`);
  return list;
}
