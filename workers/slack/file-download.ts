import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DownloadError } from '../conversation/conversation-errors';
import { describeBytes, WorkerError } from '../errors';

export interface FileDownload {
  /** The file's `url_private_download`. */
  url: string;
  /** The bot token; Slack serves private files only with it. */
  token: string;
  maxBytes: number;
  /** For the whole download, reading the stream included. */
  timeoutMs: number;
  /** Origins (`https://files.slack.com`) the token may be sent to; a job can carry any URL. */
  allowedOrigins: readonly string[];
  /** Stops the download early, e.g. when the job's time is up. */
  signal?: AbortSignal;
}

/** Where Slack serves `url_private_download` files. */
const SLACK_FILE_HOST = 'https://files.slack.com';

/**
 * The origins a file may be downloaded from with the bot token: Slack's file
 * host, and the host of the Web API the worker already sends the token to
 * (`SLACK_API_URL`; a loopback fake in tests).
 *
 * @example
 * slackFileOrigins('https://slack.com/api/'); // ['https://files.slack.com', 'https://slack.com']
 */
export function slackFileOrigins(apiUrl: string): string[] {
  return [...new Set([SLACK_FILE_HOST, new URL(apiUrl).origin])];
}

const HTML_START = /^\s*<(!doctype\s+html|html)[\s>]/i;

/**
 * Opens a private Slack file as a stream, with the bot token as a bearer token,
 * which goes to Slack's own hosts only (`allowedOrigins`). The size limit is
 * enforced while reading, so a file larger than Slack said (or than the limit)
 * is cut off instead of filling the disk. Slack answers a bad or missing token
 * with its sign-in page and status 200, so an HTML reply is an authentication
 * failure, never the file.
 */
export async function openSlackFile(download: FileDownload): Promise<Readable> {
  if (!download.allowedOrigins.includes(new URL(download.url).origin)) {
    throw new DownloadError(
      'DOWNLOAD_FOREIGN_HOST',
      'I couldn’t download the file: its link does not point to Slack’s file host. Share it in Slack again.',
      false,
    );
  }
  const timeout = AbortSignal.timeout(download.timeoutMs);
  let response: Response;
  try {
    response = await fetch(download.url, {
      headers: { authorization: `Bearer ${download.token}` },
      signal: download.signal ? AbortSignal.any([timeout, download.signal]) : timeout,
    });
  } catch (error) {
    throw new DownloadError('DOWNLOAD_FAILED', 'I couldn’t reach Slack to download the file.', true, { cause: error });
  }
  if (response.status === 404 || response.status === 410) {
    throw new DownloadError('DOWNLOAD_GONE', 'I couldn’t download the file: it was deleted from Slack.', false);
  }
  if (!response.ok || !response.body) {
    throw new DownloadError('DOWNLOAD_FAILED', `Slack answered HTTP ${response.status} to the download.`, true);
  }
  if (response.headers.get('content-type')?.includes('text/html')) {
    await response.body.cancel();
    throw refused();
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > download.maxBytes) {
    await response.body.cancel();
    throw new WorkerError(
      'FILE_TOO_LARGE',
      `The file is ${describeBytes(declared)}; the limit is ${describeBytes(download.maxBytes)}.`,
    );
  }
  return Readable.from(guarded(Readable.fromWeb(response.body as WebReadableStream), download.maxBytes));
}

/** The body's chunks, stopped at the limit or at a sign-in page, with any other failure as a retriable one. */
async function* guarded(body: Readable, maxBytes: number): AsyncGenerator<Buffer> {
  let received = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (received === 0 && HTML_START.test(chunk.subarray(0, 64).toString('latin1'))) throw refused();
      received += chunk.length;
      if (received > maxBytes) throw overLimit(maxBytes);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof DownloadError || error instanceof WorkerError) throw error;
    throw new DownloadError('DOWNLOAD_FAILED', 'The download from Slack broke off.', true, { cause: error });
  } finally {
    body.destroy();
  }
}

function refused(): DownloadError {
  return new DownloadError(
    'DOWNLOAD_REFUSED',
    'I couldn’t download the file: Slack refused the bot’s token. Ask an admin to reinstall the app (it needs the files:read scope).',
    false,
  );
}

/** Slack's stated size can be wrong; this is what a file that outgrew the limit while streaming gets. */
function overLimit(limit: number): WorkerError {
  return new WorkerError('FILE_TOO_LARGE', `The file is larger than the ${describeBytes(limit)} limit.`);
}
