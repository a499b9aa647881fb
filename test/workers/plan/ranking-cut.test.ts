import { vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { allRows, records, runOn } from './plan-runner';

// Integration: the real la-riots file (63 deaths in 38 neighborhoods, four of them with 4 deaths) through
// the real ingest, plan compiler and DuckDB; the expected figures come from SQL written here.

const RIOTS = `read_csv('${vegaDataset('la-riots.csv')}')`;

let data: Loaded;
beforeAll(async () => {
  data = await load(vegaDataset('la-riots.csv'));
});

/** Deaths per neighborhood in the order a ranking shows them: by count, then by name. */
async function ranking(direction: 'ASC' | 'DESC'): Promise<{ neighborhood: string; n: number }[]> {
  const rows = await allRows(
    data,
    `SELECT neighborhood, count(*) AS n FROM ${RIOTS} GROUP BY 1 ORDER BY n ${direction}, neighborhood`,
  );
  return rows.map((row) => ({ neighborhood: String(row.neighborhood), n: Number(row.n) }));
}

const deathsBy = (direction: 'asc' | 'desc', limit: number) =>
  runOn(data, {
    measures: [{ column: null, aggregation: 'count' }],
    dimensions: [{ column: 'neighborhood' }],
    sort: { by: 'measure', direction },
    limit,
  });

describe('a ranking cut through a tie', () => {
  it('shows the top 3 only, and knows how many share the third value and which group comes next', async () => {
    const all = await ranking('DESC');
    const third = all[2]!;
    const run = await deathsBy('desc', 3);

    expect(records(run).map((row) => row.neighborhood)).toEqual(all.slice(0, 3).map((row) => row.neighborhood));
    expect(all.filter((row) => row.n === third.n)).toHaveLength(4);
    expect(run.result.groups?.tiedWithLast).toBe(4);
    expect(run.result.groups?.firstLeftOut).toEqual([all[3]!.neighborhood, all[3]!.n]);
    expect(all[3]).toEqual({ neighborhood: 'Vermont Square', n: 4 });
  });

  it('knows a bottom 3 cuts through the 24 neighborhoods with one death', async () => {
    const all = await ranking('ASC');
    const run = await deathsBy('asc', 3);

    expect(run.result.rows).toHaveLength(3);
    expect(run.result.groups?.tiedWithLast).toBe(all.filter((row) => row.n === all[2]!.n).length);
    expect(run.result.groups?.tiedWithLast).toBe(24);
    expect(run.result.groups?.firstLeftOut?.[0]).toBe(all[3]!.neighborhood);
  });

  it('knows a top 4 ends where the tie ends', async () => {
    const all = await ranking('DESC');
    const run = await deathsBy('desc', 4);

    expect(run.result.rows).toHaveLength(4);
    expect(all[4]!.n).toBeLessThan(all[3]!.n);
    expect(run.result.groups?.tiedWithLast).toBe(4);
    expect(run.result.groups?.firstLeftOut).toEqual([all[4]!.neighborhood, all[4]!.n]);
  });
});
