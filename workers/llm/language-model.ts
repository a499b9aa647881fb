import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';
import { ModelClient } from './model-client';
import type { ReasoningEffort } from './model-family';
import { ModelPlanner } from './model-planner';
import { NarrativeWriter } from './narrative-writer';
import type { BackoffOptions } from './retry-delay';
import { StructuredOutput } from './structured-output';

export interface LanguageModelOptions {
  /** Any OpenAI-compatible base URL: NVIDIA's API, a self-hosted NIM, a loopback fake. */
  baseUrl: string;
  model: string;
  /** How much the model reasons before answering (default off); see `withReasoning`. */
  reasoning?: ReasoningEffort;
  /** From the `SecretSource`; undefined means no model at all. */
  apiKey: string | undefined;
  /** The whole planning exchange (retries and the repair round trip included). */
  planTimeoutMs: number;
  narrativeTimeoutMs: number;
  /** Operator setting: the model also sees a few raw rows. Off by default. */
  shareSampleRows?: boolean;
  maxRetries?: number;
  backoff?: BackoffOptions;
  breaker?: Omit<CircuitBreakerOptions, 'clock'>;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
  metrics?: Metrics;
}

/** The model's two jobs and what the analysis path needs to know about it. */
export interface LanguageModel {
  readonly model: string;
  readonly planner: ModelPlanner;
  readonly narrator: NarrativeWriter;
  readonly shareSampleRows: boolean;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
}

/**
 * The language model for a worker, made once per warm process so its circuit
 * breaker and learned output mode outlive a job; undefined when no API key is
 * configured, so nothing ever tries the network and the offline planner answers.
 *
 * @example
 * const llm = createLanguageModel({ ...config.llm, apiKey: await secrets.get('nvidiaApiKey'), logger, metrics });
 * await answerQuestion(question, { connection, table, meta, llm });
 */
export function createLanguageModel(options: LanguageModelOptions): LanguageModel | undefined {
  if (!options.apiKey) return undefined;
  const clock = options.clock ?? Date.now;
  const client = new ModelClient({
    baseUrl: options.baseUrl,
    model: options.model,
    apiKey: options.apiKey,
    reasoning: options.reasoning,
    maxRetries: options.maxRetries,
    backoff: options.backoff,
    breaker: new CircuitBreaker({ ...options.breaker, clock }),
    clock,
    sleep: options.sleep,
    logger: options.logger,
    metrics: options.metrics,
  });
  const output = new StructuredOutput(client);
  return {
    model: options.model,
    planner: new ModelPlanner(client, output, options.planTimeoutMs),
    narrator: new NarrativeWriter(client, output, options.narrativeTimeoutMs),
    shareSampleRows: options.shareSampleRows ?? false,
    logger: options.logger,
    metrics: options.metrics,
  };
}
