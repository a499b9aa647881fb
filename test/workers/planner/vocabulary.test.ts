import { Vocabulary, loadVocabulary, VOCABULARY_MAX_DISTINCT } from '../../../workers/planner/vocabulary';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';

describe('loadVocabulary', () => {
  let superstore: Loaded;
  beforeAll(async () => {
    superstore = await load(SUPERSTORE_CSV);
  });
  afterAll(() => superstore.connection.closeSync());

  it('holds every distinct value of each low-cardinality dimension', async () => {
    const vocabulary = Vocabulary.parse(await loadVocabulary(superstore.connection, superstore.meta, superstore.table));
    expect(vocabulary.values.Region).toEqual(['Central', 'East', 'South', 'West']);
    expect(vocabulary.values.State).toHaveLength(49);
    expect(vocabulary.values.State).toContain('Vermont');
    expect(vocabulary.values['Customer Name']).toHaveLength(793);
    expect(vocabulary.values['Product Name']).toHaveLength(1850);
  });

  it('leaves out identifiers, measures, dates and dimensions past the limit', async () => {
    const meta = {
      ...superstore.meta,
      columns: superstore.meta.columns.map((c) =>
        c.name === 'Product Name' ? { ...c, distinct: VOCABULARY_MAX_DISTINCT + 1 } : c,
      ),
    };
    const vocabulary = await loadVocabulary(superstore.connection, meta, superstore.table);
    expect(Object.keys(vocabulary.values)).toEqual([
      'Ship Mode',
      'Customer Name',
      'Segment',
      'Country',
      'City',
      'State',
      'Region',
      'Category',
      'Sub-Category',
    ]);
  });

  it('is empty for a table without dimensions', async () => {
    const meta = { ...superstore.meta, columns: superstore.meta.columns.filter((c) => c.role !== 'dimension') };
    expect(await loadVocabulary(superstore.connection, meta, superstore.table)).toEqual({ values: {} });
  });
});
