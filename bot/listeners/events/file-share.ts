import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { EdgeDeps } from '../../edge-deps';
import { postPlaceholder, slackErrorOf, tellInThread } from '../../edge-messages';
import { edgeTexts } from '../../edge-texts';
import { enqueueJob } from '../../enqueue-job';
import { triageFile } from '../../file-kinds';
import { isFromPerson, withoutBotMention, type MessageFields } from '../../message-fields';
import { completeFile, type ReadableFile } from '../../shared-file';
import { eventKeys, jobBase, MAX_QUESTION_LENGTH } from '../../slack-jobs';

/**
 * A file shared where the bot can see it: :eyes: on the message and a
 * "Reading …" placeholder per table, then one ingest job per table. Files that
 * are not tables or are too large are answered at once and never queued.
 */
export function fileShare(deps: EdgeDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    if (!isFromPerson(message, context.botUserId) || !message.files?.length) return;
    const retry = context.retryNum !== undefined;
    const target = { channel: message.channel, thread: message.thread_ts ?? message.ts };
    const typed = withoutBotMention(message.text, context.botUserId);
    const question = typed && typed.length <= MAX_QUESTION_LENGTH ? typed : undefined;
    const found = await Promise.all(message.files.map((file) => completeFile(client, deps.logger, file)));
    const files = found.filter((file): file is ReadableFile => file !== undefined);
    const tables = files.filter((file) => triageFile(file, deps.maxUploadBytes) === 'read');
    if (!retry && tables.length > 0) {
      await client.reactions
        .add({ channel: message.channel, timestamp: message.ts, name: 'eyes' })
        .catch((error: unknown) => deps.logger.warn('Could not react to a file', { error: slackErrorOf(error) }));
    }
    if (!retry) {
      for (const file of files.filter((f) => !tables.includes(f))) {
        await tellInThread(client, deps.logger, target, refusal(file, deps.maxUploadBytes));
      }
    }
    for (const file of tables) {
      const placeholder = retry
        ? undefined
        : await postPlaceholder(client, deps.logger, target, edgeTexts.reading(file.name));
      const eventKey = eventKeys.file(body.team_id, message.channel, message.ts, file.id);
      const base = jobBase({ eventKey, team: body.team_id, ...target, user: message.user, placeholder }, deps.now());
      const ingest = {
        id: file.id,
        name: file.name,
        size: file.size,
        downloadUrl: file.url_private_download,
        mimetype: file.mimetype,
      };
      await enqueueJob({ ...base, kind: 'ingest', file: ingest, message: message.ts, question }, client, deps);
    }
  };
}

function refusal(file: ReadableFile, maxUploadBytes: number): string {
  return triageFile(file, maxUploadBytes) === 'too-large'
    ? edgeTexts.tooLarge(file.name, file.size, maxUploadBytes)
    : edgeTexts.notATable(file.name);
}
