import { APIError } from 'openai';
import { WorkerError } from '../errors';
import type { ChatReply, ChatRequest, ModelClient } from './model-client';

/** How a reply is constrained: OpenAI's structured outputs, NIM's guided JSON, or only the instructions. */
export type OutputMode = 'json_schema' | 'guided_json' | 'plain';
const MODES: readonly OutputMode[] = ['json_schema', 'guided_json', 'plain'];

/**
 * Asks for JSON matching a schema in the strongest form the server accepts.
 * It starts with `response_format: json_schema` and steps down when the
 * server rejects that part of the request: to NIM's `nvext.guided_json`, then
 * to plain text read by `jsonInText`. A step down is kept for the life of the
 * worker only once a weaker mode has worked, so a server without structured
 * outputs costs one rejected request per warm worker, not one per job, while a
 * request rejected for anything else (too long a prompt) fails that job alone
 * and leaves the mode the planner and the narrator share as it was.
 */
export class StructuredOutput {
  private current: OutputMode = 'json_schema';

  constructor(private readonly client: ModelClient) {}

  /** The mode in use: the strongest this server has not rejected. */
  get mode(): OutputMode {
    return this.current;
  }

  async ask(request: Omit<ChatRequest, 'format'>, name: string, schema: Record<string, unknown>): Promise<ChatReply> {
    for (let mode = this.current; ;) {
      try {
        const reply = await this.client.complete({ ...request, format: formatFor(mode, name, schema) });
        this.current = mode;
        return reply;
      } catch (error) {
        const next = MODES[MODES.indexOf(mode) + 1];
        if (next === undefined || !mayRejectFormat(error)) throw error;
        mode = next;
      }
    }
  }
}

function formatFor(mode: OutputMode, name: string, schema: Record<string, unknown>): Record<string, unknown> {
  switch (mode) {
    case 'json_schema':
      return { response_format: { type: 'json_schema', json_schema: { name, schema } } };
    case 'guided_json':
      return { nvext: { guided_json: schema } };
    case 'plain':
      return {};
  }
}

/**
 * What servers say when they do not take a constrained output: OpenAI and
 * vLLM name `response_format` or the schema, NIM names `guided_json`, a strict
 * OpenAI-compatible server names the unknown `nvext` field.
 */
const FORMAT_WORDS = /response_format|json_schema|guided_json|guided decoding|nvext|structured output|schema/i;

/**
 * Whether a rejected request may have been rejected for its output format: a
 * 400/422 naming it, or one whose reason the client could not read (a body
 * not in OpenAI's error shape), which trying the next mode settles.
 */
function mayRejectFormat(error: unknown): boolean {
  const cause = error instanceof WorkerError ? error.cause : error;
  if (!(cause instanceof APIError) || (cause.status !== 400 && cause.status !== 422)) return false;
  return cause.error === undefined || FORMAT_WORDS.test(cause.message);
}
