import { join } from 'node:path';
import type { DatasetMeta } from '../../../core/dataset';
import { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import { planQuestion, type PlannerOutcome } from '../../../workers/planner/offline-planner';
import { loadVocabulary, type Vocabulary } from '../../../workers/planner/vocabulary';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load } from '../../support/ingest';

/** The real datasets the planner is tested on. */
export const DATASET_FILES = {
  superstore: SUPERSTORE_CSV,
  stocks: vegaDataset('stocks.csv'),
  seattle: vegaDataset('seattle-weather.csv'),
  iowa: vegaDataset('iowa-electricity.csv'),
  employment: vegaDataset('us-employment.csv'),
  birdstrikes: vegaDataset('birdstrikes.csv'),
  github: vegaDataset('github.csv'),
  gapminder: vegaDataset('gapminder-health-income.csv'),
  margins: join(__dirname, '..', '..', 'fixtures', 'rates', 'margins.csv'),
  salesExport: join(__dirname, '..', '..', 'fixtures', 'rates', 'sales-export.csv'),
  umsatz: join(__dirname, '..', '..', 'fixtures', 'rates', 'umsatz-eu.csv'),
} as const;

export type DatasetName = keyof typeof DATASET_FILES;

export interface PlannerData {
  meta: DatasetMeta;
  vocabulary: Vocabulary;
}

const loaded = new Map<DatasetName, Promise<PlannerData>>();

/** Ingests a dataset with the real ingest path and reads its vocabulary from DuckDB (once per test file). */
export function plannerData(name: DatasetName): Promise<PlannerData> {
  let data = loaded.get(name);
  if (!data) {
    data = (async () => {
      const dataset = await load(DATASET_FILES[name]);
      const vocabulary = await loadVocabulary(dataset.connection, dataset.meta, dataset.table);
      dataset.connection.closeSync();
      return { meta: dataset.meta, vocabulary };
    })();
    loaded.set(name, data);
  }
  return data;
}

/** Plans a question that must be understood; the plan must pass the schema unchanged. */
export function expectPlan(data: PlannerData, question: string, previous?: AnalysisPlan): AnalysisPlan {
  const outcome = planQuestion(question, { ...data, previous });
  if (outcome.kind !== 'plan') throw new Error(`"${question}" was not understood: ${outcome.reason}`);
  expect(AnalysisPlan.parse(outcome.plan)).toEqual(outcome.plan);
  return outcome.plan;
}

export type NotUnderstood = Extract<PlannerOutcome, { kind: 'not-understood' }>;

/** Plans a question that must be refused with three suggestions that themselves plan. */
export function expectNotUnderstood(data: PlannerData, question: string, previous?: AnalysisPlan): NotUnderstood {
  const outcome = planQuestion(question, { ...data, previous });
  if (outcome.kind !== 'not-understood') {
    throw new Error(`"${question}" should not be understood, but planned "${outcome.plan.title}"`);
  }
  expect(outcome.suggestions).toHaveLength(3);
  for (const suggestion of outcome.suggestions) expectPlan(data, suggestion);
  return outcome;
}
