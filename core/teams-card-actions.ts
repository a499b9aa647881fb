import { z } from 'zod';
import {
  AskButtonValue,
  DigestButtonValue,
  DOWNLOAD_CSV_ACTION,
  ExportButtonValue,
  SHOW_SQL_ACTION,
  SUBSCRIBE_ACTION,
} from './slack-actions';

/**
 * The Adaptive Card actions the worker puts on its Teams replies and the edge answers. They come
 * back two ways: `Action.Execute` as an `adaptiveCard/action` invoke with `{ action: { verb, data } }`,
 * `Action.Submit` as a message whose `value` is the data; the verb rides in the data for the latter.
 */
export const ASK_VERB = 'analytics.ask';
export const SHOW_SQL_VERB = SHOW_SQL_ACTION;
export const DOWNLOAD_CSV_VERB = DOWNLOAD_CSV_ACTION;
/** "Send this every week" under an answer: a weekly digest of its question. */
export const SUBSCRIBE_VERB = SUBSCRIBE_ACTION;
/** Pause, resume, send now or delete one digest of the `digests` list; the data names which (`do`). */
export const DIGEST_VERB = 'analytics.digest';

export const CardAction = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(ASK_VERB), ...AskButtonValue.shape }),
  z.object({ verb: z.literal(SHOW_SQL_VERB), ...ExportButtonValue.shape }),
  z.object({ verb: z.literal(DOWNLOAD_CSV_VERB), ...ExportButtonValue.shape }),
  z.object({ verb: z.literal(SUBSCRIBE_VERB), ...ExportButtonValue.shape }),
  z.object({ verb: z.literal(DIGEST_VERB), ...DigestButtonValue.shape }),
]);
export type CardAction = z.infer<typeof CardAction>;

/**
 * An `Action.Execute` for a card, with a title; Teams shows it as a button in every scope.
 *
 * @example executeAction('Show SQL', { verb: SHOW_SQL_VERB, answer: 'j0123…' })
 */
export function executeAction(title: string, action: CardAction) {
  const { verb, ...data } = CardAction.parse(action);
  return { type: 'Action.Execute', title, verb, data: { verb, ...data } };
}

/** The action a clicked card carries: from an invoke's `action` or a submitted message's `value`. */
export function cardActionOf(value: unknown): CardAction | undefined {
  const action = (value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  const candidate =
    action && typeof action === 'object' ? { ...(action.data as object | undefined), verb: action.verb } : value;
  const parsed = CardAction.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
