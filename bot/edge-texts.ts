import { escapeMrkdwn } from '../core/slack-text';
import type { AnalyzeRequest } from './analyze-command';

/** Everything the edge says to people, in one place; text from users and files is escaped here. */
export const edgeTexts = {
  announcement(user: string, request: AnalyzeRequest): string {
    if (request.kind === 'question') return `<@${user}> asked: “${escapeMrkdwn(request.text)}”`;
    return request.command === 'list'
      ? `<@${user}> asked which datasets this channel has.`
      : `<@${user}> asked how to use \`/analyze\`.`;
  },
  working: 'Working on it…',
  workingOn: (question: string) => `Working on “${escapeMrkdwn(question)}”…`,
  reading: (fileName: string) => `Reading ${escapeMrkdwn(fileName)}…`,
  exporting: (format: 'sql' | 'csv') => (format === 'sql' ? 'Getting the SQL…' : 'Preparing the CSV…'),
  notATable: (fileName: string) =>
    `${escapeMrkdwn(fileName)} doesn’t look like a table, so I’ll leave it. I read CSV, TSV and Excel (.xlsx) files.`,
  tooLarge: (fileName: string, size: number, limit: number) =>
    `${escapeMrkdwn(fileName)} is ${megabytes(size)}, over the ${megabytes(limit)} I can read. ` +
    'Try an extract with fewer rows or columns.',
  questionTooLong: (length: number, limit: number) =>
    `That question is ${length.toLocaleString('en-US')} characters long; please keep it under ${limit.toLocaleString('en-US')}.`,
  questionTooLongWithFile: (length: number, limit: number) =>
    `That question is ${length.toLocaleString('en-US')} characters long, so I’ll read the file without it; ` +
    `once it’s read, ask again in this thread in under ${limit.toLocaleString('en-US')} characters.`,
  notInChannel: 'I can’t post in this conversation. Add me to the channel (`/invite` and pick me), then ask again.',
  couldNotPost: 'I couldn’t post in this conversation just now. Please try again in a minute.',
  staleButton: 'That button no longer works. Ask the question with `/analyze` instead.',
  queueTimedOut: (reference: string) =>
    `Sorry, I couldn’t start on that: our job queue didn’t answer in time. Please try again in a minute. (reference ${reference})`,
  queueFailed: (reference: string) =>
    `Sorry, I couldn’t start on that: something broke on our side. Please try again in a minute. (reference ${reference})`,
};

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
