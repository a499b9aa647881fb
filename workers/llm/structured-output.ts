import { type ChatReply, type ChatRequest, isRejectedRequest, type ModelClient } from './model-client';

/** How a reply is constrained: OpenAI's structured outputs, NIM's guided JSON, or only the instructions. */
export type OutputMode = 'json_schema' | 'guided_json' | 'plain';
const MODES: readonly OutputMode[] = ['json_schema', 'guided_json', 'plain'];

/**
 * Asks for JSON matching a schema in the strongest form the server accepts.
 * It starts with `response_format: json_schema` and steps down for good when
 * the server rejects the request body (400/422): to NIM's `nvext.guided_json`,
 * then to plain text read by `jsonInText`. So a server without structured
 * outputs costs one rejected request per warm worker, not one per job.
 */
export class StructuredOutput {
  private current: OutputMode = 'json_schema';

  constructor(private readonly client: ModelClient) {}

  /** The mode in use: the strongest this server has not rejected. */
  get mode(): OutputMode {
    return this.current;
  }

  async ask(request: Omit<ChatRequest, 'format'>, name: string, schema: Record<string, unknown>): Promise<ChatReply> {
    for (;;) {
      try {
        return await this.client.complete({ ...request, format: formatFor(this.current, name, schema) });
      } catch (error) {
        const next = MODES[MODES.indexOf(this.current) + 1];
        if (next === undefined || !isRejectedRequest(error)) throw error;
        this.current = next;
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
