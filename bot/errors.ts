/** Stable codes a caller can switch on; the message is what an operator or a user reads. */
export type EdgeErrorCode =
  /** The edge Lambda was started without what it needs (queue URL, Slack secret). */
  | 'EDGE_MISCONFIGURED'
  /** Slack did not accept the bot token, or could not be reached to check it. */
  | 'SLACK_AUTH_FAILED';

/** An error of the chat edge, with a readable message and the original error as `cause`. */
export class EdgeError extends Error {
  constructor(
    readonly code: EdgeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EdgeError';
  }
}
