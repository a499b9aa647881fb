import { closeDatabase } from '../../../workers/engine/duckdb';
import { runPlan } from '../../../workers/plan/run-plan';
import { planQuestion } from '../../../workers/planner/offline-planner';
import { loadVocabulary, type Vocabulary } from '../../../workers/planner/vocabulary';
import { loadText, type Loaded } from '../../support/ingest';

// Found by the new-user trial on a Google Forms export: "how many said yes" and "share of Blue" were declined.
function formCsv(): string {
  const lines = ['Timestamp,Team,Would you recommend us?,Score (1-10)'];
  for (let i = 0; i < 80; i++) {
    const day = String((i % 27) + 1).padStart(2, '0');
    lines.push(
      `2024-0${(i % 3) + 1}-${day} 10:00:00,${i % 7 < 4 ? 'Red' : 'Blue'},${i % 4 === 0 ? 'No' : 'Yes'},${(i % 10) + 1}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('questions about a survey', () => {
  let data: Loaded;
  let vocabulary: Vocabulary;
  beforeAll(async () => {
    data = await loadText('form-answers.csv', formCsv());
    vocabulary = await loadVocabulary(data.connection, data.meta, data.table);
  });
  afterAll(() => closeDatabase(data.connection));

  async function answered(question: string): Promise<number> {
    const outcome = planQuestion(question, { meta: data.meta, vocabulary });
    if (outcome.kind !== 'plan') throw new Error(`"${question}" was not understood: ${outcome.reason}`);
    const run = await runPlan(data.connection, outcome.plan, data.meta, data.table);
    return Number(run.result.rows[0]?.[0]);
  }

  const count = async (where: string) =>
    Number((await data.rows(`SELECT count(*) AS n FROM ${data.table} WHERE ${where}`))[0]?.n);

  it.each(['how many said yes', 'count of Yes', 'how many respondents answered yes'])(
    'counts the answers for "%s"',
    async (question) => {
      expect(await answered(question)).toBe(await count(`"Would you recommend us?" = 'Yes'`));
    },
  );

  // Found by the second trial: this was each team's share of all the No's, ranked the other way round.
  it.each(['share of no by team', 'what share of each team said no', 'what percent of each team answered no'])(
    'reads "%s" as the share of each team that said no',
    async (question) => {
      const outcome = planQuestion(question, { meta: data.meta, vocabulary });
      if (outcome.kind !== 'plan') throw new Error(outcome.reason);
      const run = await runPlan(data.connection, outcome.plan, data.meta, data.table);
      const expected = await data.rows(
        `SELECT Team, count(*) FILTER (WHERE "Would you recommend us?" = 'No') / count(*) AS share FROM ${data.table} GROUP BY Team`,
      );
      const answered = new Map(run.result.rows.map((row) => [String(row[0]), Number(row[1])]));
      expect(answered.size).toBe(expected.length);
      for (const row of expected) expect(answered.get(String(row.Team))).toBeCloseTo(Number(row.share), 9);
    },
  );

  it.each([
    ['share of Blue', `Team = 'Blue'`],
    ['what percent said no', `"Would you recommend us?" = 'No'`],
  ])('reads "%s" as a share of the rows, the survey having no amount to share out', async (question, where) => {
    expect(await answered(question)).toBeCloseTo((await count(where)) / (await count('true')), 9);
  });
});
