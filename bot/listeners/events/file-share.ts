import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { EdgeDeps } from '../../edge-deps';
import { postPlaceholder, slackErrorOf, tellInThread, tellPrivately } from '../../edge-messages';
import { edgeTexts } from '../../edge-texts';
import { enqueueJob } from '../../enqueue-job';
import { triageFile } from '../../file-kinds';
import { isFromPerson, withoutBotMention, type MessageFields } from '../../message-fields';
import { deliveryOf } from '../../redelivery';
import { completeFile, type ReadableFile } from '../../shared-file';
import { eventKeys, jobBase, MAX_QUESTION_LENGTH } from '../../slack-jobs';

/**
 * A file shared where the bot can see it: :eyes: on the message and a
 * "Reading …" placeholder per table, then one ingest job per table. Files that
 * are not tables or are too large are answered at once and never queued. A
 * question typed with the files rides along; one too long to ask is left out
 * and the person told, while the files are still read.
 */
export function fileShare(deps: EdgeDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    const team = context.teamId;
    if (!team || !isFromPerson(message, context.botUserId) || !message.files?.length) return;
    const delivery = deliveryOf(context);
    if (delivery === 'first-still-running') {
      const { channel, ts } = message;
      return deps.logger.info('Left a slow event to the attempt still handling it', { channel, ts });
    }
    const first = delivery === 'first';
    const target = { channel: message.channel, thread: message.thread_ts ?? message.ts };
    const typed = withoutBotMention(message.text, context.botUserId);
    const question = typed && typed.length <= MAX_QUESTION_LENGTH ? typed : undefined;
    const found = await Promise.all(message.files.map((file) => completeFile(client, deps.logger, file)));
    const files = found.filter((file): file is ReadableFile => file !== undefined);
    const tables = files.filter((file) => triageFile(file, deps.maxUploadBytes) === 'read');
    if (first && tables.length > 0) {
      await client.reactions
        .add({ channel: message.channel, timestamp: message.ts, name: 'eyes' })
        .catch((error: unknown) => deps.logger.warn('Could not react to a file', { error: slackErrorOf(error) }));
    }
    if (first) {
      for (const file of files.filter((f) => !tables.includes(f))) {
        await tellInThread(client, deps.logger, target, refusal(file, deps.maxUploadBytes));
      }
    }
    for (const file of tables) {
      const placeholder = first
        ? await postPlaceholder(client, deps.logger, target, edgeTexts.reading(file.name))
        : undefined;
      const eventKey = eventKeys.file(team, message.channel, message.ts, file.id);
      const origin = { eventKey, team, ...target, user: message.user, placeholder };
      const base = jobBase(origin, deps.now());
      const ingest = {
        id: file.id,
        name: file.name,
        size: file.size,
        downloadUrl: file.url_private_download,
        mimetype: file.mimetype,
      };
      await enqueueJob({ ...base, kind: 'ingest', file: ingest, message: message.ts, question }, client, deps, context);
    }
    // After the jobs, which matter more inside Slack's 3 seconds.
    if (first && tables.length > 0 && typed.length > MAX_QUESTION_LENGTH) {
      const notice = edgeTexts.questionTooLongWithFile(typed.length, MAX_QUESTION_LENGTH);
      await tellPrivately(client, deps.logger, { ...target, user: message.user }, notice);
    }
  };
}

function refusal(file: ReadableFile, maxUploadBytes: number): string {
  return triageFile(file, maxUploadBytes) === 'too-large'
    ? edgeTexts.tooLarge(file.name, file.size, maxUploadBytes)
    : edgeTexts.notATable(file.name);
}
