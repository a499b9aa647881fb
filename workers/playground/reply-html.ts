import { resultText } from '../cli/answer-text';
import { NO_DATASET_TEXT } from '../conversation/dataset-replies';
import { plural, titleText } from '../conversation/dataset-words';
import type {
  AnswerReply,
  DatasetListReply,
  DatasetTitle,
  DigestAction,
  DigestListReply,
  DigestReply,
  FailureReply,
  HelpReply,
  NotUnderstoodReply,
  ProfileReply,
  Reply,
  ReplyAction,
  SqlReply,
} from '../conversation/reply';
import { html, type SafeHtml } from './safe-html';

const ACTION_LABELS: Record<Exclude<ReplyAction['kind'], 'ask' | 'digest'>, string> = {
  'show-sql': 'Show SQL',
  'download-csv': 'Download CSV',
  subscribe: 'Send this every week',
};

const DIGEST_LABELS: Record<DigestAction['do'], string> = {
  pause: 'Pause',
  resume: 'Resume',
  'send-now': 'Send now',
  delete: 'Delete',
};

/** Buttons carry their action as JSON; the page sends it back as it came, and the edge checks it. */
function actionButtons(actions: readonly ReplyAction[]): SafeHtml {
  if (actions.length === 0) return html``;
  const buttons = actions.map((action) => {
    const label =
      action.kind === 'ask'
        ? action.question
        : action.kind === 'digest'
          ? DIGEST_LABELS[action.do]
          : ACTION_LABELS[action.kind];
    return html`<button type="button" data-action="${JSON.stringify(action)}">${label}</button>`;
  });
  return html`<div class="actions">${buttons}</div>`;
}

function title(value: DatasetTitle): SafeHtml {
  return html`<strong>${value.name}</strong> · ${titleText(value, { details: true })}`;
}

function failureText({ retrying, timedOut, settled }: FailureReply): string {
  if (settled !== undefined) {
    return `${settled} This is a fault on our side, and trying again would fail the same way; the terminal running npm start has the details.`;
  }
  if (timedOut) {
    return retrying
      ? 'This took longer than I’m allowed to spend on one try; trying again…'
      : 'This took longer than I’m allowed to spend on it, so I stopped. Try a smaller file or a narrower question.';
  }
  return retrying
    ? 'Something went wrong on our side; trying again…'
    : 'Something broke on our side and I couldn’t finish this. Please try again; the terminal running npm start has the details.';
}

function answerHtml(reply: AnswerReply): SafeHtml {
  const { footer } = reply;
  const counted =
    footer.filters === undefined
      ? plural(footer.rows, 'row')
      : `${(footer.matchedRows ?? footer.rows).toLocaleString('en-US')} of ${plural(footer.rows, 'row')} · Filters: ${footer.filters}`;
  const table = reply.table && {
    text: resultText(reply.table.columns, reply.table.rows),
    hidden: reply.table.hiddenRows,
  };
  return html`<p class="headline">${reply.headline}</p>
    ${
      reply.insights.length > 0 &&
      html`<ul>
        ${reply.insights.map((insight) => html`<li>${insight}</li>`)}
      </ul>`
    }
    ${table && html`<pre>${table.text}</pre>`}
    ${table && table.hidden > 0 && html`<p class="note">… ${plural(table.hidden, 'more row')} in the CSV</p>`}
    ${reply.note && html`<p class="note">${reply.note}</p>`}
    <p class="footer">
      📄 ${footer.dataset} · ${counted}${[footer.leftOut, footer.unread].map((note) => (note ? ` · ${note}` : ''))}
    </p>
    ${actionButtons(reply.actions)}`;
}

function notUnderstoodHtml(reply: NotUnderstoodReply): SafeHtml {
  return html`<p>I couldn’t answer “${reply.question}”: ${reply.reason}.</p>
    ${reply.understood.length > 0 && html`<p class="note">I understood: ${reply.understood.join('; ')}</p>`}
    ${reply.actions.length > 0 && html`<p>These work on <strong>${reply.dataset}</strong>:</p>`}
    ${actionButtons(reply.actions)}`;
}

function profileHtml(reply: ProfileReply): SafeHtml {
  const roles = reply.roles.map(
    ({ label, columns }) =>
      html`<li>
        <strong>${label}:</strong> ${columns
          .map((c) => (c.details.length ? `${c.name} (${c.details.join(', ')})` : c.name))
          .join(', ')}
      </li>`,
  );
  const notes = reply.notes.map(
    (note) => html`<li>⚠️ ${note.column !== undefined && html`<strong>${note.column}</strong>: `}${note.text}</li>`,
  );
  return html`<p>${title(reply.title)}</p>
    <ul>
      ${roles}
    </ul>
    ${
      notes.length > 0 &&
      html`<ul class="note">
        ${notes}
      </ul>`
    }
    <p>
      ${reply.actions.length ? 'Try one of these, or reply in this thread with your own question:' : 'Reply in this thread with a question about it.'}
    </p>
    ${actionButtons(reply.actions)}`;
}

function listHtml(reply: DatasetListReply): SafeHtml {
  if (reply.datasets.length === 0) return html`<p>📥 ${NO_DATASET_TEXT}</p>`;
  const items = reply.datasets.map(
    (d) =>
      html`<li>
        ${title(d.title)} · added ${d.addedAt.slice(0, 16).replace('T', ' ')}
        UTC${d.addedBy.name && ` by ${d.addedBy.name}`}
      </li>`,
  );
  return html`<p><strong>${plural(reply.datasets.length, 'dataset')} in this channel</strong></p>
    <ul>
      ${items}
    </ul>
    <p class="note">
      Questions use the newest one unless you name another (“… in sales.csv”) or ask in a file’s thread.
    </p>`;
}

function helpHtml(reply: HelpReply): SafeHtml {
  return html`<p><strong>How to ask me about your data</strong></p>
    <ul>
      <li>Drop a CSV or Excel file onto this channel: I read it and reply in its thread with what’s in it.</li>
      <li>Ask in the channel, or reply in a file’s or an answer’s thread.</li>
      <li>Follow up in an answer’s thread to refine it: “now by region”, “only 2017”, “as a bar chart”.</li>
      <li>Name a file to ask about it instead of the newest: “revenue by month in sales.csv”.</li>
      <li><code>list</code> shows this channel’s datasets.</li>
      <li>
        <code>digest weekly total sales by region on Monday 9:00</code> posts what changed every week (daily and monthly
        too); <code>digests</code> lists this channel’s digests, to pause, send now or delete them.
      </li>
    </ul>
    ${
      reply.examples
        ? html`<p>Questions that work on ${title(reply.examples.title)}:</p>
            ${actionButtons(reply.examples.actions)}`
        : html`<p>For example: “Monthly revenue trend”, “Top 5 customers by profit”, “Share of sales by region”.</p>`
    }`;
}

function sqlHtml(reply: SqlReply): SafeHtml {
  const params = Object.entries(reply.params).map(
    ([name, value]) => `-- $${name} = ${typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value)}`,
  );
  const text = params.length ? `${reply.sql.trim()}\n\n-- bound parameters\n${params.join('\n')}` : reply.sql.trim();
  return html`<p>The SQL behind “${reply.question}” on ${reply.dataset}:</p>
    <pre>${text}</pre>`;
}

function digestHtml(reply: DigestReply): SafeHtml {
  return html`<p class="note">📅 Digest: ${reply.question}</p>
    ${reply.tone === 'news' ? html`<p class="headline">${reply.headline}</p>` : html`<p>${reply.headline}</p>`}
    ${
      reply.insights.length > 0 &&
      html`<ul>
        ${reply.insights.map((insight) => html`<li>${insight}</li>`)}
      </ul>`
    }
    <p class="footer">📄 ${reply.source}${reply.unread && ` · ${reply.unread}`}</p>`;
}

function digestListHtml(reply: DigestListReply): SafeHtml {
  const notice = reply.notice && html`<p>${reply.notice}</p>`;
  if (reply.digests.length === 0) {
    return html`${notice}
      <p>
        📅 No digest in this channel yet. Set one up with <code>digest weekly sales by region on Monday 9:00</code>.
      </p>`;
  }
  const items = reply.digests.map(
    (digest) =>
      html`<li class="digest">
        <strong>${digest.question}</strong> ${digest.schedule}${digest.paused && ' · paused'}
        <span class="note"
          >· ${digest.source}${digest.nextRun && ` · ${digest.nextRun}`} · set up by
          ${digest.owner.name ?? digest.owner.id}${digest.lastRun && ` · ${digest.lastRun}`}</span
        >
        ${actionButtons(digest.actions)}
      </li>`,
  );
  return html`${notice}
    <p><strong>${plural(reply.digests.length, 'digest')} in this channel</strong></p>
    <ul>
      ${items}
    </ul>`;
}

/**
 * A reply as the playground page shows it. Every value is escaped by the
 * `html` tag; markup comes only from the literals here.
 */
export function replyHtml(reply: Reply): string {
  switch (reply.kind) {
    case 'progress':
      return html`<p class="progress">⏳ ${reply.doing}</p>
        ${reply.caveat && html`<p class="note">${reply.caveat}</p>`}`.markup;
    case 'problem':
      return html`<p class="problem">⚠️ ${reply.message}</p>`.markup;
    case 'failure':
      return html`<p class="problem">${failureText(reply)}</p>
        <p class="note">Reference: ${reply.reference}</p>`.markup;
    case 'answer':
      return answerHtml(reply).markup;
    case 'not-understood':
      return notUnderstoodHtml(reply).markup;
    case 'profile':
      return profileHtml(reply).markup;
    case 'dataset-list':
      return listHtml(reply).markup;
    case 'help':
      return helpHtml(reply).markup;
    case 'sql':
      return sqlHtml(reply).markup;
    case 'csv-ready':
      return html`<p>📄 The CSV of “${reply.question}”: ${plural(reply.rows, 'row')}, in this thread.</p>`.markup;
    case 'digest':
      return digestHtml(reply).markup;
    case 'digest-list':
      return digestListHtml(reply).markup;
    case 'digest-set-up':
      return html`<p>📅 ${reply.lines[0]}</p>
        ${reply.lines.slice(1).map((line) => html`<p class="note">${line}</p>`)}`.markup;
  }
}

/** A file put into a thread: a chart shows as an image, anything else as a link to download it. */
export function attachmentHtml(file: { title: string; filename: string; mediaType: string }, url: string): string {
  if (file.mediaType === 'image/png') {
    return html`<img class="chart" src="${url}" alt="${file.title}" />
      <p class="note">${file.filename}</p>`.markup;
  }
  return html`<p>📎 <a href="${url}" download="${file.filename}">${file.filename}</a></p>`.markup;
}
