import type { DatasetMeta } from '../../core/dataset';
import { clearMainMeasure, defaultAggregation, mainDimension, mainMeasure } from './dataset-defaults';
import { timeColumns } from './dataset-time';
import type { MeasureChoice, Reading } from './question-reading';
import { asksOnePart } from './share-part';

/**
 * What an overview ("overview", "summary", an empty question) leaves out: the
 * main measure, over time when the data has dates, else by the main dimension.
 */
export function withOverviewDefaults(reading: Reading, meta: DatasetMeta, understood: string[]): Reading {
  const measure = mainMeasure(meta);
  const measures: MeasureChoice[] =
    reading.measures.length > 0
      ? reading.measures
      : [{ column: measure, aggregation: measure ? null : 'count', words: 'overview' }];
  let dimensions = reading.dimensions;
  if (dimensions.length === 0 && !reading.comparison) {
    const time = reading.timeColumn ?? timeColumns(meta)[0];
    const category = mainDimension(meta);
    if (time) dimensions = [{ column: time, grain: 'auto', words: 'overview' }];
    else if (category) dimensions = [{ column: category, words: 'overview' }];
  }
  const [first] = dimensions;
  const by = !first ? '' : first.column.role === 'time' ? ' over time' : ` by ${first.column.name}`;
  understood.push(`overview: ${measures[0]?.column?.name ?? 'rows'}${by}`);
  return { ...reading, measures, dimensions };
}

/**
 * The measures of a question that named none, or why there are none. Rows
 * named as such ("strikes by state") are counted. A share of one part
 * ("share of Renewables over time") is of the main measure's total when the
 * data has one clear main measure that adds up; a share of rows would only
 * say how many rows each part has (33.3% every year when each year has one
 * row per source). Otherwise a share or distribution of a category counts
 * rows. A comparison, a trend or a ranking is a clear intent, so its number
 * is the dataset's main measure; a bare grouping ("by region") or a bare
 * filter ("West") is not, and is refused.
 */
export function defaultMeasures(reading: Reading, meta: DatasetMeta, understood: string[]): MeasureChoice[] | string {
  if (reading.measures.length > 0) return reading.measures;
  const shared = !reading.rowsNamed && sharesOneValue(reading) ? clearMainMeasure(meta) : null;
  if (shared && defaultAggregation(shared) === 'sum') {
    understood.push(`measure: ${shared.name} (the main measure, whose total the share is of; none was named)`);
    return [{ column: shared, aggregation: null, words: shared.name }];
  }
  const grouped = reading.dimensions.length > 0;
  // A share of one value with no clear measure to share out ("share of Blue" in a survey) is of the rows.
  const ofRows = grouped || sharesOneValue(reading);
  if (reading.rowsNamed || ((reading.kind === 'distribution' || reading.share) && ofRows)) {
    understood.push('measure: number of rows');
    return [{ column: null, aggregation: 'count', words: '' }];
  }
  const main = mainMeasure(meta);
  if (main && (reading.comparison || reading.trend || (reading.ranking && grouped))) {
    understood.push(`measure: ${main.name} (the main measure; none was named)`);
    return [{ column: main, aggregation: null, words: main.name }];
  }
  const by = grouped ? ` by ${reading.dimensions[0]?.column.name ?? ''}` : '';
  return `I could not tell what to measure${by}${main ? `; name a column of numbers, such as "${main.name}"` : ''}`;
}

const sharesOneValue = (reading: Reading) => asksOnePart(reading) && reading.filters.some((f) => f.filter.op === 'in');
