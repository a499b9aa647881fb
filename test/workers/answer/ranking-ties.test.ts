import { answerQuestion, type AnsweredQuestion } from '../../../workers/analysis/answer-question';
import { buildAnswer } from '../../../workers/answer/answer';
import { computeInsights } from '../../../workers/answer/insights';
import { joinWords } from '../../../workers/answer/list-words';
import { runPlan } from '../../../workers/plan/run-plan';
import { validatePlan } from '../../../workers/plan/validate-plan';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { column, plan, superstoreMeta, table } from './answer-fixtures';

// Integration: questions on the real la-riots file (one row per death) through the offline planner, the
// plan compiler, DuckDB and the answer; the ties they must name come from SQL written here.

const RIOTS = `read_csv('${vegaDataset('la-riots.csv')}')`;

let riots: Loaded;
beforeAll(async () => {
  riots = await load(vegaDataset('la-riots.csv'));
});

async function ask(data: Loaded, question: string): Promise<AnsweredQuestion> {
  const answer = await answerQuestion(question, data);
  if (answer.kind !== 'answer') throw new Error(`"${question}" was not understood: ${answer.reason}`);
  return answer;
}

interface Level {
  deaths: number;
  /** Neighborhoods with this many deaths, in the order a ranking lists them (by name). */
  names: string[];
}

/** Neighborhoods grouped by their number of deaths, most first. */
async function levels(): Promise<{ levels: Level[]; groups: number; deaths: number }> {
  const rows = await riots.rows(`
    WITH g AS (SELECT neighborhood, count(*) AS n FROM ${RIOTS} GROUP BY 1)
    SELECT n, list(neighborhood ORDER BY neighborhood) AS names,
           (SELECT count(*) FROM g) AS groups, (SELECT sum(n) FROM g) AS deaths
    FROM g GROUP BY n ORDER BY n DESC`);
  return {
    levels: rows.map((row) => ({ deaths: Number(row.n), names: row.names as string[] })),
    groups: Number(rows[0]?.groups),
    deaths: Number(rows[0]?.deaths),
  };
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

describe('a ranking whose leaders tie', () => {
  it('names the four neighborhoods tied at the top of a top 3, and says the one past the cut is not shown', async () => {
    const {
      levels: [most],
      groups,
      deaths,
    } = await levels();
    const answer = await ask(riots, 'number of deaths by neighborhood top 3');

    // Four tie at the top; the top 3 shows the first three by name.
    expect(most).toEqual({ deaths: 4, names: ['Compton', 'Hollywood', 'Koreatown', 'Vermont Square'] });
    expect(answer.result.rows.map((row) => row[0])).toEqual(most!.names.slice(0, 3));
    expect(12 / deaths).toBeCloseTo(0.19, 2);
    const tied = joinWords(most!.names);
    expect(answer.headline).toBe(
      `${tied} tied for the highest row count: 4 each (${percent(4 / deaths)} of the total each).`,
    );
    expect(answer.insights).toEqual([
      `Compton, Hollywood and Koreatown make up 19% of row count; each is ${percent(4 / deaths)} (4).`,
      `${tied} tied for the highest row count of all ${groups} (4); Vermont Square is not shown.`,
    ]);
    expect(answer.insights.join(' ')).not.toMatch(/had the highest|the lowest of the 3 shown/);
  });

  it('names the four tied at the top of a top 4, which the cut does not split', async () => {
    const {
      levels: [most, next],
      groups,
    } = await levels();
    const answer = await ask(riots, 'number of deaths by neighborhood top 4');

    expect(next!.deaths).toBeLessThan(most!.deaths);
    expect(answer.headline).toMatch(new RegExp(`^${joinWords(most!.names)} tied for the highest row count: 4 each`));
    expect(answer.insights).toContain(`${joinWords(most!.names)} tied for the highest row count of all ${groups} (4).`);
    expect(answer.insights.join(' ')).not.toMatch(/not shown|the lowest of the 4 shown/);
  });

  it('says a top 5 cuts through the three neighborhoods with 3 deaths', async () => {
    const {
      levels: [most, three],
      groups,
    } = await levels();
    const answer = await ask(riots, 'number of deaths by neighborhood top 5');

    // The fifth row is the first of the three with 3 deaths; the other two are left out.
    expect(three).toEqual({ deaths: 3, names: ['Green Meadows', 'South Park', 'Watts'] });
    expect(answer.result.rows.map((row) => row[0])).toEqual([...most!.names, three!.names[0]]);
    expect(answer.headline).toMatch(new RegExp(`^${joinWords(most!.names)} tied for the highest row count`));
    expect(answer.insights).toContain(
      `${joinWords(most!.names)} tied for the highest row count of all ${groups} (4); ` +
        `Green Meadows (3) ties with 2 more not shown.`,
    );
    expect(answer.insights.join(' ')).not.toMatch(/the lowest of the 5 shown/);
  });

  it('says the ten shown for context cut through the neighborhoods with 2 deaths', async () => {
    const {
      levels: [most, , two],
    } = await levels();
    const answer = await ask(riots, 'which neighborhood had the most deaths');

    // Four with 4, three with 3, and three of the seven with 2 make the ten shown.
    expect(two!.names).toHaveLength(7);
    expect(answer.result.rows).toHaveLength(10);
    expect(answer.headline).toMatch(new RegExp(`^${joinWords(most!.names)} tied for the highest row count: 4 each`));
    expect(answer.insights.join(' ')).toContain(
      `; ${joinWords(two!.names.slice(0, 3))} (2) tie with 4 more not shown.`,
    );
  });
});

/** A model's plan of deaths by neighborhood, answered without the offline planner. */
async function deathsByNeighborhood(parts: Record<string, unknown>) {
  const plan = validatePlan(
    {
      version: 1,
      kind: 'aggregate',
      chart: 'bar',
      title: 'Deaths by neighborhood',
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'neighborhood' }],
      ...parts,
    },
    riots.meta,
  );
  const run = await runPlan(riots.connection, plan, riots.meta, riots.table);
  return { run, answer: buildAnswer(plan, run.result, riots.meta) };
}

describe('a ranking cut to one group', () => {
  it('says the one shown is tied with three more, as a planner asking for the single highest gets it', async () => {
    const {
      levels: [most],
    } = await levels();
    const { run, answer } = await deathsByNeighborhood({ sort: { by: 'measure', direction: 'desc' }, limit: 1 });

    expect(run.result.rows).toEqual([[most!.names[0], 4]]);
    expect(answer.headline).toBe(`Compton and ${most!.names.length - 1} more tied for the highest row count: 4 each.`);
  });
});

describe('a top N without a sort, which the query ranks by the measure', () => {
  it('names the four tied at the top, and says the three shown are level rather than one the lowest', async () => {
    const {
      levels: [most],
      deaths,
    } = await levels();
    const { run, answer } = await deathsByNeighborhood({ limit: 3 });

    expect(run.result.rows).toEqual(most!.names.slice(0, 3).map((name) => [name, 4]));
    expect(answer.headline).toBe(
      `${joinWords(most!.names)} tied for the highest row count: 4 each (${percent(4 / deaths)} of the total each).`,
    );
    expect(answer.insights).toContain('All 3 shown had the same row count (4).');
  });
});

describe('a bottom N cut through a tie', () => {
  it('names the lowest three and counts the 21 others with one death, never one of them as the lowest', async () => {
    const { levels: all, groups, deaths } = await levels();
    const fewest = all[all.length - 1]!;
    const answer = await ask(riots, 'bottom 3 neighborhoods by number of deaths');

    expect(fewest.deaths).toBe(1);
    expect(fewest.names).toHaveLength(24);
    const tied = `${joinWords([...fewest.names.slice(0, 3), '21 more'])}`;
    expect(answer.headline).toBe(
      `${tied} tied for the lowest row count: 1 each (${percent(1 / deaths)} of the total each).`,
    );
    expect(answer.insights).toContain(
      `${tied} tied for the lowest row count of all ${groups} (1); 21 of them are not shown.`,
    );
    expect(answer.insights.join(' ')).not.toMatch(/had the lowest|the highest of the 3 shown/);
  });
});

describe('a ranking without ties', () => {
  it('still names one state as the highest of all and one as the lowest of those shown', async () => {
    const superstore = await load(SUPERSTORE_CSV);
    const [top] = await superstore.rows(`
      WITH s AS (SELECT State, sum(Sales) AS v FROM read_csv('${SUPERSTORE_CSV}') GROUP BY 1)
      SELECT count(*) FILTER (WHERE v = (SELECT max(v) FROM s)) AS at_max,
             count(*) FILTER (WHERE v = (SELECT v FROM s ORDER BY v DESC LIMIT 1 OFFSET 2)) AS at_third
      FROM s`);
    const answer = await ask(superstore, 'top 3 states by sales');

    expect([Number(top?.at_max), Number(top?.at_third)]).toEqual([1, 1]);
    expect(answer.headline).toBe('California had the highest Sales: 457.7K (19.9% of the total).');
    expect(answer.insights).toEqual([
      'California, New York and Texas make up 40.9% of Sales; California alone is 19.9% (457.7K).',
      'California had the highest Sales of all 49 (457.7K) and Texas the lowest of the 3 shown (170.2K).',
    ]);
  });
});

describe('the share of the largest groups', () => {
  it('names the two level at the top, not one of them alone', () => {
    const p = plan({
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'Region' }],
      sort: { by: 'measure', direction: 'desc' },
      chart: 'bar',
    });
    const counts = table(
      [column.dimension('Region'), column.measure('count', null)],
      [
        ['East', 10],
        ['West', 10],
        ['South', 5],
        ['Central', 3],
        ['North', 2],
      ],
    );
    expect(computeInsights(p, counts, superstoreMeta)[0]?.text).toBe(
      'East, West and South make up 83.3% of row count; East and West are each 33.3% (10).',
    );
  });
});
