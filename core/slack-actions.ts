import { z } from 'zod';

/**
 * The Slack buttons the worker puts on its replies and the edge answers: their
 * action ids and what their `value` carries. The worker builds the buttons and
 * the edge reads the clicks; neither may import the other, so they meet here.
 */

/**
 * Block Kit wants action ids unique within a block, and the suggested
 * questions sit side by side in one actions block, so each carries its index:
 * `analytics.ask.0`, `analytics.ask.1`, … (see `askActionId`).
 */
const ASK_ACTION_PREFIX = 'analytics.ask.';
/** Matches every suggested-question button, whatever its index. */
export const ASK_ACTION_PATTERN = /^analytics\.ask\.\d+$/;
export const SHOW_SQL_ACTION = 'analytics.show_sql';
export const DOWNLOAD_CSV_ACTION = 'analytics.download_csv';
/** "Send this every week" under an answer; its value is the answer's (`ExportButtonValue`). */
export const SUBSCRIBE_ACTION = 'analytics.subscribe';
/** A digest's buttons in `/analyze digests`, one per digest and verb so each id is unique in its message. */
export const DIGEST_ACTION_PATTERN = /^analytics\.digest\.[a-z-]+\.d[0-9a-f]{16}$/;

export function digestActionId(verb: string, digest: string): string {
  return `analytics.digest.${verb}.${digest}`;
}

export function askActionId(index: number): string {
  return `${ASK_ACTION_PREFIX}${index}`;
}

/** Slack refuses a button whose value is longer than this. */
export const MAX_BUTTON_VALUE_LENGTH = 2000;

/** A suggested question: asked against the dataset it was suggested for, not whatever the channel read last. */
export const AskButtonValue = z.object({
  dataset: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/),
  question: z.string().min(1).max(500),
});
export type AskButtonValue = z.infer<typeof AskButtonValue>;

/** "Show SQL" and "Download CSV": the answer they belong to, by its job id. */
export const ExportButtonValue = z.object({
  answer: z.string().regex(/^j[0-9a-f]{24}$/),
});
export type ExportButtonValue = z.infer<typeof ExportButtonValue>;

/** Pause, resume, send now or delete one digest. */
export const DigestButtonValue = z.object({
  digest: z.string().regex(/^d[0-9a-f]{16}$/),
  do: z.enum(['pause', 'resume', 'send-now', 'delete']),
});
export type DigestButtonValue = z.infer<typeof DigestButtonValue>;

export class ButtonValueError extends Error {
  readonly code = 'BUTTON_VALUE_INVALID';
}

/**
 * The `value` string for a button, checked against its schema and Slack's length limit.
 *
 * @example encodeButtonValue(AskButtonValue, { dataset: 'd1a2b3', question: 'Revenue by region' })
 */
export function encodeButtonValue<T>(schema: z.ZodType<T>, value: T): string {
  const text = JSON.stringify(schema.parse(value));
  if (text.length > MAX_BUTTON_VALUE_LENGTH) {
    throw new ButtonValueError(`A button value is ${text.length} characters; Slack allows ${MAX_BUTTON_VALUE_LENGTH}.`);
  }
  return text;
}

/** Reads a clicked button's `value`; throws `ButtonValueError` when it is not what the schema says. */
export function decodeButtonValue<T>(schema: z.ZodType<T>, text: string | undefined): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '');
  } catch (error) {
    throw new ButtonValueError('A button value is not JSON.', { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ButtonValueError('A button value does not match its schema.', { cause: parsed.error });
  return parsed.data;
}
