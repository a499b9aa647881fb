/** Stable codes for what a conversation adapter can fail with, whatever the platform. */
export type ConversationErrorCode =
  /** The message to edit was deleted, or may no longer be edited by the bot: post anew instead. */
  | 'MESSAGE_GONE'
  /** The platform's credentials (a bot token, an app password) are not configured for the worker. */
  | 'NOT_CONFIGURED';

/** A conversation call that failed in a way the job layer acts on; `cause` is the platform's error. */
export class ConversationError extends Error {
  constructor(
    readonly code: ConversationErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConversationError';
  }
}

export type DownloadErrorCode = 'DOWNLOAD_REFUSED' | 'DOWNLOAD_GONE' | 'DOWNLOAD_FAILED' | 'DOWNLOAD_FOREIGN_HOST';

/**
 * A shared file the platform would not hand over; the message says what to do
 * in words of that platform. `retriable` says whether trying again later can help.
 */
export class DownloadError extends Error {
  constructor(
    readonly code: DownloadErrorCode,
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DownloadError';
  }
}
