import type { Attachment } from '@microsoft/agents-activity';
import type { Job } from '../core/job';
import type { AnalyzeRequest } from './analyze-command';
import { triageFile } from './file-kinds';
import { MAX_QUESTION_LENGTH } from './slack-jobs';
import { isThreadReply } from './teams-activity';
import { cardAction } from './teams-card-action';
import { localTimeZone, OK, type TeamsResult, type TeamsTurn } from './teams-context';
import { teamsJobBase, teamsJobId } from './teams-jobs';
import { mentionsBot, teamsRequest, typedText } from './teams-request';
import { teamsTexts } from './teams-texts';

/** A file sent to the bot in a personal chat: a short-lived, pre-authenticated download URL. */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/**
 * A message. In a personal chat every message is for the bot; in a group chat or a channel, one
 * that @mentions it is, and in a channel so is a reply in a thread, which may be a follow-up to an
 * answer: like a Slack thread reply it is queued without a placeholder, and the worker, which knows
 * its threads, drops it when the thread is not one of the bot's.
 */
export async function message(turn: TeamsTurn): Promise<TeamsResult> {
  const { activity } = turn.request;
  if (activity.value !== undefined && activity.value !== null) return cardAction(turn, activity.value, false);
  const personal = turn.conversation.conversationType === 'personal';
  const mentioned = personal || mentionsBot(activity);
  const text = typedText(activity);
  const attachments = activity.attachments ?? [];
  const downloads = attachments.filter((attachment) => attachment.contentType === FILE_DOWNLOAD_INFO);
  if (downloads.length > 0) return personalFiles(turn, downloads, text);
  if (!personal && attachments.some(holdsSharedFile)) return sharedFiles(turn, mentioned, text);
  if (!text) return OK;
  const followUp = turn.conversation.conversationType === 'channel' && isThreadReply(turn.request);
  if (!mentioned && !followUp) return OK;
  const origin = {
    activityId: turn.request.fields.id,
    conversation: turn.conversation,
    user: turn.user,
    userName: turn.userName,
  };
  const id = teamsJobId(origin);
  if (text.length > MAX_QUESTION_LENGTH) {
    if (mentioned)
      await turn.replies.tell(turn.conversation, teamsTexts.questionTooLong(text.length, MAX_QUESTION_LENGTH));
    return OK;
  }
  const request = teamsRequest(text);
  const placeholder = mentioned
    ? await turn.replies.placeholder(
        id,
        turn.conversation,
        request.kind === 'question' ? teamsTexts.workingOn(request.text) : teamsTexts.working,
      )
    : undefined;
  const base = teamsJobBase({ ...origin, placeholder }, turn.now());
  const via = mentioned ? 'mention' : 'thread';
  await turn.replies.enqueue(jobFor(request, base, via, localTimeZone(turn)), turn.queue);
  return OK;
}

function jobFor(
  request: AnalyzeRequest,
  base: ReturnType<typeof teamsJobBase>,
  via: 'mention' | 'thread',
  timeZone: string | undefined,
): Job {
  switch (request.kind) {
    case 'command':
      return { ...base, kind: 'command', command: request.command };
    case 'question':
      return { ...base, kind: 'question', text: request.text, via };
    case 'digests':
      return { ...base, kind: 'digest-command', command: { do: 'list' } };
    case 'digest':
      return {
        ...base,
        kind: 'digest-command',
        command: { do: 'subscribe', text: request.text, ...(timeZone ? { timeZone } : {}) },
      };
  }
}

/** Personal chat files: one ingest job per table, carrying its download URL; the rest answered at once. */
async function personalFiles(turn: TeamsTurn, files: Attachment[], text: string): Promise<TeamsResult> {
  const question = text && text.length <= MAX_QUESTION_LENGTH ? text : undefined;
  for (const file of files) {
    const content = file.content as { downloadUrl?: unknown; uniqueId?: unknown; fileType?: unknown } | undefined;
    const name = file.name ?? 'the file';
    const downloadUrl = typeof content?.downloadUrl === 'string' ? content.downloadUrl : undefined;
    if (!downloadUrl?.startsWith('https://') || triageFile({ id: name, name }, turn.maxUploadBytes) !== 'read') {
      await turn.replies.tell(turn.conversation, teamsTexts.notATable(name));
      continue;
    }
    const fileId = typeof content?.uniqueId === 'string' ? content.uniqueId : name;
    const origin = {
      activityId: `${turn.request.fields.id}:${fileId}`,
      conversation: turn.conversation,
      user: turn.user,
      userName: turn.userName,
    };
    const placeholder = await turn.replies.placeholder(teamsJobId(origin), turn.conversation, teamsTexts.reading(name));
    const base = teamsJobBase({ ...origin, placeholder }, turn.now());
    const ingest = { id: fileId.slice(0, 200), name: name.slice(0, 500), downloadUrl };
    await turn.replies.enqueue(
      { ...base, kind: 'ingest', file: ingest, message: turn.request.fields.id, ...(question ? { question } : {}) },
      turn.queue,
    );
  }
  return OK;
}

/**
 * A file shared in a channel or group chat reaches the bot only as the message's HTML with an
 * `<attachment id=…>` tag (unverified against live Teams: Microsoft documents the Graph side only).
 */
function holdsSharedFile(attachment: Attachment): boolean {
  return (
    attachment.contentType === 'text/html' &&
    typeof attachment.content === 'string' &&
    /<attachment\s+id=/i.test(attachment.content)
  );
}

/**
 * Channel and group-chat files: one ingest job for the message, which the worker reads through Graph
 * to find the files. People share files there all the time, so only a message that mentions the bot
 * gets a placeholder; the worker stays quiet about files that are not tables unless asked.
 */
async function sharedFiles(turn: TeamsTurn, mentioned: boolean, text: string): Promise<TeamsResult> {
  const { fields } = turn.request;
  const origin = { activityId: fields.id, conversation: turn.conversation, user: turn.user, userName: turn.userName };
  const placeholder = mentioned
    ? await turn.replies.placeholder(teamsJobId(origin), turn.conversation, teamsTexts.readingMessage)
    : undefined;
  const question = text && text.length <= MAX_QUESTION_LENGTH ? text : undefined;
  const root = turn.conversation.thread;
  const teamsMessage = { id: fields.id, ...(root && root !== fields.id ? { root } : {}) };
  await turn.replies.enqueue(
    {
      ...teamsJobBase({ ...origin, placeholder }, turn.now()),
      kind: 'ingest',
      teamsMessage,
      message: fields.id,
      ...(question ? { question } : {}),
    },
    turn.queue,
  );
  return OK;
}
