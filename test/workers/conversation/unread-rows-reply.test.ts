import { answerQuestion } from '../../../workers/analysis/answer-question';
import { answerReply } from '../../../workers/conversation/answer-replies';
import { replyHtml } from '../../../workers/playground/reply-html';
import { blockKitReply } from '../../../workers/slack/block-kit-reply';
import { adaptiveCardReply } from '../../../workers/teams/adaptive-card-reply';
import { teamsText } from '../../../workers/teams/card-text';
import { loadText } from '../../support/ingest';
import { unquotedThousands } from '../../support/unquoted-thousands';

// Found by the new-user trial: an answer never said that a third of the file was not in it.
describe('a bot answer about a file with rows that could not be read', () => {
  it('says in its footer, in Slack, Teams and the playground, how many rows are missing', async () => {
    const file = unquotedThousands();
    const data = await loadText('unquoted-thousands.csv', file.text);
    const answer = await answerQuestion('total amount', {
      connection: data.connection,
      table: data.table,
      meta: data.meta,
    });
    if (answer.kind !== 'answer') throw new Error(`not answered: ${answer.reason}`);
    expect(answer.result.rows).toEqual([[file.readableSum]]);

    const reply = answerReply({ answer, dataset: data.meta, jobId: `j${'0'.repeat(24)}` });
    const sentence = `${file.unreadable.toLocaleString('en-US')} rows of the file could not be read (e.g. line 1,001: 3 fields where the header has 2) and are not in this answer.`;
    expect(reply.footer.unread).toBe(sentence);
    expect(JSON.stringify(blockKitReply(reply))).toContain(sentence);
    // Teams reads the text as markdown, so its parentheses are escaped.
    expect(JSON.stringify(adaptiveCardReply(reply))).toContain(JSON.stringify(teamsText(sentence)).slice(1, -1));
    expect(replyHtml(reply)).toContain(sentence);
  });
});
