import type { SqlValue } from '../plan/sql-params';
import { resultText } from '../cli/answer-text';
import { NO_DATASET_TEXT } from '../conversation/dataset-replies';
import { count, plural, titleText } from '../conversation/dataset-words';
import type {
  AnswerFooter,
  AnswerReply,
  DatasetListReply,
  DatasetTitle,
  DigestListReply,
  DigestReply,
  FailureReply,
  HelpReply,
  NotUnderstoodReply,
  ProfileReply,
  Reply,
  SqlReply,
} from '../conversation/reply';
import { failureWords, GENERIC_EXAMPLES, WHICH_DATASET_HINT } from '../conversation/status-words';
import { card, cardActions, type CardElement, type TeamsCard } from './adaptive-card';
import { monospace, subtle, teamsText, textBlock } from './card-text';

export interface CardOptions {
  /**
   * Where Teams loads the answer's chart from: a `data:` URI or a signed link (see `chart-links`).
   * Without it the card names the chart only; Teams fetches images anonymously, so no private URL works.
   */
  chartUrl?: string;
}

/**
 * A reply as Teams shows it: one Adaptive Card 1.5, never with text beside it (Teams would split
 * the two into separate messages, and the edited one would lose its id). Text is escaped for
 * Teams markdown and no mention entity is ever added, so nobody is notified by what a file says.
 */
export function adaptiveCardReply(reply: Reply, options: CardOptions = {}): TeamsCard {
  switch (reply.kind) {
    case 'progress':
      return card(reply.doing, [
        textBlock(`⏳ ${teamsText(reply.doing)}`),
        ...(reply.caveat ? [subtle(teamsText(reply.caveat))] : []),
      ]);
    case 'problem':
      return card(reply.message, [textBlock(`⚠️ ${teamsText(reply.message)}`, { color: 'Warning' })]);
    case 'failure':
      return failureCard(reply);
    case 'answer':
      return answerCard(reply, options);
    case 'not-understood':
      return notUnderstoodCard(reply);
    case 'profile':
      return profileCard(reply);
    case 'dataset-list':
      return listCard(reply);
    case 'help':
      return helpCard(reply);
    case 'sql':
      return sqlCard(reply);
    case 'csv-ready': {
      const text = `The CSV of “${reply.question}”: ${plural(reply.rows, 'row')}, in this thread.`;
      return card(text, [textBlock(`📄 ${teamsText(text)}`)]);
    }
    case 'digest':
      return digestCard(reply);
    case 'digest-list':
      return digestListCard(reply);
    case 'digest-set-up':
      return card(
        reply.lines[0] ?? 'Digest set up',
        reply.lines.map((line) => textBlock(teamsText(line))),
      );
  }
}

/** A digest post: its question, the headline, the findings and the file read; its charts follow in the thread. */
function digestCard(reply: DigestReply): TeamsCard {
  return card(reply.headline, [
    textBlock(`📅 Digest: ${teamsText(reply.question)}`, { weight: 'Bolder' }),
    textBlock(teamsText(reply.headline)),
    ...reply.insights.map((insight) => textBlock(`• ${teamsText(insight)}`)),
    subtle(`📄 ${teamsText(reply.source)}${reply.unread ? ` · ${teamsText(reply.unread)}` : ''}`),
    subtle('Reply in this thread to ask more about it.'),
  ]);
}

/**
 * `digests` in Teams: each digest with what, when, whose and how its last run went, and its own
 * buttons (pause or resume, send now, delete), which the worker lets only its owner use. A card
 * in Teams mentions nobody, so the owner is named, not @-mentioned.
 */
function digestListCard(reply: DigestListReply): TeamsCard {
  if (reply.digests.length === 0) {
    const text = `${reply.notice ? `${reply.notice} ` : ''}No digest in this conversation yet. Set one up with “digest weekly sales by region on Monday 9:00”.`;
    return card(text, [textBlock(teamsText(text))]);
  }
  const title = `${plural(reply.digests.length, 'digest')} in this conversation`;
  return card(title, [
    ...(reply.notice ? [textBlock(teamsText(reply.notice))] : []),
    textBlock(title, { weight: 'Bolder' }),
    ...reply.digests.map((d) => ({
      type: 'Container',
      separator: true,
      items: [
        textBlock(`**${teamsText(d.question)}** ${teamsText(d.schedule)}${d.paused ? ' · paused' : ''}`),
        subtle(
          `${teamsText(capitalised(d.source))}${d.nextRun ? ` · ${teamsText(d.nextRun)}` : ''} · set up by ` +
            `${d.owner.name ? teamsText(d.owner.name) : 'someone in this conversation'}` +
            (d.lastRun ? ` · ${teamsText(d.lastRun)}` : ''),
        ),
        ...(d.actions.length ? [{ type: 'ActionSet', actions: cardActions(d.actions) }] : []),
      ],
    })),
  ]);
}

function failureCard(reply: FailureReply): TeamsCard {
  const words = failureWords(reply);
  return card(words, [
    textBlock(`${reply.retrying ? '⏳' : '❌'} ${teamsText(words)}`, reply.retrying ? {} : { color: 'Attention' }),
    subtle(`Reference: ${teamsText(reply.reference)}`),
  ]);
}

/** Which dataset, how many of its rows and which filters the numbers come from. */
function footerText({ dataset, rows, matchedRows, filters, leftOut, unread }: AnswerFooter): string {
  const counted =
    filters === undefined
      ? `${count(rows)} rows`
      : `${count(matchedRows ?? rows)} of ${count(rows)} rows · Filters: ${filters}`;
  const notes = [leftOut, unread].filter((note) => note !== undefined).map((note) => ` · ${teamsText(note)}`);
  return `📄 ${teamsText(dataset)} · ${teamsText(counted)}${notes.join('')}`;
}

/**
 * An answer: the headline in bold, the insights as a list, the chart in the card (or the table
 * when there is no chart), the note, and a footer naming the data behind it; then "Show SQL",
 * "Download CSV" and the questions to follow up with.
 */
function answerCard(reply: AnswerReply, { chartUrl }: CardOptions): TeamsCard {
  const body: CardElement[] = [textBlock(teamsText(reply.headline), { weight: 'Bolder', size: 'Medium' })];
  if (reply.insights.length)
    body.push(textBlock(reply.insights.map((insight) => `- ${teamsText(insight)}`).join('\n')));
  if (reply.chart && chartUrl) {
    body.push({ type: 'Image', url: chartUrl, altText: reply.chart.title, size: 'Stretch' });
  } else if (reply.chart) {
    body.push(subtle(`Chart: ${teamsText(reply.chart.title)}`));
  }
  if (reply.table) {
    body.push(monospace(resultText(reply.table.columns, reply.table.rows)));
    if (reply.table.hiddenRows > 0) body.push(subtle(`… ${count(reply.table.hiddenRows)} more rows in the CSV`));
  }
  if (reply.note) body.push(subtle(teamsText(reply.note)));
  body.push(subtle(footerText(reply.footer)));
  return card(reply.headline, body, cardActions(reply.actions));
}

function notUnderstoodCard(reply: NotUnderstoodReply): TeamsCard {
  const said = `I couldn’t answer “${reply.question}”: ${reply.reason}.`;
  const body: CardElement[] = [textBlock(teamsText(said))];
  if (reply.understood.length) body.push(subtle(`I understood: ${teamsText(reply.understood.join('; '))}`));
  if (reply.actions.length) body.push(textBlock(`These work on **${teamsText(reply.dataset)}**:`));
  return card(said, body, cardActions(reply.actions));
}

/** "**sales.csv** · 12,430 rows × 9 columns · Jan–Sep 2024". */
function titleMarkdown(title: DatasetTitle): string {
  return `**${teamsText(title.name)}** · ${teamsText(titleText(title, { details: true }))}`;
}

/** The reply to a shared file: its title, columns by role, reading notes, and questions to ask as buttons. */
function profileCard(reply: ProfileReply): TeamsCard {
  const body: CardElement[] = [textBlock(titleMarkdown(reply.title), { size: 'Medium' })];
  body.push({
    type: 'FactSet',
    facts: reply.roles.map(({ label, columns }) => ({
      title: label,
      value: columns
        .map((column) =>
          column.details.length
            ? `${teamsText(column.name)} (${teamsText(column.details.join(', '))})`
            : teamsText(column.name),
        )
        .join(', '),
    })),
  });
  for (const note of reply.notes) {
    body.push(
      subtle(`⚠️ ${note.column === undefined ? '' : `**${teamsText(note.column)}**: `}${teamsText(note.text)}`),
    );
  }
  body.push(
    textBlock(
      reply.actions.length
        ? 'Try one of these, or reply in this thread with your own question:'
        : 'Reply in this thread with a question about it.',
    ),
  );
  return card(titleText(reply.title), body, cardActions(reply.actions));
}

/** Who added a dataset: their name when it is known. Teams mentions need entities, which a card never carries. */
function listCard(reply: DatasetListReply): TeamsCard {
  if (reply.datasets.length === 0) return card(NO_DATASET_TEXT, [textBlock(`📥 ${teamsText(NO_DATASET_TEXT)}`)]);
  const heading = `${plural(reply.datasets.length, 'dataset')} in this conversation`;
  const lines = reply.datasets.map((listing) => {
    const by = listing.addedBy.name ? ` by ${teamsText(listing.addedBy.name)}` : '';
    const when = `${listing.addedAt.slice(0, 16).replace('T', ' ')} UTC`;
    return `- ${titleMarkdown(listing.title)} · added ${teamsText(when)}${by}`;
  });
  return card(heading, [
    textBlock(`**${teamsText(heading)}**`),
    textBlock(lines.join('\n')),
    subtle(WHICH_DATASET_HINT),
  ]);
}

const HOW_TO_ASK = [
  '**How to ask me about your data**',
  '- Share a CSV or Excel file with me: I read it and reply with what’s in it.',
  '- Ask by mentioning me (“@Analytics analyze revenue by month”), or by replying in a file’s or an answer’s thread.',
  '- Follow up in an answer’s thread to refine it: “now by region”, “only 2017”, “as a bar chart”.',
  '- Name a file to ask about it instead of the newest: “revenue by month in sales.csv”.',
  '- **list** shows this conversation’s datasets.',
  '- **digest weekly total sales by region on Monday 9:00** posts what changed every week (daily and monthly too); **digests** lists this conversation’s digests, to pause, send now or delete them.',
].join('\n');

function helpCard(reply: HelpReply): TeamsCard {
  const body: CardElement[] = [textBlock(HOW_TO_ASK)];
  if (reply.examples) {
    body.push(textBlock(`Questions that work on ${titleMarkdown(reply.examples.title)}:`));
    return card('How to ask me about your data', body, cardActions(reply.examples.actions));
  }
  body.push(textBlock(`For example: ${teamsText(GENERIC_EXAMPLES)}. Share a CSV or Excel file to start.`));
  return card('How to ask me about your data', body);
}

function literal(value: SqlValue): string {
  return typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
}

/** "Show SQL": the statement exactly as it ran, and the values bound to its placeholders. */
function sqlCard(reply: SqlReply): TeamsCard {
  const params = Object.entries(reply.params);
  const bound = params.length
    ? `\n\n-- bound parameters\n${params.map(([name, value]) => `-- $${name} = ${literal(value)}`).join('\n')}`
    : '';
  const intro = `The SQL behind “${reply.question}” on ${reply.dataset}:`;
  return card(intro, [textBlock(teamsText(intro)), monospace(`${reply.sql.trim()}${bound}`)]);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
