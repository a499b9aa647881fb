import { closeDatabase } from '../../../workers/engine/duckdb';
import { runPlan } from '../../../workers/plan/run-plan';
import { planQuestion } from '../../../workers/planner/offline-planner';
import { loadVocabulary } from '../../../workers/planner/vocabulary';
import { loadText, type Loaded } from '../../support/ingest';

// Found by the new-user trial: "how many tickets" summed a `ticket` column of 1…2000 into "2M".
const TEAMS = ['Ops', 'QA', 'Dev'];

/** 300 tickets numbered from 1001, a few numbers skipped, with hours logged and a squared cost that is unique too. */
function ticketsCsv(): string {
  const lines = ['ticket,team,hours,cost'];
  for (let i = 0; i < 300; i++) {
    if (i % 50 === 7) continue;
    lines.push(`${1001 + i},${TEAMS[i % 3]},${(i % 9) + 1},${i * i + 5}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('a column of whole numbers that numbers the rows', () => {
  let data: Loaded;
  beforeAll(async () => {
    data = await loadText('tickets-numbered.csv', ticketsCsv());
  });
  afterAll(() => closeDatabase(data.connection));

  it('is an identifier, while hours (repeated) and a unique cost that is no run stay measures', () => {
    expect(data.column('ticket')).toMatchObject({ type: 'integer', role: 'identifier' });
    expect(data.column('hours').role).toBe('measure');
    expect(data.column('cost').role).toBe('measure');
  });

  it('is counted, not summed, when asked how many', async () => {
    const vocabulary = await loadVocabulary(data.connection, data.meta, data.table);
    const outcome = planQuestion('how many tickets by team', { meta: data.meta, vocabulary });
    if (outcome.kind !== 'plan') throw new Error(outcome.reason);
    const run = await runPlan(data.connection, outcome.plan, data.meta, data.table);
    const expected = await data.rows(`SELECT team, count(DISTINCT ticket) AS n FROM ${data.table} GROUP BY team`);
    const answered = new Map(run.result.rows.map((row) => [String(row[0]), Number(row[1])]));
    expect(answered).toEqual(new Map(expected.map((row) => [String(row.team), Number(row.n)])));
  });
});

// Found by the second trial: four rows of Ticket 5001–5003 (one twice) were summed into "20K".
it('reads whole numbers under a singular name of a thing (Ticket, Order) as its numbers, counted', async () => {
  const data = await loadText(
    'ticket-names.csv',
    'Ticket,Agent,Minutes,Orders\n5001,Ann,10,3\n5002,Bob,20,4\n5003,Ann,15,2\n5003,Ann,15,2\n',
  );
  try {
    expect(data.column('Ticket')).toMatchObject({ type: 'integer', role: 'identifier' });
    // "Orders" in the plural is a count of them: a measure.
    expect(data.column('Orders').role).toBe('measure');
    const vocabulary = await loadVocabulary(data.connection, data.meta, data.table);
    const outcome = planQuestion('how many tickets', { meta: data.meta, vocabulary });
    if (outcome.kind !== 'plan') throw new Error(outcome.reason);
    const run = await runPlan(data.connection, outcome.plan, data.meta, data.table);
    const [expected] = await data.rows(`SELECT count(DISTINCT Ticket) AS n FROM ${data.table}`);
    expect(Number(run.result.rows[0]?.[0])).toBe(Number(expected?.n));
  } finally {
    closeDatabase(data.connection);
  }
});
