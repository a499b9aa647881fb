import type { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import { planQuestion } from '../../../workers/planner/offline-planner';
import { expectNotUnderstood, expectPlan, plannerData, type PlannerData } from './planner-data';

/** Runs a conversation: each step refines the plan before it. */
function conversation(data: PlannerData, steps: [string, object][]): AnalysisPlan {
  let previous: AnalysisPlan | undefined;
  for (const [question, fragment] of steps) {
    const plan = expectPlan(data, question, previous);
    expect({ question, plan }).toMatchObject({ question, plan: fragment });
    previous = plan;
  }
  if (!previous) throw new Error('a conversation has steps');
  return previous;
}

describe('follow-ups', () => {
  let superstore: PlannerData;
  beforeAll(async () => {
    superstore = await plannerData('superstore');
  });

  it('refines a trend step by step', () => {
    conversation(superstore, [
      ['monthly sales', { dimensions: [{ column: 'Order Date', grain: 'month' }], chart: 'line' }],
      ['now by region', { dimensions: [{ column: 'Region' }], measures: [{ column: 'Sales' }], chart: 'bar' }],
      [
        'only 2017',
        {
          filters: [{ op: 'range', column: 'Order Date', from: '2017-01-01', to: '2018-01-01' }],
          title: 'Total Sales by Region, 2017',
        },
      ],
      ['just furniture', { filters: [{ op: 'range' }, { op: 'in', column: 'Category', values: ['Furniture'] }] }],
      ['top 3 instead', { sort: { by: 'measure', direction: 'desc' }, limit: 3 }],
      ['what about profit', { measures: [{ column: 'Profit', aggregation: 'sum' }], limit: 3 }],
      ['as a table', { chart: 'table', measures: [{ column: 'Profit' }] }],
    ]);
  });

  it('replaces a time filter and a value filter on the same column', () => {
    conversation(superstore, [
      [
        'sales by category in 2016 for the West',
        {
          filters: [
            { op: 'in', values: ['West'] },
            { op: 'range', from: '2016-01-01' },
          ],
        },
      ],
      [
        'what about 2015',
        {
          filters: [
            { op: 'in', values: ['West'] },
            { op: 'range', from: '2015-01-01', to: '2016-01-01' },
          ],
        },
      ],
      [
        'and for the East',
        {
          filters: [
            { op: 'range', from: '2015-01-01' },
            { op: 'in', column: 'Region', values: ['East'] },
          ],
        },
      ],
    ]);
  });

  it('adds a grouping with "also" or "split by", replaces it with "now"', () => {
    conversation(superstore, [
      ['sales by region', { dimensions: [{ column: 'Region' }] }],
      ['split by segment', { dimensions: [{ column: 'Region' }, { column: 'Segment' }] }],
      ['now by category', { dimensions: [{ column: 'Category' }] }],
      [
        'also by year',
        { dimensions: [{ column: 'Order Date', grain: 'year' }, { column: 'Category' }], chart: 'line' },
      ],
    ]);
  });

  it('changes the chart', () => {
    conversation(superstore, [
      ['sales by segment', { chart: 'bar' }],
      ['as a pie chart', { chart: 'doughnut', share: true }],
      ['as a bar chart', { chart: 'bar' }],
      ['show it as a line', { chart: 'line' }],
    ]);
  });

  it('keeps an average an average when the measure changes', () => {
    conversation(superstore, [
      ['average discount by region', { measures: [{ column: 'Discount', aggregation: 'avg' }] }],
      ['what about sales', { measures: [{ column: 'Sales', aggregation: 'avg' }], dimensions: [{ column: 'Region' }] }],
    ]);
  });

  it('turns a filter into a comparison and back', () => {
    conversation(superstore, [
      ['profit by segment in 2016', { filters: [{ op: 'range' }] }],
      [
        '2016 vs 2017 instead',
        { filters: [], comparison: { column: 'Order Date', sides: [{ label: '2016' }, { label: '2017' }] } },
      ],
      ['only 2017', { comparison: undefined, filters: [{ op: 'range', from: '2017-01-01' }] }],
    ]);
  });

  it('keeps x when a relationship gets a new y', () => {
    conversation(superstore, [
      ['discount vs profit', { kind: 'relationship' }],
      ['by category', { kind: 'relationship', dimensions: [{ column: 'Category' }] }],
      ['what about sales', { kind: 'relationship', measures: [{ column: 'Discount' }, { column: 'Sales' }] }],
    ]);
  });

  it('starts over when the next question stands on its own', () => {
    const previous = expectPlan(superstore, 'sales by region in 2016');
    expect(expectPlan(superstore, 'average discount by segment', previous)).toMatchObject({
      measures: [{ column: 'Discount', aggregation: 'avg' }],
      dimensions: [{ column: 'Segment' }],
      filters: [],
    });
  });

  it('refuses a follow-up it cannot apply, saying why', () => {
    const previous = expectPlan(superstore, 'sales by region and category');
    const outcome = expectNotUnderstood(superstore, 'as a pie', previous);
    expect(outcome.reason).toMatch(/pie chart needs exactly one grouping/);
    expect(expectNotUnderstood(superstore, 'now by flavour', previous).reason).toMatch(/flavour/);
  });

  it('ignores a previous plan about columns this dataset does not have', async () => {
    const stocks = await plannerData('stocks');
    const previous = expectPlan(superstore, 'sales by region');
    expect(planQuestion('now by symbol', { ...stocks, previous }).kind).toBe('not-understood');
    expect(expectPlan(stocks, 'price by symbol', previous)).toMatchObject({ measures: [{ column: 'price' }] });
  });

  it('without a previous plan, a bare refinement is not understood', () => {
    const outcome = planQuestion('now by region', superstore);
    expect(outcome.kind).toBe('not-understood');
  });
});
