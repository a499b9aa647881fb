import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { WorkerError } from '../errors';
import { CircuitBreaker } from './circuit-breaker';
import { answerText, type ReasoningEffort, withReasoning } from './model-family';
import { type BackoffOptions, retryDelayMs } from './retry-delay';

export interface ModelClientOptions {
  /** Any OpenAI-compatible base URL ending in `/v1`. */
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Reasoning for requests that do not say; sent the way the model's family reads it (see `withReasoning`). */
  reasoning?: ReasoningEffort;
  /** Retries after the first attempt, on 429, 5xx and dropped connections. */
  maxRetries?: number;
  backoff?: BackoffOptions;
  /** Shared by every call of this client, so an outage opens it for every job of a warm worker. */
  breaker?: CircuitBreaker;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
  metrics?: Metrics;
}

export type ChatPurpose = 'plan' | 'repair' | 'narrative';

export interface ChatRequest {
  purpose: ChatPurpose;
  messages: ChatCompletionMessageParam[];
  /** Body fields that constrain the reply (`response_format`, NIM's `nvext.guided_json`). */
  format?: Record<string, unknown>;
  maxTokens?: number;
  /** This request's reasoning, if not the client's. */
  reasoning?: ReasoningEffort;
  /** The clock time by which the reply must be in, retries included. */
  deadline: number;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatReply {
  content: string;
  usage: TokenUsage;
  latencyMs: number;
  attempts: number;
}

const RETRYABLE = new Set([408, 409, 429, 500, 502, 503, 504]);
/** A bad key or a forbidden model is broken for every job, like an outage; a rejected body is ours to change. */
const BREAKING_CLIENT_ERRORS = new Set([401, 403]);

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One chat completion at a time against an OpenAI-compatible endpoint, with
 * the guards a job needs: a deadline covering all attempts, retries with
 * backoff that honour `Retry-After` (but never wait past the deadline), and a
 * circuit breaker that fails fast during an outage. Errors are `WorkerError`s
 * (`MODEL_TIMEOUT`, `MODEL_RATE_LIMITED`, `MODEL_UNAVAILABLE`); the caller
 * falls back to the offline path on any of them. The API key is never logged.
 */
export class ModelClient {
  readonly model: string;
  private readonly reasoning: ReasoningEffort;
  private readonly openai: OpenAI;
  private readonly maxRetries: number;
  private readonly backoff: BackoffOptions;
  private readonly breaker: CircuitBreaker;
  readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logger?: Logger;
  private readonly metrics?: Metrics;

  constructor(options: ModelClientOptions) {
    this.model = options.model;
    this.reasoning = options.reasoning ?? 'off';
    // Our own loop retries, so the deadline and the breaker see every attempt.
    this.openai = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 });
    this.maxRetries = options.maxRetries ?? 2;
    this.backoff = options.backoff ?? { baseMs: 500, maxMs: 8000 };
    this.clock = options.clock ?? Date.now;
    this.breaker = options.breaker ?? new CircuitBreaker({ clock: this.clock });
    this.sleep = options.sleep ?? sleepFor;
    this.logger = options.logger;
    this.metrics = options.metrics;
  }

  async complete(request: ChatRequest): Promise<ChatReply> {
    if (!this.breaker.allows()) {
      this.metrics?.addMetric('ModelCircuitOpen', MetricUnit.Count, 1);
      throw new WorkerError('MODEL_UNAVAILABLE', 'The language model is failing; its circuit breaker is open.');
    }
    const started = this.clock();
    const reasoning = withReasoning(this.model, request.messages, request.reasoning ?? this.reasoning);
    for (let attempt = 1; ; attempt++) {
      const remaining = request.deadline - this.clock();
      if (remaining <= 0) throw this.failure(request, new WorkerError('MODEL_TIMEOUT', timeoutMessage(request)));
      // The client's own timeout stops once headers arrive; the signal also cuts off a body that trickles in.
      const signal = AbortSignal.timeout(Math.max(1, Math.floor(remaining)));
      try {
        const reply = await this.openai.chat.completions.create(
          {
            model: this.model,
            messages: reasoning.messages,
            temperature: 0,
            max_tokens: request.maxTokens,
            ...reasoning.body,
            ...request.format,
          },
          { timeout: Math.max(1, Math.floor(remaining)), signal },
        );
        this.breaker.succeeded();
        return this.succeeded(request, reply, started, attempt);
      } catch (error) {
        const status = error instanceof APIError ? error.status : undefined;
        // Some fetch implementations report the aborted request as a dropped connection; the clock knows better.
        if (error instanceof APIConnectionTimeoutError || signal.aborted || this.clock() >= request.deadline) {
          throw this.failure(request, new WorkerError('MODEL_TIMEOUT', timeoutMessage(request), { cause: error }));
        }
        const retryable = error instanceof APIConnectionError || (status !== undefined && RETRYABLE.has(status));
        if (!retryable) {
          const breaking = status === undefined || BREAKING_CLIENT_ERRORS.has(status);
          if (breaking) throw this.failure(request, unavailable(error));
          this.breaker.succeeded();
          throw unavailable(error);
        }
        const code = status === 429 ? 'MODEL_RATE_LIMITED' : 'MODEL_UNAVAILABLE';
        if (attempt > this.maxRetries) throw this.failure(request, retriesSpent(code, attempt, error));
        const headers = error instanceof APIError ? error.headers : undefined;
        const delay = retryDelayMs(headers, attempt, this.backoff);
        if (this.clock() + delay >= request.deadline) {
          const message = `The language model could not be retried in time (next try in ${Math.ceil(delay / 1000)} s).`;
          throw this.failure(request, new WorkerError(code, message, { cause: error }));
        }
        this.logger?.debug('Model call retried', { purpose: request.purpose, status, attempt, delayMs: delay });
        await this.sleep(delay);
      }
    }
  }

  private succeeded(
    request: ChatRequest,
    reply: OpenAI.Chat.Completions.ChatCompletion,
    started: number,
    attempts: number,
  ): ChatReply {
    const latencyMs = this.clock() - started;
    const usage = {
      promptTokens: reply.usage?.prompt_tokens ?? 0,
      completionTokens: reply.usage?.completion_tokens ?? 0,
    };
    this.logger?.info('Model call', { purpose: request.purpose, model: this.model, latencyMs, attempts, ...usage });
    this.metrics?.addMetric('ModelLatency', MetricUnit.Milliseconds, latencyMs);
    this.metrics?.addMetric('ModelPromptTokens', MetricUnit.Count, usage.promptTokens);
    this.metrics?.addMetric('ModelCompletionTokens', MetricUnit.Count, usage.completionTokens);
    return { content: answerText(reply.choices[0]?.message.content), usage, latencyMs, attempts };
  }

  private failure(request: ChatRequest, error: WorkerError): WorkerError {
    this.breaker.failed();
    this.logger?.warn('Model call failed', { purpose: request.purpose, model: this.model, code: error.code });
    this.metrics?.addMetric('ModelCallFailed', MetricUnit.Count, 1);
    return error;
  }
}

function timeoutMessage(request: ChatRequest): string {
  return `The language model did not answer in time (${request.purpose}).`;
}

function unavailable(error: unknown): WorkerError {
  const status = error instanceof APIError && error.status !== undefined ? ` (HTTP ${error.status})` : '';
  return new WorkerError('MODEL_UNAVAILABLE', `The language model could not be used${status}.`, { cause: error });
}

function retriesSpent(code: 'MODEL_RATE_LIMITED' | 'MODEL_UNAVAILABLE', attempts: number, cause: unknown): WorkerError {
  const why = code === 'MODEL_RATE_LIMITED' ? 'kept rate-limiting' : 'kept failing';
  return new WorkerError(code, `The language model ${why} after ${attempts} attempts.`, { cause });
}
