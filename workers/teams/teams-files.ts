import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import type { TeamsConversation } from '../../core/job';
import { DownloadError } from '../conversation/conversation-errors';
import type { FetchLimits, SharedFile } from '../conversation/conversation-port';
import { describeBytes, WorkerError } from '../errors';

/** Where Teams and OneDrive/SharePoint serve files: a personal chat's `downloadUrl` and Graph's redirects. */
export function isMicrosoftFileHost(url: URL): boolean {
  return url.protocol === 'https:' && /(^|\.)(sharepoint\.com|graph\.microsoft\.com)$/.test(url.hostname);
}

export interface TeamsFilesOptions {
  /** Microsoft Graph's base, `https://graph.microsoft.com` unless told otherwise. */
  graphUrl: string;
  /** A Graph token (client credentials, scope `https://graph.microsoft.com/.default`). */
  graphToken: () => Promise<string>;
  /** Hosts files may be fetched from; Microsoft's by default (loopback servers in tests). */
  fileHostAllowed?: (url: URL) => boolean;
}

const PERSONAL_CHAT_MEANWHILE =
  'Meanwhile, send me the file in a personal chat with me (Chat → the bot → attach the file): that works without it.';

/** What an admin must grant so the bot can read a channel's or group chat's files, named exactly. */
export function permissionMissing(conversation: TeamsConversation, step: 'message' | 'file'): string {
  const permission =
    step === 'file'
      ? 'the Microsoft Graph application permission Files.Read.All (admin consent in Microsoft Entra → App registrations → API permissions)'
      : conversation.conversationType === 'channel'
        ? 'the resource-specific permission ChannelMessage.Read.Group (consented when the app is added to the team)'
        : 'the resource-specific permission ChatMessage.Read.Chat (consented when the app is added to the chat)';
  return `I can’t read files shared here yet: a Microsoft 365 admin must grant this app ${permission}. ${PERSONAL_CHAT_MEANWHILE}`;
}

const GraphMessage = z.object({
  attachments: z
    .array(
      z.object({
        id: z.string(),
        contentType: z.string(),
        contentUrl: z.string().nullish(),
        name: z.string().nullish(),
      }),
    )
    .default([]),
});

/**
 * Files of a channel or group chat message, read through Microsoft Graph: activities there carry
 * only the message's HTML, while Graph lists its `reference` attachments with their SharePoint URLs.
 */
export async function filesOfMessage(
  options: TeamsFilesOptions,
  conversation: TeamsConversation,
  message: { id: string; root?: string },
): Promise<SharedFile[]> {
  const base = options.graphUrl.replace(/\/+$/, '');
  const path =
    conversation.conversationType === 'channel'
      ? channelMessagePath(conversation, message)
      : `/v1.0/chats/${encodeURIComponent(conversation.conversationId.split(';')[0] ?? '')}/messages/${encodeURIComponent(message.id)}`;
  const response = await graphFetch(options, `${base}${path}`, { timeoutMs: 10_000 });
  if (response.status === 401 || response.status === 403) {
    throw new DownloadError('DOWNLOAD_REFUSED', permissionMissing(conversation, 'message'), false);
  }
  if (response.status === 404) {
    throw new DownloadError('DOWNLOAD_GONE', 'I couldn’t find that message any more: was it deleted?', false);
  }
  if (!response.ok) {
    throw new DownloadError(
      'DOWNLOAD_FAILED',
      `Microsoft Graph answered HTTP ${response.status} to reading the message.`,
      true,
    );
  }
  const parsed = GraphMessage.safeParse(await response.json());
  if (!parsed.success)
    throw new DownloadError('DOWNLOAD_FAILED', 'Microsoft Graph answered with an unreadable message.', true);
  return parsed.data.attachments.flatMap((attachment) =>
    attachment.contentType === 'reference' && attachment.contentUrl
      ? [{ id: attachment.id, name: attachment.name ?? 'file', downloadUrl: attachment.contentUrl }]
      : [],
  );
}

function channelMessagePath(conversation: TeamsConversation, message: { id: string; root?: string }): string {
  if (!conversation.teamGroupId || !conversation.channel) {
    throw new DownloadError(
      'DOWNLOAD_FAILED',
      'I don’t know this team’s Microsoft 365 group yet; remove and add the app to the team again, then share the file once more.',
      false,
    );
  }
  const channel = `/v1.0/teams/${encodeURIComponent(conversation.teamGroupId)}/channels/${encodeURIComponent(conversation.channel)}`;
  const { id, root } = message;
  return root && root !== id
    ? `${channel}/messages/${encodeURIComponent(root)}/replies/${encodeURIComponent(id)}`
    : `${channel}/messages/${encodeURIComponent(id)}`;
}

/** A SharePoint link as Graph's shares API names it: `u!` and the URL in unpadded base64url. */
export function shareId(url: string): string {
  return `u!${Buffer.from(url, 'utf8').toString('base64url')}`;
}

/** A channel file's bytes through `/shares/{id}/driveItem/content` (Graph redirects to the file host). */
export async function openGraphFile(
  options: TeamsFilesOptions,
  conversation: TeamsConversation,
  file: SharedFile,
  limits: FetchLimits,
): Promise<Readable> {
  const url = `${options.graphUrl.replace(/\/+$/, '')}/v1.0/shares/${shareId(file.downloadUrl)}/driveItem/content`;
  const response = await graphFetch(options, url, limits);
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    throw new DownloadError('DOWNLOAD_REFUSED', permissionMissing(conversation, 'file'), false);
  }
  return limitedBody(response, limits.maxBytes, file.name);
}

/** A personal chat file's short-lived `downloadUrl`: no token, Microsoft's file hosts only. */
export async function openPersonalFile(
  options: Pick<TeamsFilesOptions, 'fileHostAllowed'>,
  file: SharedFile,
  limits: FetchLimits,
): Promise<Readable> {
  if (!(options.fileHostAllowed ?? isMicrosoftFileHost)(new URL(file.downloadUrl))) {
    throw new DownloadError(
      'DOWNLOAD_FOREIGN_HOST',
      'I couldn’t download the file: its link does not point to a Microsoft file host. Share it in Teams again.',
      false,
    );
  }
  let response: Response;
  try {
    response = await fetch(file.downloadUrl, { signal: signalOf(limits), redirect: 'error' });
  } catch (error) {
    throw new DownloadError('DOWNLOAD_FAILED', 'I couldn’t reach Teams to download the file.', true, { cause: error });
  }
  // The link's tempauth lasts about an hour: a job retried later finds it expired.
  if (response.status === 401 || response.status === 403 || response.status === 404) {
    await response.body?.cancel();
    throw new DownloadError(
      'DOWNLOAD_GONE',
      'I couldn’t download the file: its Teams link has expired or the file was deleted. Send it to me again.',
      false,
    );
  }
  return limitedBody(response, limits.maxBytes, file.name);
}

async function graphFetch(
  options: TeamsFilesOptions,
  url: string,
  limits: Pick<FetchLimits, 'timeoutMs' | 'signal'>,
): Promise<Response> {
  const token = await options.graphToken();
  try {
    return await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: signalOf(limits) });
  } catch (error) {
    throw new DownloadError('DOWNLOAD_FAILED', 'I couldn’t reach Microsoft Graph for the file.', true, {
      cause: error,
    });
  }
}

function signalOf(limits: Pick<FetchLimits, 'timeoutMs' | 'signal'>): AbortSignal {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  return limits.signal ? AbortSignal.any([timeout, limits.signal]) : timeout;
}

/** The response body as a stream that fails with FILE_TOO_LARGE once it passes `maxBytes`, whatever was announced. */
async function limitedBody(response: Response, maxBytes: number, name: string): Promise<Readable> {
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new DownloadError('DOWNLOAD_FAILED', `The download of ${name} answered HTTP ${response.status}.`, true);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new WorkerError(
      'FILE_TOO_LARGE',
      `The file is ${describeBytes(declared)}; the limit is ${describeBytes(maxBytes)}.`,
    );
  }
  return Readable.from(limited(Readable.fromWeb(response.body as WebReadableStream), maxBytes));
}

async function* limited(body: Readable, maxBytes: number): AsyncGenerator<Buffer> {
  let received = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > maxBytes) {
        throw new WorkerError('FILE_TOO_LARGE', `The file is larger than the ${describeBytes(maxBytes)} limit.`);
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof WorkerError) throw error;
    throw new DownloadError('DOWNLOAD_FAILED', 'The download from Teams broke off.', true, { cause: error });
  } finally {
    body.destroy();
  }
}
