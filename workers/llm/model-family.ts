import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

/** How much the model may reason before it answers; a plan and a narrative need none. */
export type ReasoningEffort = 'off' | 'low';

/**
 * How a model's reasoning is switched, which depends on its family:
 * - `chat-template`: Nemotron 3 (Nano, Super, …) read `chat_template_kwargs`
 *   (`enable_thinking`, and on Super `low_effort`) from the request body;
 * - `system-line`: the Llama-3.3-Nemotron v1 and v1.5 models read a `/no_think`
 *   (or `/think`) first line of the system prompt;
 * - `none`: any other model is sent neither.
 */
export type ReasoningSwitch = 'chat-template' | 'system-line' | 'none';

/** The switch a model id's family reads. */
export function reasoningSwitch(model: string): ReasoningSwitch {
  const id = model.toLowerCase();
  if (/nemotron-3(\.\d+)?-/.test(id)) return 'chat-template';
  if (/llama-3\.[13]-nemotron/.test(id)) return 'system-line';
  return 'none';
}

/** The prompts' own reasoning line; the family decides whether it is sent. */
const SYSTEM_LINE = /^\/(no_)?think[ \t]*\r?\n?/;

export interface ReasoningRequest {
  messages: ChatCompletionMessageParam[];
  /** Fields to merge into the request body. */
  body: Record<string, unknown>;
}

/**
 * The messages and body fields that set `effort` for `model`: a system line
 * for the v1.5 family, `chat_template_kwargs` for Nemotron 3 (a prompt's
 * `/no_think` line dropped there, as that template would read it as text),
 * nothing for other models.
 *
 * @example
 * withReasoning('nvidia/nemotron-3-super-120b-a12b', messages, 'off').body
 * // { chat_template_kwargs: { enable_thinking: false } }
 */
export function withReasoning(
  model: string,
  messages: ChatCompletionMessageParam[],
  effort: ReasoningEffort,
): ReasoningRequest {
  const family = reasoningSwitch(model);
  const line = family === 'system-line' ? (effort === 'off' ? '/no_think\n' : '/think\n') : '';
  const sent = messages.map((message, i) => {
    if (message.role !== 'system' || typeof message.content !== 'string') return message;
    const text = message.content.replace(SYSTEM_LINE, '');
    return { ...message, content: i === 0 ? `${line}${text}` : text };
  });
  if (family !== 'chat-template') return { messages: sent, body: {} };
  const kwargs = effort === 'off' ? { enable_thinking: false } : { enable_thinking: true, low_effort: true };
  return { messages: sent, body: { chat_template_kwargs: kwargs } };
}

/**
 * The answer in a reply's content: a reasoning block the server left in it
 * (`<think>…</think>`, or an unclosed one cut off by the token limit) is
 * dropped. A separate `reasoning_content` field is never read as the answer.
 */
export function answerText(content: string | null | undefined): string {
  return (content ?? '').replace(/<think>[\s\S]*?(<\/think>|$)/g, '').trim();
}
