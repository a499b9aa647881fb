import { WorkerError } from '../errors';
import { jsonInText } from './json-in-text';
import type { ModelClient, TokenUsage } from './model-client';
import { NarrativeReply, narrativeReplySchema } from './model-reply';
import { periodsIn, withoutLabels } from './narrative-labels';
import { allowedFigures, inventedNumbers } from './narrative-numbers';
import { type NarrativeFacts, narrativeData, narrativeMessages } from './narrative-prompt';
import type { StructuredOutput } from './structured-output';

export interface NarrativeRequest extends NarrativeFacts {
  /** The numbers the computed headline and insights state (see `Answer.insightNumbers`). */
  insightNumbers: readonly number[];
  matchedRows: number;
}

export interface Narrative {
  headline: string;
  insights: string[];
  usage: TokenUsage;
}

const SCHEMA = narrativeReplySchema();

/**
 * Has the model write the headline and insights from the computed figures,
 * and keeps its text only if every number in it, once the labels and periods
 * it names are taken out, is one of those figures after rounding. Anything
 * else (an invented number, no JSON, a timeout) is a `WorkerError`, and the
 * caller keeps the template narrative.
 */
export class NarrativeWriter {
  constructor(
    private readonly client: ModelClient,
    private readonly output: StructuredOutput,
    private readonly timeoutMs: number,
  ) {}

  async write(request: NarrativeRequest): Promise<Narrative> {
    const data = narrativeData(request);
    const reply = await this.output.ask(
      { purpose: 'narrative', messages: narrativeMessages(data), deadline: this.client.clock() + this.timeoutMs },
      'answer_text',
      SCHEMA,
    );
    const parsed = NarrativeReply.safeParse(jsonInText(reply.content));
    if (!parsed.success) throw new WorkerError('MODEL_REPLY_INVALID', 'The narrative was not in the expected form.');
    const computedText = [data.computed.headline, ...data.computed.insights].map((text) =>
      withoutLabels(text, request.labels),
    );
    const figures = allowedFigures({
      numbers: [...request.insightNumbers, request.matchedRows, data.result?.total_rows ?? 0],
      computedText,
      result: data.result,
    });
    // Periods the computed text names (a filter's "2016") may be named too; they are dates, not figures.
    const labels = [...request.labels, ...computedText.flatMap(periodsIn)];
    const invented = [parsed.data.headline, ...parsed.data.insights].flatMap((text) =>
      inventedNumbers(withoutLabels(text, labels), figures),
    );
    if (invented.length > 0) {
      throw new WorkerError(
        'MODEL_REPLY_INVALID',
        `The narrative stated ${invented.map((n) => `"${n}"`).join(', ')}, which the figures do not hold.`,
      );
    }
    return { headline: parsed.data.headline, insights: parsed.data.insights, usage: reply.usage };
  }
}
